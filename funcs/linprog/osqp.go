package linprog

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// osqp's statuses (funcs/o/osqp.md), by how the program ended.
var osqpStatus = [...]string{
	lpOptimal:    "solved",
	lpInfeasible: "primal infeasible",
	lpUnbounded:  "dual infeasible",
	lpIterLimit:  "maximum iterations reached",
}

// osqpInf is where osqp's bounds stop counting: a NULL bound is ±1e30.
const osqpInf = 1e30

// osqp minimises 0.5 x'Px + q'x subject to lb <= A x <= ub
// (funcs/o/osqp.md) by the interior-point method of quadprog; a row
// whose bounds are equal is an equality. The result is the tuple
// (status, x), x NULL when there is no optimum.
func osqp(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "osqp"
	r := funcs.ReadArgs(fn, args)
	q := fArg(r, "q", 0)
	n := len(q)
	P := rowsArg(r, "P", 1, n)
	if err := r.Err(); err != nil {
		return nil, err
	}
	p := &program{f: q}
	if P != nil {
		if len(P) != n {
			return nil, ddberr.Errorf("The argument [P] of %s must be a symmetric positive semi-definite matrix with as many rows and columns as %s has elements.", fn, "q")
		}
		p.h = symmetricUpper(P)
		if !semidefinite(p.h, n) {
			return value.NewTuple([]value.Value{value.NewString("problem non convex"), value.NewDoubles(funcs.NullDoubles(n))}), nil
		}
	}
	A := rowsArg(r, "A", 2, n)
	if err := r.Err(); err != nil {
		return nil, err
	}
	given := 0
	for i := 2; i <= 4; i++ {
		if funcs.GivenArg(args, i) != nil {
			given++
		}
	}
	if A == nil && given > 0 || A != nil && len(args) < 5 {
		return nil, ddberr.Errorf("The arguments A, lb and ub of osqp must be given together.")
	}
	if A != nil {
		lb, err := boundsVector(fn, "lb", args[3], len(A), math.Inf(-1))
		if err != nil {
			return nil, err
		}
		ub, err := boundsVector(fn, "ub", args[4], len(A), math.Inf(1))
		if err != nil {
			return nil, err
		}
		for i, row := range A {
			l, u := lb[i], ub[i]
			switch {
			case l > u:
				return value.NewTuple([]value.Value{value.NewString(osqpStatus[lpInfeasible]), value.NewDoubles(funcs.NullDoubles(n))}), nil
			case l == u:
				p.e, p.rhs = append(p.e, row), append(p.rhs, u)
				continue
			}
			if u < osqpInf {
				p.cons = append(p.cons, linCon{a: row, b: u})
			}
			if l > -osqpInf {
				neg := make([]float64, n)
				for j, v := range row {
					neg[j] = -v
				}
				p.cons = append(p.cons, linCon{a: neg, b: -l})
			}
		}
	}
	if err := p.prepare(env); err != nil {
		return nil, err
	}
	x, st := p.solve()
	if st == lpCancelled {
		return nil, env.Context().Err()
	}
	if st != lpOptimal {
		x = funcs.NullDoubles(n)
	}
	return value.NewTuple([]value.Value{value.NewString(osqpStatus[st]), value.NewDoubles(x)}), nil
}

// boundsVector reads lb or ub of osqp: one number per row of A, NULL
// (or beyond 1e30) for none.
func boundsVector(fn, name string, x value.Value, rows int, inf float64) ([]float64, error) {
	out := make([]float64, rows)
	for i := range out {
		out[i] = inf
	}
	if funcs.NullOrAbsent(x) {
		return out, nil
	}
	v, ok := x.(*value.Vector)
	if !ok || !funcs.IsNumericVec(v) || v.Len() != rows {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a numeric vector with one element per row of its matrix.", name, fn)
	}
	d, err := funcs.DoublesOf(fn, v)
	if err != nil {
		return nil, err
	}
	for i, b := range d {
		if !funcs.IsNullF(b) && math.Abs(b) < osqpInf {
			out[i] = b
		}
	}
	return out, nil
}

