package fakeenv

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Cancelled is a Func whose context is cancelled already: a request
// cancelled before the built-in starts.
func Cancelled() *Func {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return &Func{Ctx: ctx}
}

// Live is a Func whose context is never cancelled.
func Live() *Func { return &Func{Ctx: context.Background()} }

// RequireStops calls fn with a cancelled context and requires the
// context's error: the "stops when cancelled" check the long-running
// built-ins share.
func RequireStops(t testing.TB, fn funcs.Impl, args []value.Value, msgAndArgs ...any) {
	t.Helper()
	_, err := fn(Cancelled(), args)
	require.ErrorIs(t, err, context.Canceled, msgAndArgs...)
}

// RequireRuns calls fn with a live context, requires no error and gives
// its result: the other half of a stop test, that the built-in still
// answers when nothing cancels it.
func RequireRuns(t testing.TB, fn funcs.Impl, args []value.Value, msgAndArgs ...any) value.Value {
	t.Helper()
	got, err := fn(Live(), args)
	require.NoError(t, err, msgAndArgs...)
	return got
}
