package linprog

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// linprog minimises f'x subject to A x <= b, Aeq x = beq and lb <= x <=
// ub (funcs/l/linprog.md); a variable without bounds is free. The result
// is the tuple (minimum, x). Both methods run the two-phase simplex,
// which finds the same minimum the interior-point method would.
func linprog(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "linprog"
	r := funcs.ReadArgs(fn, args)
	f := fArg(r, "f", 0)
	n := len(f)
	A := rowsArg(r, "A", 1, n)
	b := rhsArg(r, "b", 2, A)
	Aeq := rowsArg(r, "Aeq", 3, n)
	beq := rhsArg(r, "beq", 4, Aeq)
	lb := boundArg(r, "lb", 5, n, negInf)
	ub := boundArg(r, "ub", 6, n, posInf)
	if err := r.Err(); err != nil {
		return nil, err
	}
	if m, ok := funcs.OptStringArg(r.Given(7), "simplex"); !ok || m != "simplex" && m != "interior-point" {
		return nil, ddberr.Errorf("The argument [method] of linprog must be 'simplex' or 'interior-point'.")
	}
	for i := range lb {
		if lb[i] > ub[i] {
			return nil, ddberr.Errorf("The problem of %s is infeasible.", fn)
		}
	}
	x, fx, st := linearProgram(env.Context(), f, A, b, Aeq, beq, lb, ub)
	if err := outcome(env, fn, st); err != nil {
		return nil, err
	}
	return minimumTuple(fx, x), nil
}

// minimumTuple is the result (minimum, x) of linprog, quadprog, qclp and
// scs.
func minimumTuple(min float64, x []float64) value.Value {
	return value.NewTuple([]value.Value{value.NewDouble(min), value.NewDoubles(x)})
}

// optimum solves p in the session's context: its minimiser, or the
// error outcome gives.
func (p *program) optimum(env funcs.Env, fn string) ([]float64, error) {
	if err := p.prepare(env); err != nil {
		return nil, err
	}
	x, st := p.solve()
	return x, outcome(env, fn, st)
}

// outcome is nil when a program of fn ended in an optimum, the session's
// error when it was cancelled, else statusError.
func outcome(env funcs.Env, fn string, st lpStatus) error {
	switch st {
	case lpOptimal:
		return nil
	case lpCancelled:
		return env.Context().Err()
	}
	return statusError(fn, st)
}

// statusError is the error of a program that has no optimum.
func statusError(fn string, st lpStatus) error {
	switch st {
	case lpInfeasible:
		return ddberr.Errorf("The problem of %s is infeasible.", fn)
	case lpUnbounded:
		return ddberr.Errorf("The problem of %s is unbounded.", fn)
	}
	return ddberr.Errorf("The problem of %s reached the maximum number of iterations.", fn)
}
