package linprog

import (
	"context"
	"math"

	"github.com/porpoisedb/porpoise/funcs"
	"gonum.org/v1/gonum/mat"
)

// The interior-point method of quadprog, qclp and socp (Boyd and
// Vandenberghe, Convex Optimization, 11.3): minimise
// t*(0.5 x'Hx + f'x) + sum of the constraints' log barriers subject to
// E x = e by Newton's method, for t growing tenfold until the duality
// gap (the barriers' degree over t) is below tol. A first phase finds a
// strictly feasible point by minimising one extra variable that relaxes
// every inequality.

// constraint is a convex region given by its log barrier.
type constraint interface {
	// eval adds the barrier's gradient and Hessian at x into g and h
	// (when g is not nil) and returns its value; ok is false outside the
	// region.
	eval(x, g []float64, h *mat.Dense) (v float64, ok bool)
	// relax is the constraint with variable len(x) subtracted from its
	// slack (phase 1).
	relax() constraint
	// violation is how far x is from strictly inside.
	violation(x []float64) float64
	degree() float64
}

// linCon is a'x <= b.
type linCon struct {
	a []float64
	b float64
}

func (c linCon) eval(x, g []float64, h *mat.Dense) (float64, bool) {
	s := c.b - funcs.Dot(c.a, x)
	if !(s > 0) {
		return 0, false
	}
	if g != nil {
		for i, ai := range c.a {
			if ai == 0 {
				continue
			}
			g[i] += ai / s
			for j, aj := range c.a {
				if aj != 0 {
					h.Set(i, j, h.At(i, j)+ai*aj/(s*s))
				}
			}
		}
	}
	return -math.Log(s), true
}

func (c linCon) relax() constraint {
	return linCon{a: append(append([]float64(nil), c.a...), -1), b: c.b}
}

func (c linCon) violation(x []float64) float64 { return funcs.Dot(c.a, x) - c.b }
func (c linCon) degree() float64               { return 1 }

// quadCon is x'Vx + q'x <= k (V symmetric positive semi-definite, n by
// n row-major; x may be longer than n).
type quadCon struct {
	v    []float64
	n    int
	q    []float64
	k    float64
	grad []float64
}

func (c *quadCon) slack(x []float64) float64 {
	s := c.k - funcs.Dot(c.q, x)
	for i := range c.n {
		for j := range c.n {
			s -= x[i] * c.v[i*c.n+j] * x[j]
		}
	}
	return s
}

func (c *quadCon) eval(x, g []float64, h *mat.Dense) (float64, bool) {
	s := c.slack(x)
	if !(s > 0) {
		return 0, false
	}
	if g != nil {
		if c.grad == nil {
			c.grad = make([]float64, len(c.q))
		}
		dg := c.grad
		copy(dg, c.q)
		for i := range c.n {
			for j := range c.n {
				dg[i] += 2 * c.v[i*c.n+j] * x[j]
			}
		}
		for i := range dg {
			g[i] += dg[i] / s
			for j := range dg {
				add := dg[i] * dg[j] / (s * s)
				if i < c.n && j < c.n {
					add += 2 * c.v[i*c.n+j] / s
				}
				if add != 0 {
					h.Set(i, j, h.At(i, j)+add)
				}
			}
		}
	}
	return -math.Log(s), true
}

func (c *quadCon) relax() constraint {
	return &quadCon{v: c.v, n: c.n, q: append(append([]float64(nil), c.q...), -1), k: c.k}
}

func (c *quadCon) violation(x []float64) float64 { return -c.slack(x) }
func (c *quadCon) degree() float64               { return 1 }

// socCon is ||u|| <= t for t = ht - gt'x, u = hu - Gu x (Gu row-major,
// one row per element of u).
type socCon struct {
	gt []float64
	ht float64
	gu [][]float64
	hu []float64
}

func (c *socCon) parts(x []float64) (t float64, u []float64) {
	t = c.ht - funcs.Dot(c.gt, x)
	u = make([]float64, len(c.hu))
	for i := range u {
		u[i] = c.hu[i] - funcs.Dot(c.gu[i], x)
	}
	return t, u
}

