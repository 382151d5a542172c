package fit

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// splinePredict is cubicSplinePredict, the predict function a cubicSpline
// model holds.
var splinePredict = funcs.PredictSpec("cubicSplinePredict", "statistics", cubicSplinePredict)

// cubicSpline is the cubic spline through (x, y) with the boundary
// conditions bc_type, scipy.interpolate.CubicSpline's (funcs/c/cubicspline.md):
// the model's c holds each interval's coefficients of (x-x[i])^3, ^2, ^1
// and ^0 in turn.
func cubicSpline(_ funcs.Env, args []value.Value) (value.Value, error) {
	xs, ok := numbers(args[0])
	if !ok || len(xs) < 3 || !increasing(xs) {
		return nil, ddberr.Errorf("x of cubicSpline must be a strictly increasing numeric vector of at least 3 elements without NULL values.")
	}
	ys, err := numbersAlongX("cubicSpline", "y", args[1], len(xs))
	if err != nil {
		return nil, err
	}
	bc, err := splineBounds(funcs.Arg(args, 2))
	if err != nil {
		return nil, err
	}
	ds := splineSlopes(xs, ys, bc)
	m := len(xs) - 1
	cm := hermiteCoeffs(xs, ys, ds)
	c := make([]float64, 4*m)
	for i := 0; i < m; i++ {
		for j := 0; j < 4; j++ {
			c[4*i+j] = cm[j*m+i]
		}
	}
	return funcs.StringDict([]string{"modelName", "x", "c", "predict"},
		[]value.Value{value.NewString("cubicSpline"), value.NewDoubles(xs), value.NewDoubles(c), splinePredict}), nil
}

// splineBounds reads bc_type: one condition for both ends, or a pair or
// two-element vector of the left and right ones.
func splineBounds(x value.Value) ([2]string, error) {
	bc := [2]string{"not-a-knot", "not-a-knot"}
	if x == nil {
		return bc, nil
	}
	names, ok := funcs.StringsArg(x)
	if p, isPair := x.(*value.Pair); isPair {
		names, ok = funcs.StringsArg(p.V)
	}
	if !ok || len(names) < 1 || len(names) > 2 {
		return bc, errBadBounds()
	}
	bc[0], bc[1] = names[0], names[len(names)-1]
	for _, b := range bc {
		if b != "not-a-knot" && b != "clamped" && b != "natural" {
			return bc, errBadBounds()
		}
	}
	return bc, nil
}

func errBadBounds() error {
	return ddberr.Errorf("bc_type of cubicSpline must be 'not-a-knot', 'clamped' or 'natural', or a pair or vector of two of them.")
}

// splineSlopes are the spline's first derivatives at the knots: the
// tridiagonal system of C2 continuity with the end rows of bc.
func splineSlopes(xs, ys []float64, bc [2]string) []float64 {
	n := len(xs)
	dx, slope := make([]float64, n-1), make([]float64, n-1)
	for i := range dx {
		dx[i] = xs[i+1] - xs[i]
		slope[i] = (ys[i+1] - ys[i]) / dx[i]
	}
	// sub[i], diag[i], sup[i] are row i's entries at columns i-1, i, i+1.
	sub, diag, sup, b := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for i := 1; i < n-1; i++ {
		sub[i], diag[i], sup[i] = dx[i], 2*(dx[i-1]+dx[i]), dx[i-1]
		b[i] = 3 * (dx[i]*slope[i-1] + dx[i-1]*slope[i])
	}
	if n == 3 && bc[0] == "not-a-knot" && bc[1] == "not-a-knot" {
		// the parabola through the three points
		diag[0], sup[0], b[0] = 1, 1, 2*slope[0]
		sub[2], diag[2], b[2] = 1, 1, 2*slope[1]
		return solveTridiagonal(sub, diag, sup, b)
	}
	switch bc[0] {
	case "not-a-knot":
		d := xs[2] - xs[0]
		diag[0], sup[0] = dx[1], d
		b[0] = ((dx[0]+2*d)*dx[1]*slope[0] + dx[0]*dx[0]*slope[1]) / d
	case "clamped":
		diag[0], sup[0], b[0] = 1, 0, 0
	default: // natural
		diag[0], sup[0], b[0] = 2*dx[0], dx[0], 3*(ys[1]-ys[0])
	}
	switch bc[1] {
	case "not-a-knot":
		d := xs[n-1] - xs[n-3]
		diag[n-1], sub[n-1] = dx[n-3], d
		b[n-1] = (dx[n-2]*dx[n-2]*slope[n-3] + (2*d+dx[n-2])*dx[n-3]*slope[n-2]) / d
	case "clamped":
		diag[n-1], sub[n-1], b[n-1] = 1, 0, 0
	default:
		diag[n-1], sub[n-1], b[n-1] = 2*dx[n-2], dx[n-2], 3*(ys[n-1]-ys[n-2])
	}
	return solveTridiagonal(sub, diag, sup, b)
}

