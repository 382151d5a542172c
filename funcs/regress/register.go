package regress

import "github.com/porpoisedb/porpoise/funcs"

// init registers the family, one section per topic file.
func init() {
	// ols.go.
	funcs.Register(
		funcs.Spec{Name: "ols", Params: []string{"Y", "X", "intercept", "mode", "method", "usePinv"}, Min: 2, Max: 6,
			Props: funcs.Pure, Category: "statistics", Fn: ols},
		funcs.Spec{Name: "wls", Params: []string{"Y", "X", "W", "intercept", "mode"}, Min: 3, Max: 5,
			Props: funcs.Pure, Category: "statistics", Fn: wls},
		funcs.Spec{Name: "residual", Params: []string{"Y", "X", "params", "intercept"}, Min: 3, Max: 4,
			Props: funcs.Pure, Category: "statistics", Fn: residual},
	)

	// olsex.go.
	funcs.Register(
		funcs.Spec{Name: "olsEx", Params: []string{"ds", "Y", "X", "intercept", "mode"}, Min: 3, Max: 5,
			Category: "statistics", Fn: olsEx},
		funcs.Spec{Name: "beta", Params: []string{"Y", "X"}, Min: 2, Max: 2,
			Props: funcs.Aggregate | funcs.Pure, Category: "statistics", Fn: beta},
	)

	// penalized.go (descent.go fits the models).
	funcs.Register(
		funcs.Spec{Name: "ridge", Params: ridgeParams, Min: 3, Max: len(ridgeParams),
			Category: "machine-learning", Fn: fromSource("ridge", ridgeParams, true, 0, false)},
		funcs.Spec{Name: "ridgeBasic", Params: ridgeBasicParams, Min: 2, Max: len(ridgeBasicParams),
			Props: funcs.Pure, Category: "machine-learning", Fn: basic("ridgeBasic", ridgeBasicParams, true, 0, false)},
		funcs.Spec{Name: "lasso", Params: lassoParams, Min: 3, Max: len(lassoParams),
			Category: "machine-learning", Fn: fromSource("lasso", lassoParams, false, 1, true)},
		funcs.Spec{Name: "lassoBasic", Params: lassoBasicParams, Min: 2, Max: len(lassoBasicParams),
			Props: funcs.Pure, Category: "machine-learning", Fn: basic("lassoBasic", lassoBasicParams, false, 1, true)},
		funcs.Spec{Name: "elasticNet", Params: enetParams, Min: 3, Max: len(enetParams),
			Category: "machine-learning", Fn: fromSource("elasticNet", enetParams, false, 0.5, true)},
		funcs.Spec{Name: "elasticNetBasic", Params: enetBasicParams, Min: 2, Max: len(enetBasicParams),
			Props: funcs.Pure, Category: "machine-learning", Fn: basic("elasticNetBasic", enetBasicParams, false, 0.5, true)},
		funcs.Spec{Name: "lassoCV", Params: lassoCVParams, Min: 3, Max: len(lassoCVParams),
			Category: "machine-learning", Fn: crossValidated("lassoCV", lassoCVParams, false, 1, true, "alpha")},
		funcs.Spec{Name: "elasticNetCV", Params: elasticNetCVParams, Min: 3, Max: len(elasticNetCVParams),
			Category: "machine-learning", Fn: crossValidated("elasticNetCV", elasticNetCVParams, false, 0.5, true, "alpha")},
		funcs.Spec{Name: "ridgeCV", Params: ridgeCVParams, Min: 3, Max: len(ridgeCVParams),
			Category: "machine-learning", Fn: crossValidated("ridgeCV", ridgeCVParams, true, 0, false, "alphas")},
		*predictSpec,
	)

	// bvls.go.
	funcs.Register(funcs.Spec{Name: "bvls", Params: []string{"Y", "X", "bounds", "maxIter", "tolerance", "intercept", "mode"}, Min: 3, Max: 7,
		Props: funcs.Pure, Category: "statistics", Fn: bvls})

	// polynomial.go.
	funcs.Register(funcs.Spec{Name: "polynomial", Params: []string{"X", "coeffs"}, Min: 2, Max: 2,
		Props: funcs.Pure, Category: "math", Fn: polynomial})

	// piecewise.go.
	funcs.Register(
		funcs.Spec{Name: "piecewiseLinFit", Params: []string{"X", "Y", "numSegments", "XC", "YC", "bounds", "lapackDriver", "degree", "weights", "method", "maxIter", "initialGuess", "seed"},
			Min: 3, Max: 13, Props: funcs.Pure, Category: "statistics", Fn: piecewiseLinFit},
		*pwlfPredictSpec,
	)
}
