package linprog

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// TestSLSQPStops checks that fminSLSQP returns the context's error once
// the session is cancelled and ends on a function that is NaN
// everywhere.
func TestSLSQPStops(t *testing.T) {
	args := func() []value.Value { return []value.Value{&funcs.Spec{Name: "f"}, value.NewDoubles([]float64{1, 2})} }
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	env := &fakeenv.Func{Ctx: ctx, F: func(x []float64) value.Value { return value.NewDouble(x[0] * x[0]) }}
	_, err := fminSLSQP(env, args())
	require.ErrorIs(t, err, context.Canceled)
	require.Zero(t, env.Calls)

	env = &fakeenv.Func{Ctx: context.Background(), F: func([]float64) value.Value { return value.NewDouble(math.NaN()) }}
	_, err = fminSLSQP(env, args())
	require.NoError(t, err)
	require.Less(t, env.Calls, 10000)
}

// TestProgramsStopWhenCancelled checks the interior-point and simplex
// loops.
func TestProgramsStopWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p := &program{ctx: ctx, f: []float64{1, 1}, cons: []constraint{linCon{a: []float64{-1, 0}, b: 0}, linCon{a: []float64{0, -1}, b: 0}}}
	_, st := p.solve()
	require.Equal(t, lpCancelled, st)
}
