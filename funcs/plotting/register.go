package plotting

import "github.com/porpoisedb/porpoise/funcs"

func init() {
	funcs.Register(
		// plot.go
		funcs.Spec{Name: "plot", Params: []string{"data", "labels", "title", "chartType", "stacking", "extras"}, Min: 1, Max: 6, Category: "other", Fn: plot},
		funcs.Spec{Name: "plotHist", Params: []string{"data", "binNum", "range", "title"}, Min: 1, Max: 4, Category: "other", Fn: plotHist},
	)
}
