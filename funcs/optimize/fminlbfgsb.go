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
	const fn = "fminLBFGSB"
	s, x0, err := startArgs(env, fn, args)
	if err != nil {
		return nil, err
	}
	n := len(x0)
	if s.grad, err = OptFunc(fn, "fprime", args, 2); err != nil {
		return nil, err
	}
	lo, hi, err := Bounds(fn, funcs.GivenArg(args, 3), n)
	if err != nil {
		return nil, err
	}
	var o lbOptions
	if o.m, err = intOpt(fn, "m", args, 4, 10, 1); err != nil {
		return nil, err
	}
	if o.factr, err = floatOpt(fn, "factr", args, 5, 1e7, positive); err != nil {
		return nil, err
	}
	if o.pgtol, err = floatOpt(fn, "pgtol", args, 6, 1e-5, positive); err != nil {
		return nil, err
	}
	eps, err := floatOpt(fn, "epsilon", args, 7, 1e-8, positive)
	if err != nil {
		return nil, err
	}
	if o.maxIter, err = intOpt(fn, "maxIter", args, 8, 15000, 0); err != nil {
		return nil, err
	}
	if o.maxFun, err = intOpt(fn, "maxFun", args, 9, 15000, 0); err != nil {
		return nil, err
	}
	if o.maxLS, err = intOpt(fn, "maxLS", args, 10, 20, 0); err != nil {
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
	r, err := lbfgsb(f, grad, x0, lo, hi, o, func() int { return s.fcalls })
	if err != nil {
		return nil, err
	}
	return result("xopt", r.x, "fopt", r.f, "gopt", r.g, "iterations", r.iters, "fcalls", s.fcalls, "warnFlag", r.warn), nil
}

// Bounds reads fn's bounds argument b for n variables: an n x 2 numeric
// matrix of lower and upper bounds whose NULL cells leave a side open
// (nil b: every side open).
func Bounds(fn string, b value.Value, n int) (lo, hi []float64, err error) {
	lo, hi = make([]float64, n), make([]float64, n)
	for i := range lo {
		lo[i], hi[i] = math.Inf(-1), math.Inf(1)
	}
	if b == nil {
		return lo, hi, nil
	}
	m, ok := b.(*value.Matrix)
	if !ok || m.Cols != 2 || m.Rows != n || !funcs.IsNumericVec(m.V) {
		return nil, nil, ddberr.Errorf("The argument [bounds] of %s must be a numeric matrix of N rows and 2 columns, N being the size of X0.", fn)
	}
	d, _ := doublesOf(m)
	for i := range n {
		if !math.IsNaN(d[i]) {
			lo[i] = d[i]
		}
		if !math.IsNaN(d[n+i]) {
			hi[i] = d[n+i]
		}
		if lo[i] > hi[i] {
			return nil, nil, ddberr.Errorf("The argument [%s] of %s is out of range.", "bounds", fn)
		}
	}
	return lo, hi, nil
}
