package describe

import "github.com/porpoisedb/porpoise/funcs"

// init registers the family, one section per topic file.
func init() {
	// summary.go.
	funcs.Register(
		funcs.Spec{Name: "summary", Params: []string{"X", "interpolation", "characteristic", "percentile", "precision", "partitionSampling"},
			Min: 1, Max: 6, Category: "statistics", Fn: summary},
	)
}
