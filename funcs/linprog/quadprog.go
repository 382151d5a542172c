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
	if err != nil || len(H) != n || !symmetric(H) {
		return nil, ddberr.Errorf("The argument [H] of quadprog must be a symmetric positive definite matrix with as many rows and columns as f has elements.")
	}
	h := flatten(H)
	if !semidefinite(h, n) {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a positive semi-definite matrix.", "H", fn)
	}
	p := &program{h: h, f: f}
	if err := linearParts(fn, args, 2, p); err != nil {
		return nil, err
	}
	x, err := p.optimum(env, fn)
	if err != nil {
		return nil, err
	}
	return minimumTuple(p.objective(x), x), nil
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
	k, ok := numberArg(args[2])
	if !ok || k <= 0 {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a positive number.", "k", fn)
	}
	if !semidefinite(symmetricUpper(V), n) || !symmetric(V) {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a positive semi-definite matrix.", "V", fn)
	}
	lp := &program{f: r}
	if err := linearParts(fn, args, 3, lp); err != nil {
		return nil, err
	}
	x0, c, m, err := absArgs(fn, "r", args, 7, n)
	if err != nil {
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
	return minimumTuple(dotv(r, x), x), nil
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
