package rsengine

import "github.com/porpoisedb/porpoise/funcs"

var createParams = []string{"name", "metrics", "dummyTable", "outputTable", "keyColumn", "filter",
	"snapshotDir", "snapshotIntervalInMsgCount", "keepOrder", "keyPurgeFilter", "keyPurgeFreqInSecond",
	"raftGroup", "outputElapsedMicroseconds", "keyCapacity", "parallelism", "outputHandler", "msgAsTable"}

var narrowParams = []string{"name", "metrics", "metricNames", "dummyTable", "outputTable", "keyColumn", "filter",
	"snapshotDir", "snapshotIntervalInMsgCount", "keepOrder", "keyPurgeFilter", "keyPurgeFreqInSecond",
	"raftGroup", "outputElapsedMicroseconds", "keyCapacity", "parallelism", "outputHandler", "msgAsTable"}

func init() {
	funcs.Register(
		// create.go
		funcs.Spec{Name: "createReactiveStateEngine", Params: createParams, Min: 4, Max: len(createParams), Props: funcs.Session, Category: "streaming", Fn: createReactiveStateEngine},
		funcs.Spec{Name: "createNarrowReactiveStateEngine", Params: narrowParams, Min: 6, Max: len(narrowParams), Props: funcs.Session, Category: "streaming", Fn: createNarrowReactiveStateEngine},
		// dual.go
		funcs.Spec{Name: "createDualOwnershipReactiveStateEngine", Params: dualParams, Min: 7, Max: len(dualParams), Props: funcs.Session, Category: "streaming", Fn: createDualOwnershipReactiveStateEngine},
		// iterate.go
		funcs.Spec{Name: "stateIterate", Params: []string{"X", "initial", "initialWindow", "iterateFunc", "combineCoeff"}, Min: 5, Max: 5, Props: funcs.OrderSensitive, Category: "streaming", Fn: stateIterate},
		funcs.Spec{Name: "stateMavg", Params: []string{"X", "window"}, Min: 2, Max: 2, Props: funcs.OrderSensitive, Category: "streaming", Fn: stateMavg},
		funcs.Spec{Name: "conditionalIterate", Params: []string{"cond", "trueValue", "falseIterFunc"}, Min: 3, Max: 3, Props: funcs.OrderSensitive, Category: "streaming", Fn: conditionalIterate},
		// generic.go
		funcs.Spec{Name: genName, Params: []string{"X", "initial", "window", "func"}, Min: 4, Max: 4, Props: funcs.OrderSensitive, Category: "other", Fn: genericStateIterate},
		funcs.Spec{Name: genTName, Params: []string{"T", "X", "initial", "window", "func", "leftClosed"}, Min: 5, Max: 6, Props: funcs.OrderSensitive, Category: "other", Fn: genericTStateIterate},
	)
}
