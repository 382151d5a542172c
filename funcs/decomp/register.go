package decomp

import "github.com/porpoisedb/porpoise/funcs"

// init registers the family, one section per topic file.
func init() {
	// pca.go.
	funcs.Register(funcs.Spec{Name: "pca", Params: []string{"ds", "colNames", "k", "normalize", "maxIter", "svdSolver", "randomState"},
		Min: 1, Max: 7, Category: "data-processing", Fn: pca})
}
