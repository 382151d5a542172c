package optimize

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// fminLBFGSB minimises func from X0 within bounds by the bounded
// limited-memory BFGS of the differentialEvolution polish (funcs/f/
// fminlbfgsb.md; where no bound binds, L-BFGS-B's own steps): m
// corrections, stopping when the projected gradient's
// largest component is at most pgtol or the relative decrease of f is at
// most factr*eps; without fprime the gradient is forward differences of
// step epsilon. warnFlag: 1 maxIter or maxFun reached, 2 the line search
// (maxLS steps) failed.
func fminLBFGSB(env funcs.Env, args []value.Value) (value.Value, error) {
	r := funcs.ReadArgs("fminLBFGSB", args)
	s, x0 := startArgs(env, r)
	n := len(x0)
	s.grad = OptFunc(r, "fprime", 2)
	lo, hi := Bounds(r, 3, n)
	var o lbOptions
	o.m = intOpt(r, "m", 4, 10, 1)
	o.factr = FloatOpt(r, "factr", 5, 1e7, positive)
	o.pgtol = FloatOpt(r, "pgtol", 6, 1e-5, positive)
	eps := FloatOpt(r, "epsilon", 7, 1e-8, positive)
	o.maxIter = intOpt(r, "maxIter", 8, 15000, 0)
	o.maxFun = intOpt(r, "maxFun", 9, 15000, 0)
	o.maxLS = intOpt(r, "maxLS", 10, 20, 0)
	if err := r.Err(); err != nil {
		return nil, err
	}
	for i := range x0 {
		x0[i] = min(max(x0[i], lo[i]), hi[i])
	}
	f := func(x []float64) (float64, error) { return s.value(x) }
	grad := func(x []float64, fx float64, g []float64) error {
		if s.grad != nil {
			return s.gradient(x, fx, eps, g)
		}
		s.gcalls++
		return gradient(f, x, fx, lo, hi, eps, g)
	}
	res, err := lbfgsb(f, grad, x0, lo, hi, o, func() int { return s.fcalls })
	if err != nil {
		return nil, err
	}
	return result("xopt", res.x, "fopt", res.f, "gopt", res.g, "iterations", res.iters, "fcalls", s.fcalls, "warnFlag", res.warn), nil
}

// Bounds reads argument i, the bounds of n variables: an n x 2 numeric
// matrix of lower and upper bounds whose NULL cells leave a side open
// (absent: every side open). lo and hi hold n bounds even when r holds
// an error.
func Bounds(r *funcs.Args, i, n int) (lo, hi []float64) {
	lo, hi = make([]float64, n), make([]float64, n)
	for k := range lo {
		lo[k], hi[k] = math.Inf(-1), math.Inf(1)
	}
	b := r.Given(i)
	if b == nil || r.Err() != nil {
		return lo, hi
	}
	m, ok := b.(*value.Matrix)
	if !ok || m.Cols != 2 || m.Rows != n || !funcs.IsNumericVec(m.V) {
		r.Fail(ddberr.Errorf("The argument [bounds] of %s must be a numeric matrix of N rows and 2 columns, N being the size of X0.", r.Fn))
		return lo, hi
	}
	d, _ := doublesOf(m)
	for k := range n {
		if !math.IsNaN(d[k]) {
			lo[k] = d[k]
		}
		if !math.IsNaN(d[n+k]) {
			hi[k] = d[n+k]
		}
		if lo[k] > hi[k] {
			r.Fail(ddberr.Errorf("The argument [%s] of %s is out of range.", "bounds", r.Fn))
			return lo, hi
		}
	}
	return lo, hi
}
