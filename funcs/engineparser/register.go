package engineparser

import "github.com/porpoisedb/porpoise/funcs"

func init() {
	funcs.Register(
		// parser.go
		funcs.Spec{Name: fnName, Params: params, Min: 5, Max: len(params), Props: funcs.Session, Category: "streaming", Fn: streamEngineParser},
	)
}
