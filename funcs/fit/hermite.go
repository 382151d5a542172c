package fit

import (
	"math"
	"sort"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// hermitePredict is the predict function a cubicHermiteSplineFit model
// holds.
var hermitePredict = funcs.PredictSpec("cubicHermiteSplinePredict", "statistics", hermitePredictFn)

// cubicHermiteSplineFit is the piecewise cubic through (X, Y) with the
// given first derivatives at each X (funcs/c/cubichermitesplinefit.md).
// coeffs holds one row per interval, the coefficients of (x-X[i])^3,
// ^2, ^1 and ^0 in its columns.
func cubicHermiteSplineFit(_ funcs.Env, args []value.Value) (value.Value, error) {
	xs, ys, err := hermitePoints("cubicHermiteSplineFit", args)
	if err != nil {
		return nil, err
	}
	ds, err := numbersAlongX("cubicHermiteSplineFit", "derivative", args[2], len(xs))
	if err != nil {
		return nil, err
	}
	extrapolate, err := funcs.BoolArg("cubicHermiteSplineFit", "extrapolate", funcs.GivenArg(args, 3), true)
	if err != nil {
		return nil, err
	}
	return hermiteModel("CubicHermiteSpline", xs, ys, ds, extrapolate), nil
}

// hermitePoints reads X and Y of cubicHermiteSplineFit and
// pchipInterpolateFit.
func hermitePoints(fn string, args []value.Value) (xs, ys []float64, err error) {
	xs, ok := numbers(args[0])
	if !ok || len(xs) < 2 || !increasing(xs) {
		return nil, nil, ddberr.Errorf("X of %s must be a strictly increasing numeric vector of at least 2 elements.", fn)
	}
	ys, err = numbersAlongX(fn, "Y", args[1], len(xs))
	return xs, ys, err
}

// hermiteModel is the model of cubicHermiteSplineFit and
// pchipInterpolateFit: the cubics through (X, Y) with slopes ds, which
// hermitePredict evaluates.
func hermiteModel(name string, xs, ys, ds []float64, extrapolate bool) value.Value {
	c := hermiteCoeffs(xs, ys, ds)
	return funcs.StringDict([]string{"modelName", "X", "extrapolate", "coeffs", "predict"},
		[]value.Value{value.NewString(name), value.NewDoubles(xs), value.NewBool(extrapolate),
			&value.Matrix{V: value.NewDoubles(c), Rows: len(xs) - 1, Cols: 4}, hermitePredict})
}

// hermiteCoeffs are the coefficients of the cubic through (X, Y) with
// first derivatives ds on each interval, column-major m x 4: c[j*m+i] is
// interval i's coefficient of (x-X[i])^(3-j).
func hermiteCoeffs(xs, ys, ds []float64) []float64 {
	m := len(xs) - 1
	c := make([]float64, 4*m)
	for i := 0; i < m; i++ {
		dx := xs[i+1] - xs[i]
		slope := (ys[i+1] - ys[i]) / dx
		t := (ds[i] + ds[i+1] - 2*slope) / dx
		c[i] = t / dx
		c[m+i] = (slope-ds[i])/dx - t
		c[2*m+i] = ds[i]
		c[3*m+i] = ys[i]
	}
	return c
}

// increasing reports whether xs strictly increases.
func increasing(xs []float64) bool {
	for i := 1; i < len(xs); i++ {
		if !(xs[i] > xs[i-1]) {
			return false
		}
	}
	return true
}

// hermitePredictFn evaluates a cubicHermiteSplineFit model at X: the
// cubic of the interval holding each point (the first or last one
// outside X's range, or NULL there without extrapolate).
func hermitePredictFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	xs, ok1 := numbers(funcs.ModelField(args[0], "X"))
	cm, ok2 := funcs.ModelField(args[0], "coeffs").(*value.Matrix)
	ext, ok3 := funcs.ScalarArg(funcs.ModelField(args[0], "extrapolate"))
	if !ok1 || !ok2 || !ok3 || len(xs) < 2 || cm.V.T != value.Double || cm.Rows != len(xs)-1 || cm.Cols != 4 {
		return nil, errBadModel()
	}
	x, wrap, err := funcs.Floats("predict", args[1])
	if err != nil {
		return nil, err
	}
	out := evalPiecewise(xs, cm.V.F64, x, ext.Bool())
	return wrap(value.NewDoubles(funcs.Finite(out))), nil
}

// evalPiecewise evaluates the piecewise cubic with hermiteCoeffs' layout
// c over the edges xs at each x: the cubic of the interval holding it
// (the first or last one outside the edges, or NaN there without
// extrapolate).
func evalPiecewise(xs, c, x []float64, extrapolate bool) []float64 {
	m := len(xs) - 1
	out := make([]float64, len(x))
	for k, v := range x {
		if funcs.IsNullF(v) || !extrapolate && (v < xs[0] || v > xs[m]) {
			out[k] = math.NaN()
			continue
		}
		i := sort.SearchFloat64s(xs, v) // first edge >= v
		if i < len(xs) && xs[i] == v {
			i++
		}
		i = min(max(i-1, 0), m-1)
		d := v - xs[i]
		out[k] = ((c[i]*d+c[m+i])*d+c[2*m+i])*d + c[3*m+i]
	}
	return out
}
