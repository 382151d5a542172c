package linprog

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// fakeEnv calls every function value as f and counts the calls.
type fakeEnv struct {
	funcs.Env
	ctx   context.Context
	f     func(x []float64) value.Value
	calls int
}

func (e *fakeEnv) Context() context.Context { return e.ctx }

func (e *fakeEnv) Call(_ value.Value, args ...value.Value) (value.Value, error) {
	e.calls++
	return e.f(args[0].(*value.Vector).F64), nil
}

// TestSLSQPStops checks that fminSLSQP returns the context's error once
// the session is cancelled and ends on a function that is NaN
// everywhere.
func TestSLSQPStops(t *testing.T) {
	args := func() []value.Value { return []value.Value{&funcs.Spec{Name: "f"}, value.NewDoubles([]float64{1, 2})} }
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	env := &fakeEnv{ctx: ctx, f: func(x []float64) value.Value { return value.NewDouble(x[0] * x[0]) }}
	_, err := fminSLSQP(env, args())
	require.ErrorIs(t, err, context.Canceled)
	require.Zero(t, env.calls)

	env = &fakeEnv{ctx: context.Background(), f: func([]float64) value.Value { return value.NewDouble(math.NaN()) }}
	_, err = fminSLSQP(env, args())
	require.NoError(t, err)
	require.Less(t, env.calls, 10000)
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
