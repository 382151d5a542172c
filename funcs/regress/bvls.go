package regress

import (
	"context"
	"math"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// bvls is the bounded-variable least-squares regression of Y on X
// (funcs/b/bvls.md): min ||y - Xb|| with lb <= b <= ub, the bounds a
// tuple (lb, ub) of scalars or of vectors with one bound per coefficient.
// The bounds hold the intercept too; vectors as long as the factors leave
// the intercept unbounded. NULLs in X and Y are 0. Only mode 0 (the
// coefficient vector) exists.
func bvls(_ funcs.Env, args []value.Value) (value.Value, error) {
	r := funcs.ReadArgs("bvls", args)
	d := designIn(r)
	intercept := r.Bool("intercept", r.Given(5), true)
	if err := r.Err(); err != nil {
		return nil, err
	}
	if m := funcs.GivenArg(args, 6); m != nil {
		if mode, err := funcs.IntArg("bvls", "mode", m, 0); err != nil || mode != 0 {
			return nil, funcs.BadArg("bvls", "mode", "0")
		}
	}
	if len(d.y) == 0 {
		return nil, funcs.BadArg("bvls", "Y", "a non-empty numeric vector")
	}
	y := zeroNulls(d.y)
	for i, c := range d.cols {
		d.cols[i] = zeroNulls(c)
	}
	cols, _ := d.matrixCols(intercept)
	k := len(cols)
	lb, ub, ok := bounds(args[2], k, len(d.cols), intercept)
	if !ok {
		return nil, funcs.BadArg("bvls", "bounds", "a tuple (lb, ub) of numbers or of vectors with a bound per factor, lb <= ub")
	}
	maxIter := int64(k)
	if m := r.Given(3); m != nil {
		if maxIter = r.PositiveInt("maxIter", m, maxIter); r.Err() != nil {
			return nil, r.Err()
		}
	}
	tol := 1e-10
	if t := funcs.GivenArg(args, 4); t != nil {
		s, ok := t.(*value.Scalar)
		if !ok || !s.T.IsNumeric() || s.T == value.Bool || s.Null {
			return nil, funcs.BadArg("bvls", "tolerance", "a non-negative number")
		}
		f, _ := funcs.DoublesOf("bvls", funcs.ScalarVector(s))
		if tol = f[0]; tol < 0 {
			return nil, funcs.BadArg("bvls", "tolerance", "a non-negative number")
		}
	}
	return value.NewDoubles(nullNaN(boundedLS(cols, y, lb, ub, int(min(maxIter, 1<<20)), tol)...)), nil
}

// bounds reads (lb, ub) into one bound per coefficient.
func bounds(x value.Value, k, factors int, intercept bool) (lb, ub []float64, ok bool) {
	t, isTuple := x.(*value.Vector)
	if !isTuple || t.T != value.Any || len(t.Any) != 2 {
		return nil, nil, false
	}
	side := func(v value.Value, def float64) []float64 {
		vec, _ := funcs.ScalarOrVector(v)
		if vec == nil || vec.T == value.Any || !funcs.IsNumericVec(vec) {
			return nil
		}
		xs, err := funcs.DoublesOf("bvls", vec)
		if err != nil {
			return nil
		}
		out := make([]float64, k)
		switch {
		case len(xs) == 1:
			for i := range out {
				out[i] = xs[0]
			}
		case len(xs) == k:
			copy(out, xs)
		case intercept && len(xs) == factors:
			out[0] = def
			copy(out[1:], xs)
		default:
			return nil
		}
		for i, b := range out {
			if funcs.IsNullF(b) {
				out[i] = def
			}
		}
		return out
	}
	lb, ub = side(t.Any[0], math.Inf(-1)), side(t.Any[1], math.Inf(1))
	if lb == nil || ub == nil {
		return nil, nil, false
	}
	for i := range lb {
		if lb[i] > ub[i] {
			return nil, nil, false
		}
	}
	return lb, ub, true
}

// boundedLS solves min ||y - Xb|| with lb <= b <= ub by an active-set
// method (Stark and Parker's BVLS): from the unconstrained solution
// clipped to the bounds, the free coefficients are refitted by least
// squares with the others held at their bounds, stepping back to the
// first bound crossed while a refit leaves the box; then the bound
// coefficient whose gradient most violates the Karush-Kuhn-Tucker
// conditions (by more than tol) is freed, up to maxIter times.
func boundedLS(cols [][]float64, y, lb, ub []float64, maxIter int, tol float64) []float64 {
	k, n := len(cols), len(y)
	clip := func(j int, v float64) float64 { return math.Min(math.Max(v, lb[j]), ub[j]) }
	free := make([]bool, k)
	for j := range free {
		free[j] = true
	}
	x := make([]float64, k)
	refit := func() []float64 {
		// Least squares over the free coefficients with y less the bound ones.
		r := append([]float64(nil), y...)
		var fc [][]float64
		var idx []int
		for j, c := range cols {
			if free[j] {
				fc, idx = append(fc, c), append(idx, j)
			} else {
				axpy(-x[j], c, r)
			}
		}
		z := make([]float64, k)
		copy(z, x)
		if len(fc) > 0 {
			f, _ := leastSquares(context.Background(), fc, r, nil, "svd", true)
			for i, j := range idx {
				z[j] = f.beta[i]
			}
		}
		return z
	}
	z := refit()
	for j := range x {
		x[j] = clip(j, z[j])
		free[j] = x[j] > lb[j] && x[j] < ub[j]
	}
	inner := func() {
		for guard := 0; guard <= k; guard++ {
			z := refit()
			inside := true
			for j := range z {
				if free[j] && (z[j] <= lb[j] || z[j] >= ub[j]) {
					inside = false
				}
			}
			if inside {
				copy(x, z)
				return
			}
			alpha, hit := 1.0, -1
			for j := range z {
				if !free[j] || z[j] > lb[j] && z[j] < ub[j] {
					continue
				}
				bound := lb[j]
				if z[j] >= ub[j] {
					bound = ub[j]
				}
				a := 0.0
				if z[j] != x[j] {
					a = (bound - x[j]) / (z[j] - x[j])
				}
				if a < alpha || hit < 0 {
					alpha, hit = math.Max(a, 0), j
				}
			}
			for j := range x {
				if free[j] {
					x[j] = clip(j, x[j]+alpha*(z[j]-x[j]))
				}
			}
			if hit >= 0 {
				free[hit] = false
				if math.Abs(x[hit]-lb[hit]) <= math.Abs(x[hit]-ub[hit]) {
					x[hit] = lb[hit]
				} else {
					x[hit] = ub[hit]
				}
			}
			for j := range x {
				if free[j] && (x[j] <= lb[j] || x[j] >= ub[j]) {
					free[j] = false
				}
			}
		}
	}
	inner()
	for it := 0; it < maxIter; it++ {
		r := append([]float64(nil), y...)
		for j, c := range cols {
			axpy(-x[j], c, r)
		}
		best, bestG := -1, tol*float64(max(n, 1))
		for j, c := range cols {
			if free[j] {
				continue
			}
			g := funcs.Dot(c, r) // the negative gradient of ||r||²/2
			if x[j] <= lb[j] && g > bestG || x[j] >= ub[j] && -g > bestG {
				best, bestG = j, math.Abs(g)
			}
		}
		if best < 0 {
			break
		}
		free[best] = true
		inner()
	}
	return x
}
