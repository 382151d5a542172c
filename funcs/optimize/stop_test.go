package optimize

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// optimiserCalls are calls of each optimiser of a script function.
func optimiserCalls() map[string]func(env funcs.Env) (value.Value, error) {
	fn := &funcs.Spec{Name: "f"}
	x0 := func() value.Value { return value.NewDoubles([]float64{1, 2}) }
	bounds := &value.Matrix{V: value.NewDoubles([]float64{0, 0, 3, 3}), Rows: 2, Cols: 2}
	grad := &funcs.Spec{Name: "g"}
	return map[string]func(env funcs.Env) (value.Value, error){
		"fmin":       func(env funcs.Env) (value.Value, error) { return fmin(env, []value.Value{fn, x0()}) },
		"fminBFGS":   func(env funcs.Env) (value.Value, error) { return fminBFGS(env, []value.Value{fn, x0()}) },
		"fminLBFGSB": func(env funcs.Env) (value.Value, error) { return fminLBFGSB(env, []value.Value{fn, x0()}) },
		"fminNCG":    func(env funcs.Env) (value.Value, error) { return fminNCG(env, []value.Value{fn, x0(), grad, grad}) },
		"brentq": func(env funcs.Env) (value.Value, error) {
			return brentq(env, []value.Value{fn, value.NewDouble(-1), value.NewDouble(2)})
		},
		"brute": func(env funcs.Env) (value.Value, error) {
			r := value.NewTuple([]value.Value{value.NewDouble(0), value.NewDouble(3)})
			return brute(env, []value.Value{fn, value.NewTuple([]value.Value{r, r})})
		},
		"differentialEvolution": func(env funcs.Env) (value.Value, error) {
			return differentialEvolution(env, []value.Value{fn, bounds, value.NewNothing(), value.NewNothing(),
				value.NewNothing(), value.NewNothing(), value.NewNothing(), value.NewNothing(), value.NewNothing(),
				value.NewNothing(), value.NewInt(1)})
		},
	}
}

// TestOptimisersStopWhenCancelled checks that every optimiser returns the
// context's error once the session is cancelled.
func TestOptimisersStopWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for name, call := range optimiserCalls() {
		t.Run(name, func(t *testing.T) {
			env := &fakeenv.Func{Ctx: ctx, F: func(x []float64) value.Value { return value.NewDouble(x[0] * x[0]) }}
			_, err := call(env)
			require.ErrorIs(t, err, context.Canceled)
			require.Zero(t, env.Calls)
		})
	}
}

// TestOptimisersEndOnNaN checks that a function returning NaN or NULL
// everywhere ends each optimiser within its call bounds.
func TestOptimisersEndOnNaN(t *testing.T) {
	for _, r := range []value.Value{value.NewDouble(math.NaN()), value.NewNothing(), value.NewDoubles([]float64{math.NaN(), math.NaN()})} {
		for name, call := range optimiserCalls() {
			t.Run(name, func(t *testing.T) {
				env := &fakeenv.Func{Ctx: context.Background(), F: func([]float64) value.Value { return r }}
				_, _ = call(env)
				require.Less(t, env.Calls, 200000)
			})
		}
	}
}

// fmin's simplex and fminBFGS's inverse Hessian are N by N: from 200,000
// variables fmin asked for 320 GB and took the process down. Both
// account them first; small problems run as before.
func TestSquareStateReserved(t *testing.T) {
	fn := &funcs.Spec{Name: "f"}
	env := &fakeenv.Limited{Func: fakeenv.Func{Ctx: context.Background(), F: func(xs []float64) value.Value {
		s := 0.0
		for _, x := range xs {
			s += x * x
		}
		return value.NewDouble(s)
	}}, Max: 1 << 16}
	// 400 variables are 80,400 elements of simplex; a few iterations, so
	// that a run which does not account them ends quickly
	big := value.NewDoubles(make([]float64, 400))
	none, two := value.NewNothing(), value.NewInt(2)
	_, err := fmin(env, []value.Value{fn, big, none, none, two, two})
	require.ErrorIs(t, err, fakeenv.ErrOverLimit)
	_, err = fminBFGS(env, []value.Value{fn, big, none, none, none, none, two})
	require.ErrorIs(t, err, fakeenv.ErrOverLimit)
	small := value.NewDoubles([]float64{1, 2})
	_, err = fmin(env, []value.Value{fn, small})
	require.NoError(t, err)
	_, err = fminBFGS(env, []value.Value{fn, small})
	require.NoError(t, err)
}
