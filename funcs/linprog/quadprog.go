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
	r := funcs.ReadArgs(fn, args)
	f := fArg(r, "f", 1)
	if err := r.Err(); err != nil {
		return nil, err
	}
	n := len(f)
	H := rowsArg(r, "H", 0, n)
	if r.Err() != nil || len(H) != n || !symmetric(H) {
		return nil, ddberr.Errorf("The argument [H] of quadprog must be a symmetric positive definite matrix with as many rows and columns as f has elements.")
	}
	h := flatten(H)
	if !semidefinite(h, n) {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a positive semi-definite matrix.", "H", fn)
	}
	p := &program{h: h, f: f}
	linearParts(r, 2, p)
	if err := r.Err(); err != nil {
		return nil, err
	}
	x, err := p.optimum(env, fn)
	if err != nil {
		return nil, err
	}
	return minimumTuple(p.objective(x), x), nil
}

// linearParts reads A, b, Aeq and beq from arguments i to i+3 into p
// unless r holds an error.
func linearParts(r *funcs.Args, i int, p *program) {
	n := len(p.f)
	A := rowsArg(r, "A", i, n)
	b := rhsArg(r, "b", i+1, A)
	Aeq := rowsArg(r, "Aeq", i+2, n)
	beq := rhsArg(r, "beq", i+3, Aeq)
	if r.Err() != nil {
		return
	}
	for k, row := range A {
		p.cons = append(p.cons, linCon{a: row, b: b[k]})
	}
	p.e, p.rhs = Aeq, beq
}

// qclp minimises r'x subject to x'Vx <= k, A x <= b, Aeq x = beq and,
// with x0 and c, sum(abs(x - x0)) <= c (funcs/q/qclp.md); the result is
// the tuple (minimum, x). eps and alpha tune DolphinDB's first-order
// solver; the interior-point method here reads them for their checks.
func qclp(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "qclp"
	a := funcs.ReadArgs(fn, args)
	r := fArg(a, "r", 0)
	if err := a.Err(); err != nil {
		return nil, err
	}
	n := len(r)
	V := rowsArg(a, "V", 1, n)
	if a.Err() != nil || len(V) != n {
		return nil, ddberr.Errorf("The argument [V] of qclp must be a square numeric matrix with as many rows as r has elements.")
	}
	k, ok := numberArg(args[2])
	if !ok || k <= 0 {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a positive number.", "k", fn)
	}
	if !semidefinite(symmetricUpper(V), n) || !symmetric(V) {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a positive semi-definite matrix.", "V", fn)
	}
	lp := &program{f: r}
	linearParts(a, 3, lp)
	x0, c, m := absArgs(a, "r", 7, n)
	if err := a.Err(); err != nil {
		return nil, err
	}
	p := &program{f: pad(r, m)}
	p.cons = append(p.cons, &quadCon{v: flatten(V), n: n, q: make([]float64, m), k: k})
	p.appendLinear(lp)
	if x0 != nil {
		p.cons = append(p.cons, absConstraints(x0, c, m)...)
	}
	x, err := p.optimum(env, fn)
	if err != nil {
		return nil, err
	}
	x = x[:n]
	return minimumTuple(funcs.Dot(r, x), x), nil
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