func (c *socCon) eval(x, g []float64, h *mat.Dense) (float64, bool) {
	t, u := c.parts(x)
	psi := t*t - funcs.Dot(u, u)
	if !(t > 0) || !(psi > 0) {
		return 0, false
	}
	if g != nil {
		n := len(c.gt)
		// grad psi = -2t gt + 2 Gu'u; hess psi = 2 gt gt' - 2 Gu'Gu
		dp := make([]float64, n)
		for j := range n {
			dp[j] = -2 * t * c.gt[j]
			for i := range u {
				dp[j] += 2 * c.gu[i][j] * u[i]
			}
		}
		for a := range n {
			g[a] -= dp[a] / psi
			for b := range n {
				hp := 2 * c.gt[a] * c.gt[b]
				for i := range u {
					hp -= 2 * c.gu[i][a] * c.gu[i][b]
				}
				if add := dp[a]*dp[b]/(psi*psi) - hp/psi; add != 0 {
					h.Set(a, b, h.At(a, b)+add)
				}
			}
		}
	}
	return -math.Log(psi), true
}

func (c *socCon) relax() constraint {
	gu := make([][]float64, len(c.gu))
	for i, r := range c.gu {
		gu[i] = append(append([]float64(nil), r...), 0)
	}
	return &socCon{gt: append(append([]float64(nil), c.gt...), -1), ht: c.ht, gu: gu, hu: c.hu}
}

func (c *socCon) violation(x []float64) float64 {
	t, u := c.parts(x)
	return math.Sqrt(funcs.Dot(u, u)) - t
}

func (c *socCon) degree() float64 { return 2 }

// program is min 0.5 x'Hx + f'x (H n by n row-major or nil) subject to
// cons and E x = e (E row-major).
type program struct {
	ctx  context.Context
	h    []float64
	f    []float64
	cons []constraint
	e    [][]float64
	rhs  []float64
}

// prepare binds p to the session's context and accounts the dense
// systems the barrier method builds, (n+k)^2 and n^2 for n variables
// and k equalities (one more variable in phase 1): a program of a long
// vector asks for far more memory than its input.
func (p *program) prepare(env funcs.Env) error {
	p.ctx = env.Context()
	n, k := len(p.f)+1, len(p.e)
	return env.Reserve((n+k)*(n+k) + n*n)
}

func (p *program) objective(x []float64) float64 {
	v := funcs.Dot(p.f, x)
	if p.h != nil {
		n := len(p.f)
		for i := range n {
			for j := range n {
				v += 0.5 * x[i] * p.h[i*n+j] * x[j]
			}
		}
	}
	return v
}

// pad is a copied into m elements, the added ones zero.
func pad(a []float64, m int) []float64 {
	return append(append([]float64(nil), a...), make([]float64, m-len(a))...)
}

// appendLinear adds lp's linear constraints and equalities to p, whose
// variables are lp's followed by the absolute-value bounds' (zero in
// lp's rows).
func (p *program) appendLinear(lp *program) {
	m := len(p.f)
	for _, c := range lp.cons {
		l := c.(linCon)
		p.cons = append(p.cons, linCon{a: pad(l.a, m), b: l.b})
	}
	for _, row := range lp.e {
		p.e = append(p.e, pad(row, m))
	}
	p.rhs = lp.rhs
}

const barrierTol = 1e-10

