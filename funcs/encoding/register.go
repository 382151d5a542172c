package encoding

import "github.com/porpoisedb/porpoise/funcs"

func init() {
	p := func(names ...string) []string { return names }
	funcs.Register(
		// compress.go
		funcs.Spec{Name: "compress", Params: p("X", "method"), Min: 1, Max: 2, Category: "encoding", Fn: compress},
		funcs.Spec{Name: "decompress", Params: p("X"), Min: 1, Max: 1, Category: "encoding", Fn: decompress},
		// pack.go
		funcs.Spec{Name: "pack", Params: p("format", "args"), Min: 1, Max: -1, Props: funcs.Pure, Category: "encoding", Fn: pack},
		funcs.Spec{Name: "unpack", Params: p("format", "buf"), Min: 2, Max: 2, Props: funcs.Pure, Category: "encoding", Fn: unpack},
		// digest.go
		funcs.Spec{Name: "hmac", Params: p("key", "message", "digest"), Min: 2, Max: 3, Props: funcs.Pure, Category: "other", Fn: hmacFn},
		funcs.Spec{Name: "objectChecksum", Params: p("vector", "prev"), Min: 1, Max: 2, Props: funcs.Pure, Category: "other", Fn: objectChecksum},
	)
}
