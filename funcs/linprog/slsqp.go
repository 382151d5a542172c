package linprog

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/optimize"
	"github.com/porpoisedb/porpoise/value"
)

// fminSLSQP minimises func from X0 subject to constraints and bounds by
// sequential quadratic programming (funcs/f/fminslsqp.md): each
// iteration solves the quadratic model (a damped-BFGS Hessian of the
// Lagrangian, the constraints linearised, the bounds) by the interior-
// point method of quadprog, then searches along its step on the L1
// merit function. mode: 0 converged (|f change| < ftol and the
// constraints hold), 4 the linearised constraints are incompatible, 8 the
// line search found no decrease, 9 maxIter reached.
func fminSLSQP(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "fminSLSQP"
	if !funcs.IsFunction(args[0]) {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a function.", "func", fn)
	}
	x0, ok := optimize.Floats(args[1])
	if _, isMatrix := args[1].(*value.Matrix); !ok || isMatrix || len(x0) == 0 || !funcs.AllFinite(x0) {
		return nil, ddberr.Errorf("The argument [X0] of %s must be a numeric scalar or vector without NULL values.", fn)
	}
	n := len(x0)
	sc := &scriptCalls{env: env, fn: fn}
	r := funcs.ReadArgs(fn, args)
	jac := optimize.OptFunc(r, "fprime", 2)
	if err := r.Err(); err != nil {
		return nil, err
	}
	obj := &scriptFunc{s: sc, f: args[0], jac: jac}
	var eqs, ineqs []*scriptFunc
	if x := funcs.GivenArg(args, 3); x != nil {
		var items []value.Value
		switch t := x.(type) {
		case *value.Dict:
			items = []value.Value{t}
		case *value.Vector:
			if t.T == value.Any {
				items = t.Any
			}
		}
		if items == nil {
			return nil, ddberr.Errorf("The argument [constraints] of fminSLSQP must be a dictionary or a tuple of dictionaries with keys type, fun and jac.")
		}
		for _, it := range items {
			d, ok := it.(*value.Dict)
			if !ok {
				return nil, ddberr.Errorf("The argument [constraints] of fminSLSQP must be a dictionary or a tuple of dictionaries with keys type, fun and jac.")
			}
			typ, _ := funcs.StringArg(funcs.DictField(d, "type"))
			fun, jac := funcs.DictField(d, "fun"), funcs.DictField(d, "jac")
			if typ != "eq" && typ != "ineq" || fun == nil || !funcs.IsFunction(fun) || jac != nil && !funcs.IsFunction(jac) {
				return nil, ddberr.Errorf("The argument [constraints] of fminSLSQP must be a dictionary or a tuple of dictionaries with keys type, fun and jac.")
			}
			c := &scriptFunc{s: sc, f: fun, jac: jac, vector: true}
			if typ == "eq" {
				eqs = append(eqs, c)
			} else {
				ineqs = append(ineqs, c)
			}
		}
	}
	lo, hi := optimize.Bounds(r, 4, n)
	ftol := optimize.PositiveOpt(r, "ftol", 5, 1e-6)
	eps := optimize.PositiveOpt(r, "epsilon", 6, optimize.DefaultEps)
	maxIter := r.Int("maxIter", r.Given(7), 100)
	if err := r.Err(); err != nil {
		return nil, err
	}
	if maxIter < 0 {
		return nil, ddberr.Errorf("The argument [%s] of %s is out of range.", "maxIter", fn)
	}
	for _, f := range append(append([]*scriptFunc{obj}, eqs...), ineqs...) {
		f.eps = eps
	}
	for i := range x0 {
		x0[i] = min(max(x0[i], lo[i]), hi[i])
	}
	res, err := sqp(obj, eqs, ineqs, x0, lo, hi, ftol, int(maxIter))
	if err != nil {
		return nil, err
	}
	keys := []string{"xopt", "fopt", "iterations", "mode"}
	return funcs.StringDict(keys, []value.Value{
		value.NewDoubles(res.x), value.NewDouble(res.f), value.NewInt(int32(res.iters)), value.NewInt(int32(res.mode))}), nil
}

type sqpResult struct {
	x     []float64
	f     float64
	iters int
	mode  int
}

// stacked evaluates a group of constraint functions into one vector and
// its Jacobian rows.
func stacked(fs []*scriptFunc, x []float64) ([]float64, [][]float64, error) {
	var c []float64
	var j [][]float64
	for _, f := range fs {
		v, err := f.values(x)
		if err != nil {
			return nil, nil, err
		}
		rows, err := f.jacobian(x, v)
		if err != nil {
			return nil, nil, err
		}
		c, j = append(c, v...), append(j, rows...)
	}
	return c, j, nil
}