// solveTridiagonal solves the tridiagonal system by elimination with
// partial pivoting between neighbouring rows (the not-a-knot end rows
// can have a small diagonal). The row standing at position i only ever
// holds columns i-1..i+2 (a pivot swap fills row k's column k+2), so
// each row is that band of four, a swap shifting the two rows' bands by
// one; a dense n x n matrix was 320 GB of address space at 200K knots.
func solveTridiagonal(sub, diag, sup, b []float64) []float64 {
	n := len(diag)
	a := make([][4]float64, n) // a[i][j-i+1] is the element (i, j)
	for i := range a {
		if i > 0 {
			a[i][0] = sub[i]
		}
		a[i][1] = diag[i]
		if i+1 < n {
			a[i][2] = sup[i]
		}
	}
	rhs := append([]float64(nil), b...)
	for k := 0; k < n; k++ {
		if k+1 < n && math.Abs(a[k+1][0]) > math.Abs(a[k][1]) {
			lo, hi := a[k], a[k+1]
			a[k] = [4]float64{0, hi[0], hi[1], hi[2]}
			a[k+1] = [4]float64{lo[1], lo[2], lo[3], 0}
			rhs[k], rhs[k+1] = rhs[k+1], rhs[k]
		}
		if k+1 < n && a[k][1] != 0 {
			f := a[k+1][0] / a[k][1]
			for j := k; j < min(n, k+3); j++ {
				a[k+1][j-k] -= f * a[k][j-k+1]
			}
			rhs[k+1] -= f * rhs[k]
		}
	}
	x := make([]float64, n)
	for i := n - 1; i >= 0; i-- {
		s := rhs[i]
		for j := i + 1; j < min(n, i+3); j++ {
			s -= a[i][j-i+1] * x[j]
		}
		x[i] = s / a[i][1]
	}
	return x
}

// cubicSplinePredict evaluates a cubicSpline model at x
// (funcs/c/cubicsplinepredic.md), extrapolating with the end cubics as
// scipy does.
func cubicSplinePredict(_ funcs.Env, args []value.Value) (value.Value, error) {
	xs, ok1 := numbers(funcs.ModelField(args[0], "x"))
	c, ok2 := numbers(funcs.ModelField(args[0], "c"))
	if !ok1 || !ok2 || len(xs) < 2 || len(c) != 4*(len(xs)-1) {
		return nil, ddberr.Errorf("model of cubicSplinePredict must be a dictionary with the keys c and x, c as long as 4*(size(x)-1), neither holding NULL values.")
	}
	x, wrap, err := funcs.Floats("cubicSplinePredict", args[1])
	if err != nil {
		return nil, err
	}
	m := len(xs) - 1
	cm := make([]float64, 4*m)
	for i := 0; i < m; i++ {
		for j := 0; j < 4; j++ {
			cm[j*m+i] = c[4*i+j]
		}
	}
	return wrap(value.NewDoubles(funcs.Finite(evalPiecewise(xs, cm, x, true)))), nil
}
