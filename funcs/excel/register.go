package excel

import "github.com/porpoisedb/porpoise/funcs"

func init() {
	funcs.Register(
		// formula.go
		funcs.Spec{Name: "convertExcelFormula", Params: []string{"formula", "colStart", "colEnd", "rowStart", "rowEnd"}, Min: 5, Max: 5,
			Props: funcs.Pure, Category: "other", Fn: convertExcelFormula},
	)
}
