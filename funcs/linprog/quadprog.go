package linprog

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// quadprog minimises 0.5 x'Hx + f'x subject to A x <= b and Aeq x = beq
// (funcs/q/quadprog.md) by the interior-point method; the result is the
// tuple (minimum, x).
func quadprog(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "quadprog"
	f, err := fArg(fn, "f", args[1])
	if err != nil {
		return nil, err
	}
	n := len(f)
	H, err := rowsArg(fn, "H", args, 0, n)
	if err != nil || len(H) != n {
		return nil, ddberr.Errorf("The argument [H] of quadprog must be a symmetric positive definite matrix with as many rows and columns as f has elements.")
	}
	h := make([]float64, 0, n*n)
	for i, r := range H {
		for j, v := range r {
			if math.Abs(v-H[j][i]) > 1e-9*(math.Abs(v)+1) {
				return nil, ddberr.Errorf("The argument [H] of quadprog must be a symmetric positive definite matrix with as many rows and columns as f has elements.")
			}
		}
		h = append(h, r...)
	}
	if !semidefinite(h, n) {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a positive semi-definite matrix.", "H", fn)
	}
	p := &program{h: h, f: f}
	if err := linearParts(fn, args, 2, p); err != nil {
		return nil, err
	}
	p.ctx = env.Context()
	x, st := p.solve()
	if st == lpCancelled {
		return nil, env.Context().Err()
	}
	if st != lpOptimal {
		return nil, statusError(fn, st)
	}
	return value.NewTuple([]value.Value{value.NewDouble(p.objective(x)), value.NewDoubles(x)}), nil
}

// linearParts reads A, b, Aeq and beq from args[i:] into p.
func linearParts(fn string, args []value.Value, i int, p *program) error {
	n := len(p.f)
	A, err := rowsArg(fn, "A", args, i, n)
	if err != nil {
		return err
	}
	b, err := rhsArg(fn, "b", args, i+1, A)
	if err != nil {
		return err
	}
	Aeq, err := rowsArg(fn, "Aeq", args, i+2, n)
	if err != nil {
		return err
	}
	beq, err := rhsArg(fn, "beq", args, i+3, Aeq)
	if err != nil {
		return err
	}
	for k, r := range A {
		p.cons = append(p.cons, linCon{a: r, b: b[k]})
	}
	p.e, p.rhs = Aeq, beq
	return nil
}

// qclp minimises r'x subject to x'Vx <= k, A x <= b, Aeq x = beq and,
// with x0 and c, sum(abs(x - x0)) <= c (funcs/q/qclp.md); the result is
// the tuple (minimum, x). eps and alpha tune DolphinDB's first-order
// solver; the interior-point method here reads them for their checks.
func qclp(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "qclp"
	r, err := fArg(fn, "r", args[0])
	if err != nil {
		return nil, err
	}
	n := len(r)
	V, err := rowsArg(fn, "V", args, 1, n)
	if err != nil || len(V) != n {
		return nil, ddberr.Errorf("The argument [V] of qclp must be a square numeric matrix with as many rows as r has elements.")
	}
	k, ok := funcs.ScalarArg(args[2])
	if !ok || k.Null || k.T.Category() != value.CatIntegral && k.T.Category() != value.CatFloating || k.Float64() <= 0 {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a positive number.", "k", fn)
	}
	// the absolute-value constraint adds one variable per element of x
	x0v := present(args, 7)
	cv := present(args, 8)
	withAbs := x0v != nil && cv != nil
	m := n
	if withAbs {
		m = 2 * n
	}
	widen := func(a []float64) []float64 { return append(append([]float64(nil), a...), make([]float64, m-n)...) }
	p := &program{f: widen(r)}
	v := make([]float64, 0, n*n)
	for _, row := range V {
		v = append(v, row...)
	}
	if !semidefinite(symmetricUpper(V), n) || !symmetric(V) {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a positive semi-definite matrix.", "V", fn)
	}
	p.cons = append(p.cons, &quadCon{v: v, n: n, q: make([]float64, m), k: k.Float64()})
	lp := &program{f: r}
	if err := linearParts(fn, args, 3, lp); err != nil {
		return nil, err
	}
	for _, c := range lp.cons {
		l := c.(linCon)
		p.cons = append(p.cons, linCon{a: widen(l.a), b: l.b})
	}
	for _, row := range lp.e {
		p.e = append(p.e, widen(row))
	}
	p.rhs = lp.rhs
	if withAbs {
		x0, ok := vectorArg(x0v)
		if !ok || len(x0) != n {
			return nil, ddberr.Errorf("The argument [x0] of qclp must be a numeric vector as long as r.")
		}
		c, ok := funcs.ScalarArg(cv)
		if !ok || c.Null || c.T.Category() != value.CatIntegral && c.T.Category() != value.CatFloating || c.Float64() < 0 {
			return nil, ddberr.Errorf("The argument [c] of qclp must be a non-negative number.")
		}
		// x_i - x0_i <= t_i, x0_i - x_i <= t_i, sum t <= c
		sum := make([]float64, m)
		for i := range n {
			up, down := make([]float64, m), make([]float64, m)
			up[i], up[n+i] = 1, -1
			down[i], down[n+i] = -1, -1
			p.cons = append(p.cons, linCon{a: up, b: x0[i]}, linCon{a: down, b: -x0[i]})
			sum[n+i] = 1
		}
		p.cons = append(p.cons, linCon{a: sum, b: c.Float64()})
	}
	for i, name := range []string{"eps", "alpha"} {
		if x := present(args, 9+i); x != nil {
			if s, ok := funcs.ScalarArg(x); !ok || s.T.Category() != value.CatIntegral && s.T.Category() != value.CatFloating {
				return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric scalar.", name, fn)
			}
		}
	}
	p.ctx = env.Context()
	x, st := p.solve()
	if st == lpCancelled {
		return nil, env.Context().Err()
	}
	if st != lpOptimal {
		return nil, statusError(fn, st)
	}
	x = x[:n]
	return value.NewTuple([]value.Value{value.NewDouble(dotv(r, x)), value.NewDoubles(x)}), nil
}

// symmetric reports a square matrix equal to its transpose (to a relative
// 1e-9).
func symmetric(m [][]float64) bool {
	for i, r := range m {
		for j, v := range r {
			if math.Abs(v-m[j][i]) > 1e-9*(math.Abs(v)+1) {
				return false
			}
		}
	}
	return true
}
