package optimize

import "math"

// The polish step: a limited-memory BFGS on a box (projected L-BFGS):
// the two-loop direction over the variables not held at a bound, a
// backtracking Armijo search along the projected path, and L-BFGS-B's
// stopping rules (projected gradient <= pgtol, relative decrease of f <=
// factr*eps). Gradients are forward differences of step 1e-8, as for an
// L-BFGS-B run without a gradient.

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
		if dot(g, d) >= 0 || hasNaN(d) {
			// not a descent direction: restart from the gradient
			ss, ys = ss[:0], ys[:0]
			for i := range d {
				d[i] = 0
				if free(i) {
					d[i] = -g[i]
				}
			}
		}
		step, fn := 1.0, 0.0
		if len(ss) == 0 {
			// the first step moves at most 1 along the gradient
			if nd := math.Sqrt(dot(d, d)); nd > 1 {
				step = 1 / nd
			}
		}
		accepted := false
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
		if !accepted {
			warn = 2
			break
		}
		iters++
		if err := grad(xn, fn, gn); err != nil {
			return lbResult{}, err
		}
		s, y := make([]float64, n), make([]float64, n)
		for i := range s {
			s[i], y[i] = xn[i]-x[i], gn[i]-g[i]
		}
		if sy := dot(s, y); sy > 2.2e-16*dot(y, y) && o.m > 0 {
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

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
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
