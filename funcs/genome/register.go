package genome

import "github.com/porpoisedb/porpoise/funcs"

func init() {
	p := func(names ...string) []string { return names }
	funcs.Register(
		// seq.go
		funcs.Spec{Name: "encodeShortGenomeSeq", Params: p("X"), Min: 1, Max: 1, Props: funcs.Pure, Category: "encoding", Fn: encodeFn},
		funcs.Spec{Name: "decodeShortGenomeSeq", Params: p("X"), Min: 1, Max: 1, Props: funcs.Pure, Category: "encoding", Fn: decodeFn},
		funcs.Spec{Name: "genShortGenomeSeq", Params: p("X", "window"), Min: 2, Max: 2, Props: funcs.Pure | funcs.OrderSensitive, Category: "encoding", Fn: genFn},
	)
	funcs.Alias("encodeSGS", "encodeShortGenomeSeq")
	funcs.Alias("decodeSGS", "decodeShortGenomeSeq")
	funcs.Alias("genSGS", "genShortGenomeSeq")
}
