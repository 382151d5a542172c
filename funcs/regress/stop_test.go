package regress

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// polynomial with as many coefficients as points is quadratic work: a
// cancelled request stops it instead of running on.
func TestPolynomialStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	xs := value.NewDoubles(make([]float64, 200000))
	_, err := polynomial(&fakeenv.Func{Ctx: ctx}, []value.Value{xs, xs})
	require.ErrorIs(t, err, context.Canceled)
}

// piecewiseLinFit's search fits every row once per try, up to 20000
// starts and 400 tries per break: a cancelled request stops it.
func TestPiecewiseLinFitStopsWhenCancelled(t *testing.T) {
	xs, ys := make([]float64, 500), make([]float64, 500)
	for i := range xs {
		xs[i] = float64(i)
		ys[i] = float64(i % 37)
	}
	args := []value.Value{value.NewDoubles(xs), value.NewDoubles(ys), value.NewInt(4)}
	_, err := piecewiseLinFit(&fakeenv.Func{Ctx: context.Background()}, args)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = piecewiseLinFit(&fakeenv.Func{Ctx: ctx}, args)
	require.ErrorIs(t, err, context.Canceled)
}
