package fit

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// pchipInterpolateFit is the piecewise cubic Hermite interpolant of (X,
// Y) that keeps the data's monotonicity (funcs/p/pchipInterpolateFit.md,
// Fritsch and Carlson as SciPy's PchipInterpolator): the slope at an
// inner point is 0 where the neighbouring secants change sign, else
// their weighted harmonic mean; an end slope is the one-sided three-
// point estimate, 0 when its sign differs from the first secant's and
// 3 times that secant when it overshoots a change of sign. The model
// evaluates as cubicHermiteSplineFit's does.
func pchipInterpolateFit(_ funcs.Env, args []value.Value) (value.Value, error) {
	xs, ys, err := hermitePoints("pchipInterpolateFit", args)
	if err != nil {
		return nil, err
	}
	extrapolate, err := funcs.BoolArg("pchipInterpolateFit", "extrapolate", funcs.GivenArg(args, 2), true)
	if err != nil {
		return nil, err
	}
	return hermiteModel("PchipInterpolate", xs, ys, pchipSlopes(xs, ys), extrapolate), nil
}

// pchipSlopes are the slopes of pchipInterpolateFit at each X.
func pchipSlopes(xs, ys []float64) []float64 {
	n := len(xs)
	h, delta := make([]float64, n-1), make([]float64, n-1)
	for k := range h {
		h[k] = xs[k+1] - xs[k]
		delta[k] = (ys[k+1] - ys[k]) / h[k]
	}
	d := make([]float64, n)
	if n == 2 {
		d[0], d[1] = delta[0], delta[0]
		return d
	}
	for k := 1; k < n-1; k++ {
		if delta[k-1]*delta[k] <= 0 {
			continue
		}
		w1, w2 := 2*h[k]+h[k-1], h[k]+2*h[k-1]
		d[k] = (w1 + w2) / (w1/delta[k-1] + w2/delta[k])
	}
	d[0] = pchipEdge(h[0], h[1], delta[0], delta[1])
	d[n-1] = pchipEdge(h[n-2], h[n-3], delta[n-2], delta[n-3])
	return d
}

// pchipEdge is an end slope from the two secants nearest it.
func pchipEdge(h0, h1, m0, m1 float64) float64 {
	d := ((2*h0+h1)*m0 - h0*m1) / (h0 + h1)
	sign := func(x float64) float64 {
		if x == 0 || math.IsNaN(x) {
			return 0
		}
		return math.Copysign(1, x)
	}
	if sign(d) != sign(m0) {
		return 0
	}
	if sign(m0) != sign(m1) && math.Abs(d) > math.Abs(3*m0) {
		return 3 * m0
	}
	return d
}

// kroghInterpolate evaluates at newX (or its der-th derivative) the
// polynomial kroghInterpolateFit fits (funcs/k/kroghinterpolate.md).
func kroghInterpolate(env funcs.Env, args []value.Value) (value.Value, error) {
	xs, ys, err := kroghPoints("kroghInterpolate", args)
	if err != nil {
		return nil, err
	}
	nx, ok := numbers(args[2])
	if !ok {
		return nil, ddberr.Errorf("newX of kroghInterpolate must be a numeric vector without NULL values.")
	}
	ctx := funcs.ContextOf(env)
	der, c, err := kroghModel(ctx, "kroghInterpolate", funcs.GivenArg(args, 3), xs, ys)
	if err != nil {
		return nil, err
	}
	out, err := newKroghEval(xs, c, int(der)).all(ctx, nx)
	if err != nil {
		return nil, err
	}
	return value.NewDoubles(funcs.Finite(out)), nil
}
