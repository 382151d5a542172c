package linprog

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// socp's statuses (funcs/s/socp.md), by how the program ended.
var socpStatus = [...]string{
	lpOptimal:    "Problem solved to optimality",
	lpInfeasible: "Found certificate of primal infeasibility",
	lpUnbounded:  "Found certificate of dual infeasibility",
	lpIterLimit:  "Maximum number of iterations reached",
}

// socp minimises f'x subject to G x + s = h with s in the cone of l
// non-negative elements then one second-order cone per element of q
// (its first element bounding the norm of the others), and A x = b
// (funcs/s/socp.md). The result is the tuple (status, x, minimum); x and
// the minimum are NULL when there is no optimum.
func socp(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "socp"
	r := funcs.ReadArgs(fn, args)
	f := fArg(r, "f", 0)
	n := len(f)
	G := rowsArg(r, "G", 1, n)
	h := rhsArg(r, "h", 2, G)
	l := r.Int("l", r.Given(3), 0)
	if err := r.Err(); err != nil {
		return nil, err
	}
	if l < 0 {
		return nil, ddberr.Errorf("The argument [%s] of %s is out of range.", "l", fn)
	}
	var q []int
	// q = [] (an empty ANY vector) says every constraint is linear
	// (tutorials/MVO.md, scenario three).
	if x := r.Given(4); x != nil && !isEmptyVector(x) {
		d, ok := vectorArg(x)
		if !ok {
			return nil, ddberr.Errorf("The argument [q] of socp must be a vector of positive integers.")
		}
		for _, v := range d {
			if v < 1 || v != math.Trunc(v) || v > 1e9 {
				return nil, ddberr.Errorf("The argument [q] of socp must be a vector of positive integers.")
			}
			q = append(q, int(v))
		}
	}
	rows := int(l)
	for _, k := range q {
		rows += k
	}
	if rows != len(G) {
		return nil, ddberr.Errorf("The rows of G and h of socp must number l + sum(q).")
	}
	p := &program{f: f}
	for i := range int(l) {
		p.cons = append(p.cons, linCon{a: G[i], b: h[i]})
	}
	at := int(l)
	for _, k := range q {
		p.cons = append(p.cons, &socCon{gt: G[at], ht: h[at], gu: G[at+1 : at+k], hu: h[at+1 : at+k]})
		at += k
	}
	A := rowsArg(r, "A", 5, n)
	b := rhsArg(r, "b", 6, A)
	if err := r.Err(); err != nil {
		return nil, err
	}
	p.e, p.rhs = A, b
	if err := p.prepare(env); err != nil {
		return nil, err
	}
	x, st := p.solve()
	if st == lpCancelled {
		return nil, env.Context().Err()
	}
	status := socpStatus[st]
	if st != lpOptimal {
		return value.NewTuple([]value.Value{value.NewString(status), value.NewDoubles(funcs.NullDoubles(n)),
			value.NewDouble(value.NullFloat64)}), nil
	}
	return value.NewTuple([]value.Value{value.NewString(status), value.NewDoubles(x), value.NewDouble(funcs.Dot(f, x))}), nil
}

func isEmptyVector(x value.Value) bool {
	v, ok := x.(*value.Vector)
	return ok && v.Len() == 0
}
