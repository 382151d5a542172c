package optimize

import (
	"math"

	"github.com/porpoisedb/porpoise/funcs"
)

// The polish step and fminLBFGSB: a limited-memory BFGS on a box: the
// two-loop direction over the variables not held at a bound; when the
// full step stays inside the bounds, L-BFGS-B's own Moré-Thuente search
// (so that an unconstrained run, or one whose bounds never bind, takes
// L-BFGS-B's steps), else a backtracking Armijo search along the
// projected path; and L-BFGS-B's stopping rules (projected gradient <=
// pgtol, relative decrease of f <= factr*eps). Gradients are forward
// differences of step 1e-8, as for an L-BFGS-B run without a gradient.

// objective evaluates f at x; it counts its calls.
type objective func(x []float64) (float64, error)

const (
	lbfgsMemory  = 10
	lbfgsMaxIter = 15000
	lbfgsPgtol   = 1e-5
	lbfgsFtol    = 1e7 * 2.220446049250313e-16
	gradStep     = 1e-8
)

// minimizeBox minimises f from x0 (inside lo..hi) with the default
// settings and returns the point and value reached.
func minimizeBox(f objective, x0, lo, hi []float64) ([]float64, float64, error) {
	grad := func(x []float64, fx float64, g []float64) error { return gradient(f, x, fx, lo, hi, gradStep, g) }
	r, err := lbfgsb(f, grad, x0, lo, hi, defaultLB, nil)
	return r.x, r.f, err
}

// lbOptions are L-BFGS-B's settings (funcs/f/fminlbfgsb.md).
type lbOptions struct {
	m                      int
	factr, pgtol           float64
	maxIter, maxFun, maxLS int
}

var defaultLB = lbOptions{m: lbfgsMemory, factr: 1e7, pgtol: lbfgsPgtol, maxIter: lbfgsMaxIter, maxFun: math.MaxInt32, maxLS: 40}

// lbResult is where lbfgsb stopped: warn is 1 at maxIter or maxFun, 2
// when the line search failed.
type lbResult struct {
	x, g  []float64
	f     float64
	iters int
	warn  int
}

// lbfgsb minimises f from x0 (inside lo..hi); grad fills g at x given
// f(x); calls, when not nil, is the number of calls of f so far.
func lbfgsb(f objective, grad func(x []float64, fx float64, g []float64) error, x0, lo, hi []float64, o lbOptions, calls func() int) (lbResult, error) {
	n := len(x0)
	x := append([]float64(nil), x0...)
	fx, err := f(x)
	if err != nil {
		return lbResult{}, err
	}
	g := make([]float64, n)
	if err := grad(x, fx, g); err != nil {
		return lbResult{}, err
	}
	var ss, ys [][]float64
	d, xn, gn := make([]float64, n), make([]float64, n), make([]float64, n)
	alpha := make([]float64, max(o.m, 1))
	ftol := o.factr * 2.220446049250313e-16
	iters, warn := 0, 0
	for {
		if projectedGradNorm(x, g, lo, hi) <= o.pgtol {
			break
		}
		if iters >= o.maxIter || calls != nil && calls() >= o.maxFun {
			warn = 1
			break
		}
		free := func(i int) bool {
			return !(x[i] <= lo[i] && g[i] > 0 || x[i] >= hi[i] && g[i] < 0)
		}
		// two-loop recursion on the free variables
		for i := range d {
			d[i] = 0
			if free(i) {
				d[i] = -g[i]
			}
		}
		for k := len(ss) - 1; k >= 0; k-- {
			alpha[k] = dotFree(ss[k], d, free) / dotFree(ss[k], ys[k], free)
			for i := range d {
				if free(i) {
					d[i] -= alpha[k] * ys[k][i]
				}
			}
		}
		if k := len(ss) - 1; k >= 0 {
			gamma := dotFree(ss[k], ys[k], free) / dotFree(ys[k], ys[k], free)
			if gamma > 0 && !math.IsInf(gamma, 0) && !math.IsNaN(gamma) {
				for i := range d {
					d[i] *= gamma
				}
			}
		}
		for k := range ss {
			beta := dotFree(ys[k], d, free) / dotFree(ss[k], ys[k], free)
			for i := range d {
				if free(i) {
					d[i] += (alpha[k] - beta) * ss[k][i]
				}
			}
		}
		if funcs.Dot(g, d) >= 0 || hasNaN(d) {
			// not a descent direction: restart from the gradient
			ss, ys = ss[:0], ys[:0]
			for i := range d {
				d[i] = 0
				if free(i) {
					d[i] = -g[i]
				}
			}
		}
		fn := 0.0
		accepted, gradDone := false, false
		if inBox(x, d, lo, hi) {
			// L-BFGS-B's search: Moré-Thuente (ftol 1e-3, gtol 0.9,
			// xtol 0.1) up to the largest step the bounds allow, the
			// first step at most 1 long
			stpmx := 1e10
			if constrained(lo, hi) {
				stpmx = 1
				if iters > 0 {
					stpmx = maxStep(x, d, lo, hi)
				}
			}
			stp := 1.0
			if iters == 0 && !boxed(lo, hi) {
				stp = min(1/math.Sqrt(funcs.Dot(d, d)), stpmx)
			}
			bl := &boxLine{f: f, grad: grad, x: x, d: d, xn: xn, gn: gn}
			a, fa, ok, err := mtSearch(bl, fx, funcs.Dot(g, d), stp, 1e-3, 0.9, 0, stpmx, mtOptions{xtol: 0.1, maxEval: max(o.maxLS, 1), acceptWarn: true})
			if err != nil {
				return lbResult{}, err
			}
			if ok && fa <= fx && bl.at == a {
				fn, accepted, gradDone = fa, true, true
			}
		}
		if !accepted {
			step := 1.0
			if len(ss) == 0 {
				// the first step moves at most 1 along the gradient
				if nd := math.Sqrt(funcs.Dot(d, d)); nd > 1 {
					step = 1 / nd
				}
			}
			for range max(o.maxLS, 1) {
				for i := range xn {
					xn[i] = min(max(x[i]+step*d[i], lo[i]), hi[i])
				}
				if fn, err = f(xn); err != nil {
					return lbResult{}, err
				}
				dec := 0.0
				for i := range xn {
					dec += g[i] * (xn[i] - x[i])
				}
				if fn <= fx+1e-4*dec {
					accepted = true
					break
				}
				step /= 2
			}
		}
		if !accepted {
			warn = 2
			break
		}
		iters++
		if !gradDone {
			if err := grad(xn, fn, gn); err != nil {
				return lbResult{}, err
			}
		}
		s, y := make([]float64, n), make([]float64, n)
		for i := range s {
			s[i], y[i] = xn[i]-x[i], gn[i]-g[i]
		}
		if sy := funcs.Dot(s, y); sy > 2.2e-16*funcs.Dot(y, y) && o.m > 0 {
			if len(ss) == o.m {
				ss, ys = ss[1:], ys[1:]
			}
			ss, ys = append(ss, s), append(ys, y)
		}
		stop := (fx-fn)/max(math.Abs(fx), math.Abs(fn), 1) <= ftol
		copy(x, xn)
		copy(g, gn)
		fx = fn
		if stop {
			break
		}
	}
	return lbResult{x: x, g: g, f: fx, iters: iters, warn: warn}, nil
}