// linearised is what the quadratic model at x (where the objective is f)
// is made of: the objective's gradient, and the equality and inequality
// constraints' values and Jacobians.
func linearised(obj *scriptFunc, eqs, ineqs []*scriptFunc, x []float64, f float64) (g, ce, ci []float64, je, ji [][]float64, err error) {
	gr, err := obj.jacobian(x, []float64{f})
	if err != nil {
		return nil, nil, nil, nil, nil, err
	}
	if ce, je, err = stacked(eqs, x); err != nil {
		return nil, nil, nil, nil, nil, err
	}
	ci, ji, err = stacked(ineqs, x)
	return gr[0], ce, ci, je, ji, err
}

// sqp is the iteration of fminSLSQP.
func sqp(obj *scriptFunc, eqs, ineqs []*scriptFunc, x0, lo, hi []float64, ftol float64, maxIter int) (sqpResult, error) {
	n := len(x0)
	x := append([]float64(nil), x0...)
	fv, err := obj.values(x)
	if err != nil {
		return sqpResult{}, err
	}
	f := fv[0]
	g, ce, ci, je, ji, err := linearised(obj, eqs, ineqs, x, f)
	if err != nil {
		return sqpResult{}, err
	}
	if len(ce) > n {
		return sqpResult{x: x, f: f, mode: 2}, nil
	}
	B := funcs.IdentityRows(n)
	rhoE, rhoI := make([]float64, len(ce)), make([]float64, len(ci))
	merit := func(f float64, ce, ci []float64) float64 {
		m := f
		for i, v := range ce {
			m += rhoE[i] * math.Abs(v)
		}
		for i, v := range ci {
			m += rhoI[i] * max(0, -v)
		}
		return m
	}
	iters := 0
	for iters < maxIter {
		iters++
		// the QP: min 0.5 d'Bd + g'd, je d = -ce, ji d >= -ci, lo-x <= d <= hi-x
		p := &program{f: g, h: flatten(B)}
		for k, row := range ji {
			neg := make([]float64, n)
			for j := range row {
				neg[j] = -row[j]
			}
			p.cons = append(p.cons, linCon{a: neg, b: ci[k]})
		}
		for i := range n {
			if !math.IsInf(hi[i], 1) {
				a := make([]float64, n)
				a[i] = 1
				p.cons = append(p.cons, linCon{a: a, b: hi[i] - x[i]})
			}
			if !math.IsInf(lo[i], -1) {
				a := make([]float64, n)
				a[i] = -1
				p.cons = append(p.cons, linCon{a: a, b: x[i] - lo[i]})
			}
		}
		for k, row := range je {
			p.e = append(p.e, row)
			p.rhs = append(p.rhs, -ce[k])
		}
		if err := p.prepare(obj.s.env); err != nil {
			return sqpResult{}, err
		}
		d, st := p.solve()
		if st == lpCancelled {
			return sqpResult{}, p.ctx.Err()
		}
		if st != lpOptimal {
			return sqpResult{x: x, f: f, iters: iters, mode: 4}, nil
		}
		lamE, lamI := multipliers(B, g, d, je, ji, ci)
		for i := range rhoE {
			rhoE[i] = max(math.Abs(lamE[i]), 0.5*(rhoE[i]+math.Abs(lamE[i])))
		}
		for i := range rhoI {
			rhoI[i] = max(lamI[i], 0.5*(rhoI[i]+lamI[i]))
		}
		m0 := merit(f, ce, ci)
		deriv := funcs.Dot(g, d)
		for i, v := range ce {
			deriv -= rhoE[i] * math.Abs(v)
		}
		for i, v := range ci {
			deriv -= rhoI[i] * max(0, -v)
		}
		alpha := 1.0
		var xn, cen, cin []float64
		var fn float64
		accepted := false
		for range 10 {
			xn = make([]float64, n)
			for i := range xn {
				xn[i] = min(max(x[i]+alpha*d[i], lo[i]), hi[i])
			}
			v, err := obj.values(xn)
			if err != nil {
				return sqpResult{}, err
			}
			fn = v[0]
			if cen, err = valuesOf(eqs, xn); err != nil {
				return sqpResult{}, err
			}
			if cin, err = valuesOf(ineqs, xn); err != nil {
				return sqpResult{}, err
			}
			if m := merit(fn, cen, cin); m <= m0+0.1*alpha*min(deriv, 0) || deriv >= 0 && m <= m0 {
				accepted = true
				break
			}
			alpha = max(0.1, 0.5) * alpha
		}
		if !accepted && !(math.Abs(fn-f) < ftol && feasible(cen, cin, ftol)) {
			return sqpResult{x: x, f: f, iters: iters, mode: 8}, nil
		}
		// gradient of the Lagrangian before and after
		lagrange := func(g []float64, je, ji [][]float64) []float64 {
			l := append([]float64(nil), g...)
			for k, row := range je {
				for j := range row {
					l[j] -= lamE[k] * row[j]
				}
			}
			for k, row := range ji {
				for j := range row {
					l[j] -= lamI[k] * row[j]
				}
			}
			return l
		}
		l0 := lagrange(g, je, ji)
		gn, cen, cin, jen, jin, err := linearised(obj, eqs, ineqs, xn, fn)
		if err != nil {
			return sqpResult{}, err
		}
		l1 := lagrange(gn, jen, jin)
		s, y := make([]float64, n), make([]float64, n)
		for i := range s {
			s[i], y[i] = xn[i]-x[i], l1[i]-l0[i]
		}
		dampedBFGS(B, s, y)
		done := math.Abs(fn-f) < ftol && feasible(cen, cin, ftol)
		small := math.Sqrt(funcs.Dot(s, s)) < ftol*1e-3
		x, f, g, ce, je, ci, ji = xn, fn, gn, cen, jen, cin, jin
		if done || small && feasible(ce, ci, ftol) {
			return sqpResult{x: x, f: f, iters: iters, mode: 0}, nil
		}
		if !funcs.AllFinite(x) || math.IsNaN(f) {
			return sqpResult{x: x, f: f, iters: iters, mode: 8}, nil
		}
	}
	return sqpResult{x: x, f: f, iters: iters, mode: 9}, nil
}

