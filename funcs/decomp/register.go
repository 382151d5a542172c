package decomp

import "github.com/porpoisedb/porpoise/funcs"

// init registers the family, one section per topic file.
func init() {
	// pca.go.
	funcs.Register(funcs.Spec{Name: "pca", Params: []string{"ds", "colNames", "k", "normalize", "maxIter", "svdSolver", "randomState"},
		Min: 1, Max: 7, Category: "data-processing", Fn: pca})

	// stl.go.
	funcs.Register(funcs.Spec{Name: "stl", Params: []string{"data", "period", "sWindow", "sDegree", "sJump", "tWindow", "tDegree", "tJump",
		"lWindow", "lDegree", "lJump", "robust", "inner", "outer"},
		Min: 3, Max: 14, Props: funcs.Pure, Category: "data-processing", Fn: stl})

	// esd.go.
	funcs.Register(
		funcs.Spec{Name: "esd", Params: []string{"data", "hybrid", "maxAnomalies", "alpha"}, Min: 1, Max: 4, Props: funcs.Pure, Category: "statistics", Fn: esd},
		funcs.Spec{Name: "seasonalEsd", Params: []string{"data", "period", "hybrid", "maxAnomalies", "alpha"}, Min: 2, Max: 5, Props: funcs.Pure, Category: "statistics", Fn: seasonalEsd},
	)
}
