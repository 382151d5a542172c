package statelessengine

import "github.com/porpoisedb/porpoise/funcs"

func init() {
	funcs.Register(
		// engine.go
		funcs.Spec{Name: "createReactiveStatelessEngine", Params: []string{"name", "metrics", "outputTable"}, Min: 3, Max: 3, Props: funcs.Session, Category: "streaming", Fn: createReactiveStatelessEngine},
	)
}
