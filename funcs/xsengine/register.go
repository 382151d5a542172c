package xsengine

import "github.com/porpoisedb/porpoise/funcs"

func init() {
	funcs.Register(
		// cross.go
		funcs.Spec{Name: "createCrossSectionalEngine", Params: []string{"name", "metrics", "dummyTable", "outputTable", "keyColumn", "triggeringPattern", "triggeringInterval", "useSystemTime", "timeColumn", "lastBatchOnly", "contextByColumn", "snapshotDir", "snapshotIntervalInMsgCount", "raftGroup", "outputElapsedMicroseconds", "roundTime", "keyFilter", "updatedContextGroupsOnly"}, Min: 3, Max: 18, Props: funcs.Session, Category: "streaming", Fn: createCrossSectionalEngine},
	)
	funcs.Alias("createCrossSectionalAggregator", "createCrossSectionalEngine")
}