func valuesOf(fs []*scriptFunc, x []float64) ([]float64, error) {
	var c []float64
	for _, f := range fs {
		v, err := f.values(x)
		if err != nil {
			return nil, err
		}
		c = append(c, v...)
	}
	return c, nil
}

// feasible reports constraints that hold within tol.
func feasible(ce, ci []float64, tol float64) bool {
	for _, v := range ce {
		if !(math.Abs(v) <= tol) {
			return false
		}
	}
	for _, v := range ci {
		if !(v >= -tol) {
			return false
		}
	}
	return true
}

// multipliers estimates the QP's Lagrange multipliers at d: least
// squares of B d + g = je' lamE + ji' lamI over the equalities and the
// inequalities the step meets, the latter clipped at 0.
func multipliers(B [][]float64, g, d []float64, je, ji [][]float64, ci []float64) ([]float64, []float64) {
	n := len(g)
	lamE, lamI := make([]float64, len(je)), make([]float64, len(ji))
	var rows [][]float64
	var which []int // >= 0: equality k; < 0: inequality -k-1
	for k, r := range je {
		rows, which = append(rows, r), append(which, k)
	}
	for k, r := range ji {
		if math.Abs(funcs.Dot(r, d)+ci[k]) <= 1e-6*(1+math.Abs(ci[k])) {
			rows, which = append(rows, r), append(which, -k-1)
		}
	}
	if len(rows) == 0 {
		return lamE, lamI
	}
	target := make([]float64, n)
	for i := range n {
		target[i] = g[i] + funcs.Dot(B[i], d)
	}
	a := mat.NewDense(n, len(rows), nil)
	for c, r := range rows {
		for i := range n {
			a.Set(i, c, r[i])
		}
	}
	var lam mat.VecDense
	if err := lam.SolveVec(a, mat.NewVecDense(n, target)); err != nil {
		if _, cond := err.(mat.Condition); !cond {
			return lamE, lamI
		}
	}
	for c, w := range which {
		v := lam.AtVec(c)
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		if w >= 0 {
			lamE[w] = v
		} else {
			lamI[-w-1] = max(v, 0)
		}
	}
	return lamE, lamI
}

// dampedBFGS is Powell's damped BFGS update of B with step s and
// gradient change y.
func dampedBFGS(B [][]float64, s, y []float64) {
	n := len(s)
	bs := make([]float64, n)
	for i := range n {
		bs[i] = funcs.Dot(B[i], s)
	}
	sbs := funcs.Dot(s, bs)
	sy := funcs.Dot(s, y)
	if !(sbs > 0) {
		return
	}
	if sy < 0.2*sbs {
		theta := 0.8 * sbs / (sbs - sy)
		for i := range y {
			y[i] = theta*y[i] + (1-theta)*bs[i]
		}
		sy = funcs.Dot(s, y)
	}
	if !(sy > 0) {
		return
	}
	for i := range n {
		for j := range n {
			B[i][j] += y[i]*y[j]/sy - bs[i]*bs[j]/sbs
		}
	}
}

func flatten(b [][]float64) []float64 {
	var out []float64
	for _, r := range b {
		out = append(out, r...)
	}
	return out
}
