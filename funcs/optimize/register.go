package optimize

import "github.com/porpoisedb/porpoise/funcs"

// init registers the family, one section per topic file.
func init() {
	// diffevol.go.
	funcs.Register(funcs.Spec{Name: "differentialEvolution", Params: []string{"func", "bounds", "X0", "maxIter", "popSize",
		"mutation", "recombination", "tol", "atol", "polish", "seed"},
		Min: 2, Max: 11, Category: "data-processing", Fn: differentialEvolution})

	// brentq.go.
	funcs.Register(funcs.Spec{Name: "brentq", Params: []string{"f", "a", "b", "xtol", "rtol", "maxIter", "funcDataParam"},
		Min: 3, Max: 7, Category: "data-processing", Fn: brentq})

	// neldermead.go.
	funcs.Register(
		funcs.Spec{Name: "fmin", Params: []string{"func", "X0", "xtol", "ftol", "maxIter", "maxFun"},
			Min: 2, Max: 6, Category: "data-processing", Fn: fmin},
		funcs.Spec{Name: "brute", Params: []string{"func", "ranges", "ns", "finish"},
			Min: 2, Max: 4, Category: "data-processing", Fn: brute},
	)

	// bfgs.go.
	funcs.Register(
		funcs.Spec{Name: "fminBFGS", Params: []string{"func", "X0", "fprime", "gtol", "norm", "epsilon", "maxIter", "xrtol", "c1", "c2"},
			Min: 2, Max: 10, Category: "data-processing", Fn: fminBFGS},
		funcs.Spec{Name: "fminNCG", Params: []string{"func", "X0", "fprime", "fhess", "xtol", "maxIter", "c1", "c2"},
			Min: 4, Max: 8, Category: "data-processing", Fn: fminNCG},
	)

	// fminlbfgsb.go.
	funcs.Register(funcs.Spec{Name: "fminLBFGSB", Params: []string{"func", "X0", "fprime", "bounds", "m", "factr", "pgtol",
		"epsilon", "maxIter", "maxFun", "maxLS"}, Min: 2, Max: 11, Category: "data-processing", Fn: fminLBFGSB})
}
