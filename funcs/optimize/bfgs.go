package optimize

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// DefaultEps is the finite-difference step of fminBFGS and fminSLSQP:
// sqrt of DOUBLE's machine epsilon.
const DefaultEps = 1.4901161193847656e-08

// fminBFGS minimises func from X0 by BFGS (funcs/f/fminbfgs.md, SciPy's
// fmin_bfgs): the inverse Hessian starts as the identity, each step is
// a strong Wolfe line search (c1, c2; Moré-Thuente, then bracketing)
// along -Hinv*g, and the run stops
// when the gradient's norm (of order norm, the max norm by default) is
// at most gtol, when a step is within xrtol of x, or after maxIter
// (200*N) iterations. warnFlag: 1 maxIter, 2 line search failed or f
// not finite, 3 NaN in the result.
func fminBFGS(env funcs.Env, args []value.Value) (value.Value, error) {
	r := funcs.ReadArgs("fminBFGS", args)
	s, x := startArgs(env, r)
	n := len(x)
	s.grad = OptFunc(r, "fprime", 2)
	gtol := FloatOpt(r, "gtol", 3, 1e-5, positive)
	ord := FloatOpt(r, "norm", 4, math.Inf(1), positive)
	eps := FloatOpt(r, "epsilon", 5, DefaultEps, positive)
	maxIter := intOpt(r, "maxIter", 6, int64(200*n), 0)
	xrtol := FloatOpt(r, "xrtol", 7, 0, nonNegative)
	c1, c2 := wolfeArgs(r, 8)
	if err := r.Err(); err != nil {
		return nil, err
	}
	// the inverse Hessian and its update's scratch, N by N each
	if err := reserveDoubles(env, 2*float64(n)*float64(n)); err != nil {
		return nil, err
	}
	fx, err := s.value(x)
	if err != nil {
		return nil, err
	}
	g := make([]float64, n)
	if err := s.gradient(x, fx, eps, g); err != nil {
		return nil, err
	}
	h := identity(n)
	oldOld := fx + norm2(g)/2
	gnorm := vecNorm(g, ord)
	warn, k := 0, 0
	p, sk, yk, tmp := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n*n)
	for gnorm > gtol && k < maxIter {
		for i := range p {
			p[i] = 0
			for j := range n {
				p[i] -= h[i*n+j] * g[j]
			}
		}
		l := newLineFunc(s, x, p, eps)
		alpha, fNew, ok, err := wolfe12(l, fx, funcs.Dot(g, p), oldOld, c1, c2, 1e-100, 1e100)
		if err != nil {
			return nil, err
		}
		if !ok {
			warn = 2
			break
		}
		oldOld, fx = fx, fNew
		for i := range x {
			sk[i] = alpha * p[i]
			x[i] += sk[i]
		}
		gNew := make([]float64, n)
		if l.gValid && l.gAlpha == alpha {
			copy(gNew, l.gt)
		} else if err := s.gradient(x, fx, eps, gNew); err != nil {
			return nil, err
		}
		for i := range yk {
			yk[i] = gNew[i] - g[i]
		}
		g = gNew
		k++
		gnorm = vecNorm(g, ord)
		if gnorm <= gtol {
			break
		}
		if alpha*vecNorm(p, ord) <= xrtol*(xrtol+vecNorm(x, ord)) {
			break
		}
		if math.IsInf(fx, 0) || math.IsNaN(fx) {
			warn = 2
			break
		}
		rho := 1000.0
		if r := funcs.Dot(yk, sk); r != 0 {
			rho = 1 / r
		}
		bfgsUpdate(h, tmp, sk, yk, rho, n)
	}
	if warn != 2 {
		if k >= maxIter {
			warn = 1
		} else if math.IsNaN(gnorm) || math.IsNaN(fx) || hasNaN(x) {
			warn = 3
		}
	}
	hm := &value.Matrix{V: value.NewDoubles(h), Rows: n, Cols: n}
	return result("xopt", x, "fopt", fx, "gopt", g, "Hinv", hm, "iterations", k,
		"fcalls", s.fcalls, "gcalls", s.gcalls, "warnFlag", warn), nil
}

// bfgsUpdate sets h (n by n, symmetric) to (I - rho s y') h (I - rho y s')
// + rho s s'.
func bfgsUpdate(h, tmp, s, y []float64, rho float64, n int) {
	// tmp = h (I - rho y s') = h - rho (h y) s'
	hy := make([]float64, n)
	for i := range n {
		for j := range n {
			hy[i] += h[i*n+j] * y[j]
		}
	}
	for i := range n {
		for j := range n {
			tmp[i*n+j] = h[i*n+j] - rho*hy[i]*s[j]
		}
	}
	// h = (I - rho s y') tmp + rho s s' = tmp - rho s (y' tmp) + rho s s'
	yt := make([]float64, n)
	for j := range n {
		for i := range n {
			yt[j] += y[i] * tmp[i*n+j]
		}
	}
	for i := range n {
		for j := range n {
			h[i*n+j] = tmp[i*n+j] - rho*s[i]*yt[j] + rho*s[i]*s[j]
		}
	}
}

func identity(n int) []float64 {
	h := make([]float64, n*n)
	for i := range n {
		h[i*n+i] = 1
	}
	return h
}

