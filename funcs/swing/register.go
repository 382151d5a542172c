package swing

import "github.com/porpoisedb/porpoise/funcs"

func init() {
	funcs.Register(funcs.Spec{Name: "zigzag", Params: []string{"HL", "change", "percent", "retrace", "lastExtreme"}, Min: 1, Max: 5,
		Props: funcs.Pure | funcs.OrderSensitive, Category: "series", Fn: zigzag})
}