// solve runs both phases: the minimiser, or lpInfeasible / lpUnbounded.
func (p *program) solve() ([]float64, lpStatus) {
	n := len(p.f)
	e, rhs, ok := independentRows(p.e, p.rhs, n)
	if !ok {
		return nil, lpInfeasible
	}
	p.e, p.rhs = e, rhs
	x := leastNorm(e, rhs, n)
	if x == nil {
		return nil, lpInfeasible
	}
	worst := math.Inf(-1)
	for _, c := range p.cons {
		worst = max(worst, c.violation(x))
	}
	if len(p.cons) > 0 && worst >= 0 {
		// phase 1: min s subject to each constraint relaxed by s, s >= -1
		ph := &program{ctx: p.ctx, f: make([]float64, n+1), e: make([][]float64, len(e)), rhs: rhs}
		ph.f[n] = 1
		for i, r := range e {
			ph.e[i] = append(append([]float64(nil), r...), 0)
		}
		for _, c := range p.cons {
			ph.cons = append(ph.cons, c.relax())
		}
		floor := make([]float64, n+1)
		floor[n] = -1
		ph.cons = append(ph.cons, linCon{a: floor, b: 1})
		// a wide box around x keeps the phase's barrier bounded below
		box := 1e6 * (1 + vecMax(x))
		for i := range n {
			up, down := make([]float64, n+1), make([]float64, n+1)
			up[i], down[i] = 1, -1
			ph.cons = append(ph.cons, linCon{a: up, b: x[i] + box}, linCon{a: down, b: box - x[i]})
		}
		z := append(append([]float64(nil), x...), worst+1)
		z, st := ph.center(z, func(z []float64) bool { return z[n] < -1e-9 })
		if st == lpIterLimit || st == lpCancelled {
			return nil, st
		}
		if z == nil || !(z[n] < 0) {
			return nil, lpInfeasible
		}
		x = z[:n]
	}
	return p.center(x, nil)
}

// center is the barrier method from the strictly feasible x; done, when
// not nil, ends it early.
func (p *program) center(x []float64, done func([]float64) bool) ([]float64, lpStatus) {
	n := len(x)
	m := 0.0
	for _, c := range p.cons {
		m += c.degree()
	}
	k := len(p.e)
	g := make([]float64, n)
	kkt := mat.NewDense(n+k, n+k, nil)
	hb := mat.NewDense(n, n, nil)
	rhs := mat.NewVecDense(n+k, nil)
	var sol mat.VecDense
	dx := make([]float64, n)
	xt := make([]float64, n)
	t := 1.0
	phi := func(x []float64, g []float64) (float64, bool) {
		v := t * p.objective(x)
		if g != nil {
			for i := range g {
				g[i] = t * p.f[i]
			}
			hb.Zero()
			if p.h != nil {
				for i := range n {
					for j := range n {
						g[i] += t * p.h[i*n+j] * x[j]
						hb.Set(i, j, t*p.h[i*n+j])
					}
				}
			}
		}
		for _, c := range p.cons {
			cv, ok := c.eval(x, g, hb)
			if !ok {
				return 0, false
			}
			v += cv
		}
		return v, true
	}
	for outer := 0; outer < 60; outer++ {
		for range 200 {
			if p.ctx != nil && p.ctx.Err() != nil {
				return nil, lpCancelled
			}
			_, ok := phi(x, g)
			if !ok {
				return nil, lpInfeasible
			}
			if !p.newton(kkt, hb, g, rhs, &sol, false) && !p.newton(kkt, hb, g, rhs, &sol, true) {
				return nil, lpIterLimit
			}
			for i := range dx {
				dx[i] = sol.AtVec(i)
			}
			if !funcs.AllFinite(dx) {
				return nil, lpIterLimit
			}
			dec := -funcs.Dot(g, dx)
			if dec/2 <= 1e-12 {
				break
			}
			step := 1.0
			moved := false
			for range 100 {
				for i := range xt {
					xt[i] = x[i] + step*dx[i]
				}
				if d, ok := p.delta(t, x, xt, step, dx); ok && d <= -0.01*step*dec {
					moved = true
					break
				}
				step /= 2
			}
			if !moved {
				break
			}
			copy(x, xt)
			if done != nil && done(x) {
				return x, lpOptimal
			}
			for _, xi := range x {
				if math.Abs(xi) > 1e12 {
					return nil, lpUnbounded
				}
			}
		}
		if m/t < barrierTol {
			return x, lpOptimal
		}
		t *= 10
	}
	if m == 0 {
		return x, lpOptimal
	}
	return x, lpIterLimit
}

