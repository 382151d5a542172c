package optimize

import "github.com/porpoisedb/porpoise/funcs"

// init registers the family, one section per topic file.
func init() {
	// diffevol.go.
	funcs.Register(funcs.Spec{Name: "differentialEvolution", Params: []string{"func", "bounds", "X0", "maxIter", "popSize",
		"mutation", "recombination", "tol", "atol", "polish", "seed"},
		Min: 2, Max: 11, Category: "data-processing", Fn: differentialEvolution})
}
