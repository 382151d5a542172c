package linprog

import "github.com/porpoisedb/porpoise/funcs"

// init registers the family, one section per topic file.
func init() {
	// solve.go.
	funcs.Register(funcs.Spec{Name: "solve", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "math", Fn: solve})

	// linprog.go.
	funcs.Register(funcs.Spec{Name: "linprog", Params: []string{"f", "A", "b", "Aeq", "beq", "lb", "ub", "method"},
		Min: 1, Max: 8, Props: funcs.Pure, Category: "math", Fn: linprog})

	// quadprog.go.
	funcs.Register(
		funcs.Spec{Name: "quadprog", Params: []string{"H", "f", "A", "b", "Aeq", "beq"},
			Min: 2, Max: 6, Props: funcs.Pure, Category: "math", Fn: quadprog},
		funcs.Spec{Name: "qclp", Params: []string{"r", "V", "k", "A", "b", "Aeq", "beq", "x0", "c", "eps", "alpha"},
			Min: 3, Max: 11, Props: funcs.Pure, Category: "math", Fn: qclp},
	)

	// socp.go.
	funcs.Register(funcs.Spec{Name: "socp", Params: []string{"f", "G", "h", "l", "q", "A", "b"},
		Min: 1, Max: 7, Props: funcs.Pure, Category: "math", Fn: socp})

	// slsqp.go.
	funcs.Register(funcs.Spec{Name: "fminSLSQP", Params: []string{"func", "X0", "fprime", "constraints", "bounds", "ftol", "epsilon", "maxIter"},
		Min: 2, Max: 8, Category: "data-processing", Fn: fminSLSQP})

	// osqp.go.
	funcs.Register(
		funcs.Spec{Name: "osqp", Params: []string{"q", "P", "A", "lb", "ub"},
			Min: 1, Max: 5, Props: funcs.Pure, Category: "math", Fn: osqp},
		funcs.Spec{Name: "scs", Params: []string{"f", "P", "A", "b", "Aeq", "beq", "lb", "ub", "x0", "c", "eps", "alpha"},
			Min: 1, Max: 12, Props: funcs.Pure, Category: "math", Fn: scs},
	)
}