// vecNorm is the ord-norm of v (Inf: the largest magnitude).
func vecNorm(v []float64, ord float64) float64 {
	if math.IsInf(ord, 1) {
		m := 0.0
		for _, x := range v {
			if math.IsNaN(x) {
				return x
			}
			m = max(m, math.Abs(x))
		}
		return m
	}
	s := 0.0
	for _, x := range v {
		s += math.Pow(math.Abs(x), ord)
	}
	return math.Pow(s, 1/ord)
}

// wolfeArgs reads c1 and c2, arguments i and i+1: 0 < c1 < c2 < 1.
func wolfeArgs(r *funcs.Args, i int) (c1, c2 float64) {
	c1 = FloatOpt(r, "c1", i, 1e-4, unitOpen)
	c2 = FloatOpt(r, "c2", i+1, 0.9, unitOpen)
	if r.Err() == nil && c1 >= c2 {
		r.Fail(ddberr.Errorf("The argument [%s] of %s is out of range.", "c1", r.Fn))
	}
	return c1, c2
}

// fminNCG minimises func from X0 by Newton's method with conjugate-
// gradient inner solves (funcs/f/fminncg.md, SciPy's fmin_ncg): each
// iteration solves fhess*p = -fprime by CG to a tolerance of
// min(0.5, sqrt(|g|_1))*|g|_1 (a direction of negative curvature ends
// the solve), then takes a strong Wolfe step along p (Moré-Thuente, then
// bracketing); it stops when a
// step's 1-norm is at most xtol*N or after maxIter (200*N) iterations.
func fminNCG(env funcs.Env, args []value.Value) (value.Value, error) {
	in := funcs.ReadArgs("fminNCG", args)
	s, x := startArgs(env, in)
	n := len(x)
	for i, name := range []string{"fprime", "fhess"} {
		if in.Err() == nil && !funcs.IsFunction(args[2+i]) {
			in.Fail(ddberr.Errorf("The argument [%s] of %s must be a function.", name, in.Fn))
		}
	}
	s.grad, s.hess = args[2], args[3]
	xtol := FloatOpt(in, "xtol", 4, 1e-5, positive)
	maxIter := intOpt(in, "maxIter", 5, int64(200*n), 0)
	c1, c2 := wolfeArgs(in, 6)
	if err := in.Err(); err != nil {
		return nil, err
	}
	const eps = 2.220446049250313e-16
	xtol *= float64(n)
	fx, err := s.value(x)
	if err != nil {
		return nil, err
	}
	oldOld := math.NaN()
	g := make([]float64, n)
	update := 2 * xtol
	k, warn := 0, 0
	gNext := false // g already holds the gradient at x (from the line search)
	xs, r, p, ap, pk := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for update > xtol {
		if k >= maxIter {
			warn = 1
			break
		}
		if !gNext {
			if err := s.gradient(x, fx, 0, g); err != nil {
				return nil, err
			}
		}
		gNext = false
		maggrad := 0.0
		for _, v := range g {
			maggrad += math.Abs(v)
		}
		termcond := min(0.5, math.Sqrt(maggrad)) * maggrad
		a, err := s.hessian(x)
		if err != nil {
			return nil, err
		}
		for i := range xs {
			xs[i], r[i], p[i] = 0, g[i], -g[i]
		}
		dri0 := funcs.Dot(r, r)
		cgDone := false
		for it := 0; it < 20*n; it++ {
			sr := 0.0
			for _, v := range r {
				sr += math.Abs(v)
			}
			if sr <= termcond {
				cgDone = true
				break
			}
			for i := range ap {
				ap[i] = 0
				for j := range n {
					// column-major: element (i, j) is a[j*n+i]
					ap[i] += a[j*n+i] * p[j]
				}
			}
			curv := funcs.Dot(p, ap)
			if curv >= 0 && curv <= 3*eps {
				cgDone = true
				break
			}
			if curv < 0 {
				if it == 0 {
					for i := range xs {
						xs[i] = dri0 / (-curv) * -g[i]
					}
				}
				cgDone = true
				break
			}
			alpha := dri0 / curv
			for i := range xs {
				xs[i] += alpha * p[i]
				r[i] += alpha * ap[i]
			}
			dri1 := funcs.Dot(r, r)
			beta := dri1 / dri0
			for i := range p {
				p[i] = -r[i] + beta*p[i]
			}
			dri0 = dri1
		}
		if !cgDone || hasNaN(xs) {
			warn = 3
			break
		}
		copy(pk, xs)
		l := newLineFunc(s, x, pk, 0)
		alpha, fNew, ok, err := wolfe12(l, fx, funcs.Dot(g, pk), oldOld, c1, c2, 1e-8, 50)
		if err != nil {
			return nil, err
		}
		if !ok {
			warn = 2
			break
		}
		oldOld, fx = fx, fNew
		if l.gValid && l.gAlpha == alpha {
			copy(g, l.gt)
			gNext = true
		}
		update = 0
		for i := range x {
			x[i] += alpha * pk[i]
			update += math.Abs(alpha * pk[i])
		}
		k++
	}
	if warn == 0 && (math.IsNaN(fx) || hasNaN(x)) {
		warn = 3
	}
	return result("xopt", x, "fopt", fx, "iterations", k, "fcalls", s.fcalls,
		"gcalls", s.gcalls, "hcalls", s.hcn, "warnFlag", warn), nil
}
