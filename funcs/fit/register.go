package fit

import "github.com/porpoisedb/porpoise/funcs"

// init registers the family, one section per topic file.
func init() {
	// krogh.go.
	funcs.Register(funcs.Spec{Name: "kroghInterpolateFit", Params: []string{"X", "Y", "der"}, Min: 2, Max: 3,
		Props: funcs.Pure, Category: "statistics", Fn: kroghInterpolateFit})

	// hermite.go.
	funcs.Register(funcs.Spec{Name: "cubicHermiteSplineFit", Params: []string{"X", "Y", "derivative", "extrapolate"}, Min: 3, Max: 4,
		Props: funcs.Pure, Category: "statistics", Fn: cubicHermiteSplineFit})

	// polyfit.go.
	funcs.Register(
		funcs.Spec{Name: "polyFit", Params: []string{"X", "Y", "n", "mode"}, Min: 3, Max: 4, Props: funcs.Pure, Category: "statistics", Fn: polyFit},
		*polyPredictSpec,
	)
	// poly1d is polyPredict's other name (funcs/p/polyPredict.md).
	funcs.Alias("poly1d", "polyPredict")

	// wslr.go.
	funcs.Register(funcs.Spec{Name: "wslr", Params: []string{"Y", "X", "W", "mse"}, Min: 3, Max: 4, Props: funcs.Aggregate | funcs.Pure, Category: "statistics", Fn: wslr})

	// cubicspline.go.
	funcs.Register(
		funcs.Spec{Name: "cubicSpline", Params: []string{"x", "y", "bc_type"}, Min: 2, Max: 3, Props: funcs.Pure, Category: "statistics", Fn: cubicSpline},
		*splinePredict,
	)

	// kde.go.
	funcs.Register(
		funcs.Spec{Name: "gaussianKde", Params: []string{"X", "weights", "bwMethod"}, Min: 1, Max: 3, Category: "statistics", Fn: gaussianKde},
		*kdePredict,
	)

	// pchip.go.
	funcs.Register(
		funcs.Spec{Name: "pchipInterpolateFit", Params: []string{"X", "Y", "extrapolate"}, Min: 2, Max: 3,
			Props: funcs.Pure, Category: "statistics", Fn: pchipInterpolateFit},
		funcs.Spec{Name: "kroghInterpolate", Params: []string{"X", "Y", "newX", "der"}, Min: 3, Max: 4,
			Props: funcs.Pure, Category: "statistics", Fn: kroghInterpolate},
	)
}
