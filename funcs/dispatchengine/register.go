package dispatchengine

import "github.com/porpoisedb/porpoise/funcs"

func init() {
	funcs.Register(
		// engine.go
		funcs.Spec{Name: "createStreamDispatchEngine", Params: []string{"name", "dummyTable", "keyColumn", "outputTable", "dispatchType", "hashByBatch", "outputLock", "queueDepth", "outputElapsedTime", "mode"}, Min: 4, Max: 10, Props: funcs.Session, Category: "streaming", Fn: createStreamDispatchEngine},
	)
}
