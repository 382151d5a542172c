package hypotest

import "github.com/porpoisedb/porpoise/funcs"

// init registers the family, one section per topic file.
func init() {
	// location.go.
	funcs.Register(
		funcs.Spec{Name: "tTest", Params: []string{"X", "Y", "mu", "confLevel", "equalVar"}, Min: 1, Max: 5, Props: funcs.Pure, Category: "statistics", Fn: tTest},
		funcs.Spec{Name: "zTest", Params: []string{"X", "Y", "mu", "sigmaX", "sigmaY", "confLevel"}, Min: 1, Max: 6, Props: funcs.Pure, Category: "statistics", Fn: zTest},
		funcs.Spec{Name: "fTest", Params: []string{"X", "Y", "ratio", "confLevel"}, Min: 2, Max: 4, Props: funcs.Pure, Category: "statistics", Fn: fTest},
	)

	// table.go.
	funcs.Register(
		funcs.Spec{Name: "chiSquareTest", Params: []string{"X", "Y"}, Min: 1, Max: 2, Props: funcs.Pure, Category: "statistics", Fn: chiSquareTest},
		funcs.Spec{Name: "anova", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "statistics", Fn: anova},
	)

	// rank.go.
	funcs.Register(
		funcs.Spec{Name: "mannWhitneyUTest", Params: []string{"X", "Y", "correct"}, Min: 2, Max: 3, Props: funcs.Pure, Category: "statistics", Fn: mannWhitneyUTest},
		funcs.Spec{Name: "ksTest", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "statistics", Fn: ksTest},
	)

	// shapiro.go.
	funcs.Register(funcs.Spec{Name: "shapiroTest", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "statistics", Fn: shapiroTest})

	// unitroot.go.
	funcs.Register(
		funcs.Spec{Name: "adfuller", Params: []string{"X", "maxLag", "regression", "autoLag", "store", "regResults"}, Min: 1, Max: 6, Props: funcs.Pure, Category: "statistics", Fn: adfullerFn},
		funcs.Spec{Name: "coint", Params: []string{"Y0", "Y1", "trend", "method", "maxLag", "autoLag"}, Min: 2, Max: 6, Props: funcs.Pure, Category: "statistics", Fn: coint},
	)

	// manova.go.
	funcs.Register(funcs.Spec{Name: "manova", Params: []string{"X", "group"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "statistics", Fn: manova})
}
