package streamfilter

import "github.com/porpoisedb/porpoise/funcs"

func init() {
	funcs.Register(
		// engine.go
		funcs.Spec{Name: "streamFilter", Params: []string{"name", "dummyTable", "filter", "msgSchema", "timeColumn", "conditionColumn"}, Min: 3, Max: 6, Props: funcs.Session, Category: "streaming", Fn: streamFilter},
	)
}
