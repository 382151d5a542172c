package interp

import "github.com/porpoisedb/porpoise/funcs"

// init registers the family, one section per topic file.
func init() {
	resampling := []string{"X", "Y", "resampleRule", "closed", "origin", "outputX"}
	// resampled.go.
	funcs.Register(
		funcs.Spec{Name: "dividedDifference", Params: resampling, Min: 3, Max: 6, Category: "statistics", Fn: dividedDifference},
		funcs.Spec{Name: "neville", Params: resampling, Min: 3, Max: 6, Category: "statistics", Fn: neville},
		funcs.Spec{Name: "spline", Params: resampling, Min: 3, Max: 6, Category: "statistics", Fn: spline},
	)

	// loess.go.
	funcs.Register(funcs.Spec{Name: "loess", Params: append(resampling, "bandwidth", "robustnessIter", "accuracy"),
		Min: 3, Max: 9, Category: "statistics", Fn: loess})

	// bspline.go.
	funcs.Register(
		funcs.Spec{Name: "splrep", Params: []string{"x", "y", "t"}, Min: 2, Max: 3, Props: funcs.Pure, Category: "statistics", Fn: splrep},
		funcs.Spec{Name: "splev", Params: []string{"x", "tck"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "statistics", Fn: splev},
	)
}
