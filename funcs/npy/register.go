package npy

import "github.com/porpoisedb/porpoise/funcs"

func init() {
	p := func(names ...string) []string { return names }
	funcs.Register(
		// files.go
		funcs.Spec{Name: "loadNpy", Params: p("fileName"), Min: 1, Max: 1, Props: funcs.Session, Category: "load", Fn: loadNpy},
		funcs.Spec{Name: "loadNpz", Params: p("fileName"), Min: 1, Max: 1, Props: funcs.Session, Category: "load", Fn: loadNpz},
		funcs.Spec{Name: "saveAsNpy", Params: p("obj", "fileName"), Min: 2, Max: 2, Props: funcs.Session | funcs.Command, Category: "filesystem", Fn: saveAsNpy},
	)
}
