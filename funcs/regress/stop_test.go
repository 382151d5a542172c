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
	xs := value.NewDoubles(make([]float64, 200000))
	fakeenv.RequireStops(t, polynomial, []value.Value{xs, xs})
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
	fakeenv.RequireRuns(t, piecewiseLinFit, args)
	fakeenv.RequireStops(t, piecewiseLinFit, args)
}

// One try of piecewiseLinFit with a thousand breaks over 200,000 points
// (its design, x'x and the pseudo-inverse) ran 100 s with no check: the
// try itself stops when the cancel lands after its start, in building
// the design columns, the design matrix, x'x or the constrained system.
func TestPiecewiseTryStopsWhenCancelled(t *testing.T) {
	n := 3000
	p := &pwlfProblem{x: make([]float64, n), y: make([]float64, n), degree: 1, segments: 40}
	for i := range p.x {
		p.x[i] = float64(i)
		p.y[i] = float64(i % 37)
	}
	breaks := []float64{0}
	for i := 1; i < p.segments; i++ {
		breaks = append(breaks, float64(i*n/p.segments)+0.5)
	}
	breaks = append(breaks, float64(n-1))
	_, ssr, err := p.fit(context.Background(), breaks)
	require.NoError(t, err)
	require.Greater(t, ssr, 0.0)
	checks := 0
	for after := 1; ; after++ {
		_, _, err := p.fit(&fakeenv.CancelLater{Context: context.Background(), After: after}, breaks)
		if err == nil {
			checks = after
			break
		}
		require.ErrorIs(t, err, context.Canceled, "cancel after %d checks", after)
	}
	// a column of the design, a band of rows and a band of x'x apiece
	require.Greater(t, checks, p.segments+n/1024+p.segments/32)

	p.xc, p.yc = []float64{10, 2000}, []float64{1, 2}
	_, _, err = p.fit(context.Background(), breaks)
	require.NoError(t, err)
	_, _, err = p.fit(&fakeenv.CancelLater{Context: context.Background(), After: p.segments + 5}, breaks)
	require.ErrorIs(t, err, context.Canceled, "in the KKT system's rows")
}

// piecewiseLinFit accounts the design a try holds (twice n by k doubles)
// before the search.
func TestPiecewiseLinFitReserves(t *testing.T) {
	xs := value.NewDoubles([]float64{1, 2, 3, 4, 5, 6})
	_, err := piecewiseLinFit(&fakeenv.Limited{Func: fakeenv.Func{Ctx: context.Background()}, Max: -1}, []value.Value{xs, xs, value.NewInt(2)})
	require.ErrorIs(t, err, fakeenv.ErrOverLimit)
}
