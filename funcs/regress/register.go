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
}
