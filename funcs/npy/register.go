package npy

import "github.com/porpoisedb/porpoise/funcs"

func init() {
	funcs.Register(
		// files.go, encode.go
		funcs.Spec{Name: "loadNpy", Params: []string{"fileName"}, Min: 1, Max: 1, Props: funcs.Session, Category: "load", Fn: loadNpy},
		funcs.Spec{Name: "loadNpz", Params: []string{"fileName"}, Min: 1, Max: 1, Props: funcs.Session, Category: "load", Fn: loadNpz},
		funcs.Spec{Name: "saveAsNpy", Params: []string{"obj", "fileName"}, Min: 2, Max: 2, Props: funcs.Session | funcs.Command, Category: "filesystem", Fn: saveAsNpy},
	)
}