// symmetricUpper is the symmetric matrix (row-major) whose upper
// triangle is P's.
func symmetricUpper(P [][]float64) []float64 {
	n := len(P)
	h := make([]float64, n*n)
	for i := range n {
		for j := i; j < n; j++ {
			h[i*n+j], h[j*n+i] = P[i][j], P[i][j]
		}
	}
	return h
}

// absConstraints are sum(abs(x - x0)) <= c over the first n of m
// variables, the last n of them bounding each |x_i - x0_i|.
func absConstraints(x0 []float64, c float64, m int) []constraint {
	n := len(x0)
	var out []constraint
	sum := make([]float64, m)
	for i := range n {
		up, down := make([]float64, m), make([]float64, m)
		up[i], up[m-n+i] = 1, -1
		down[i], down[m-n+i] = -1, -1
		out = append(out, linCon{a: up, b: x0[i]}, linCon{a: down, b: -x0[i]})
		sum[m-n+i] = 1
	}
	return append(out, linCon{a: sum, b: c})
}

// scs minimises 0.5 x'Px + f'x (P's upper triangle, its diagonal the
// doubled squares' coefficients) subject to A x <= b, Aeq x = beq, lb
// <= x <= ub and, with x0 and c, sum(abs(x - x0)) <= c (funcs/s/scs.md),
// by the interior-point method of quadprog. The result is the tuple
// (minimum, x). eps and alpha tune DolphinDB's splitting solver and are
// only checked here.
func scs(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "scs"
	r := funcs.ReadArgs(fn, args)
	f := fArg(r, "f", 0)
	n := len(f)
	P := rowsArg(r, "P", 1, n)
	if err := r.Err(); err != nil {
		return nil, err
	}
	if P != nil && len(P) != n {
		return nil, ddberr.Errorf("The argument [P] of %s must be a symmetric positive semi-definite matrix with as many rows and columns as %s has elements.", fn, "f")
	}
	lp := &program{f: f}
	linearParts(r, 2, lp)
	lb := boundArg(r, "lb", 6, n, negInf)
	ub := boundArg(r, "ub", 7, n, posInf)
	x0, c, m := absArgs(r, "f", 8, n)
	if err := r.Err(); err != nil {
		return nil, err
	}
	p := &program{f: pad(f, m)}
	if P != nil {
		h := symmetricUpper(P)
		if !semidefinite(h, n) {
			return nil, ddberr.Errorf("The argument [%s] of %s must be a positive semi-definite matrix.", "P", fn)
		}
		p.h = make([]float64, m*m)
		for i := range n {
			copy(p.h[i*m:i*m+n], h[i*n:(i+1)*n])
		}
	}
	p.appendLinear(lp)
	for i := range n {
		if lb[i] > ub[i] {
			return nil, statusError(fn, lpInfeasible)
		}
		if lb[i] == ub[i] {
			a := make([]float64, m)
			a[i] = 1
			p.e, p.rhs = append(p.e, a), append(p.rhs, lb[i])
			continue
		}
		if !math.IsInf(ub[i], 1) {
			a := make([]float64, m)
			a[i] = 1
			p.cons = append(p.cons, linCon{a: a, b: ub[i]})
		}
		if !math.IsInf(lb[i], -1) {
			a := make([]float64, m)
			a[i] = -1
			p.cons = append(p.cons, linCon{a: a, b: -lb[i]})
		}
	}
	if x0 != nil {
		p.cons = append(p.cons, absConstraints(x0, c, m)...)
	}
	x, err := p.optimum(env, fn)
	if err != nil {
		return nil, err
	}
	return minimumTuple(p.objective(x), x[:n]), nil
}

// semidefinite reports whether the symmetric n-by-n h (row-major) is
// positive semi-definite: its Cholesky factorisation succeeds once a
// relative 1e-10 is added to the diagonal.
func semidefinite(h []float64, n int) bool {
	scale := 0.0
	for i := range n {
		scale = max(scale, math.Abs(h[i*n+i]))
	}
	s := mat.NewSymDense(n, nil)
	for i := range n {
		for j := i; j < n; j++ {
			v := h[i*n+j]
			if i == j {
				v += 1e-10 * (1 + scale)
			}
			s.SetSym(i, j, v)
		}
	}
	var c mat.Cholesky
	return c.Factorize(s)
}