// independentRows drops the rows of E x = e that others imply; ok is
// false when they contradict them.
func independentRows(e [][]float64, rhs []float64, n int) ([][]float64, []float64, bool) {
	var keepE [][]float64
	var keepR []float64
	// Gram-Schmidt on the augmented rows, judging rank on the E part
	var basis [][]float64
	for i, r := range e {
		w := append(append([]float64(nil), r...), rhs[i])
		for _, b := range basis {
			c := funcs.Dot(w[:n], b[:n])
			for j := range w {
				w[j] -= c * b[j]
			}
		}
		nrm := math.Sqrt(funcs.Dot(w[:n], w[:n]))
		scale := math.Sqrt(funcs.Dot(r, r)) + 1
		if nrm <= 1e-10*scale {
			if math.Abs(w[n]) > 1e-8*(math.Abs(rhs[i])+1) {
				return nil, nil, false
			}
			continue
		}
		for j := range w {
			w[j] /= nrm
		}
		basis = append(basis, w)
		keepE, keepR = append(keepE, r), append(keepR, rhs[i])
	}
	return keepE, keepR, true
}

// leastNorm is the shortest x with E x = e (zeros without rows).
func leastNorm(e [][]float64, rhs []float64, n int) []float64 {
	x := make([]float64, n)
	if len(e) == 0 {
		return x
	}
	k := len(e)
	// x = E'(EE')^-1 e
	g := mat.NewDense(k, k, nil)
	for i := range k {
		for j := range k {
			g.Set(i, j, funcs.Dot(e[i], e[j]))
		}
	}
	var y mat.VecDense
	if err := y.SolveVec(g, mat.NewVecDense(k, append([]float64(nil), rhs...))); err != nil {
		if _, cond := err.(mat.Condition); !cond {
			return nil
		}
	}
	for i := range k {
		for j := range n {
			x[j] += e[i][j] * y.AtVec(i)
		}
	}
	return x
}

// newton solves the KKT system of a Newton step into sol; ridge adds a
// tiny multiple of the identity to the Hessian for a singular one.
func (p *program) newton(kkt, hb *mat.Dense, g []float64, rhs, sol *mat.VecDense, ridge bool) bool {
	n, k := len(g), len(p.e)
	kkt.Zero()
	r := 0.0
	if ridge {
		for i := range n {
			r = max(r, math.Abs(hb.At(i, i)))
		}
		r = 1e-12 * (1 + r)
	}
	for i := range n {
		for j := range n {
			kkt.Set(i, j, hb.At(i, j))
		}
		kkt.Set(i, i, hb.At(i, i)+r)
		rhs.SetVec(i, -g[i])
	}
	for row := range k {
		for j := range n {
			kkt.Set(n+row, j, p.e[row][j])
			kkt.Set(j, n+row, p.e[row][j])
		}
		rhs.SetVec(n+row, 0)
	}
	if err := sol.SolveVec(kkt, rhs); err != nil {
		// a singular Hessian (a variable no constraint holds) takes the
		// ridge; the ridged system may stay ill-conditioned near the end
		if c, cond := err.(mat.Condition); !cond || !ridge && float64(c) > 1e15 {
			return false
		}
	}
	for i := range n + k {
		if v := sol.AtVec(i); math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// delta is the change of the centring function from x to xt = x +
// step*dx, summed term by term so that it keeps its precision when t is
// large; ok is false when xt is outside a constraint.
func (p *program) delta(t float64, x, xt []float64, step float64, dx []float64) (float64, bool) {
	d := step * funcs.Dot(p.f, dx)
	if p.h != nil {
		n := len(p.f)
		for i := range n {
			hs := 0.0
			for j := range n {
				hs += p.h[i*n+j] * dx[j]
			}
			d += step*x[i]*hs + 0.5*step*step*dx[i]*hs
		}
	}
	d *= t
	for _, c := range p.cons {
		a, ok1 := c.eval(x, nil, nil)
		b, ok2 := c.eval(xt, nil, nil)
		if !ok1 || !ok2 {
			return 0, false
		}
		d += b - a
	}
	return d, true
}

// vecMax is the largest magnitude in v.
func vecMax(v []float64) float64 {
	m := 0.0
	for _, x := range v {
		m = max(m, math.Abs(x))
	}
	return m
}