// gradient fills g with forward differences of f at x (backward at an
// upper bound).
func gradient(f objective, x []float64, fx float64, lo, hi []float64, step float64, g []float64) error {
	for i := range x {
		h := step
		if x[i]+h > hi[i] {
			h = -h
		}
		xi := x[i]
		x[i] = xi + h
		fi, err := f(x)
		x[i] = xi
		if err != nil {
			return err
		}
		g[i] = (fi - fx) / h
	}
	return nil
}

// projectedGradNorm is the largest component of x - P(x - g).
func projectedGradNorm(x, g, lo, hi []float64) float64 {
	m := 0.0
	for i := range x {
		p := min(max(x[i]-g[i], lo[i]), hi[i])
		m = max(m, math.Abs(p-x[i]))
	}
	return m
}

func dotFree(a, b []float64, free func(int) bool) float64 {
	s := 0.0
	for i := range a {
		if free(i) {
			s += a[i] * b[i]
		}
	}
	return s
}

func hasNaN(v []float64) bool {
	for _, x := range v {
		if math.IsNaN(x) {
			return true
		}
	}
	return false
}

// boxLine is f along x + a*d for the Moré-Thuente search; xn and gn hold
// the last point evaluated and its gradient.
type boxLine struct {
	f      objective
	grad   func(x []float64, fx float64, g []float64) error
	x, d   []float64
	xn, gn []float64
	at, fa float64
}

func (b *boxLine) phi(a float64) (float64, error) {
	for i := range b.xn {
		b.xn[i] = b.x[i] + a*b.d[i]
	}
	fa, err := b.f(b.xn)
	b.at, b.fa = a, fa
	return fa, err
}

func (b *boxLine) derphi(a float64) (float64, error) {
	if b.at != a {
		if _, err := b.phi(a); err != nil {
			return 0, err
		}
	}
	if err := b.grad(b.xn, b.fa, b.gn); err != nil {
		return 0, err
	}
	return funcs.Dot(b.gn, b.d), nil
}

// inBox reports whether x + d stays within the bounds.
func inBox(x, d, lo, hi []float64) bool {
	for i := range x {
		if v := x[i] + d[i]; v < lo[i] || v > hi[i] {
			return false
		}
	}
	return true
}

// constrained reports a finite bound; boxed, finite bounds on both sides
// of every variable.
func constrained(lo, hi []float64) bool {
	for i := range lo {
		if !math.IsInf(lo[i], -1) || !math.IsInf(hi[i], 1) {
			return true
		}
	}
	return false
}

func boxed(lo, hi []float64) bool {
	for i := range lo {
		if math.IsInf(lo[i], -1) || math.IsInf(hi[i], 1) {
			return false
		}
	}
	return true
}

// maxStep is the largest a with x + a*d within the bounds (1e10 when
// none limits it).
func maxStep(x, d, lo, hi []float64) float64 {
	a := 1e10
	for i := range x {
		switch {
		case d[i] < 0 && !math.IsInf(lo[i], -1):
			a = min(a, (lo[i]-x[i])/d[i])
		case d[i] > 0 && !math.IsInf(hi[i], 1):
			a = min(a, (hi[i]-x[i])/d[i])
		}
	}
	return max(a, 0)
}
