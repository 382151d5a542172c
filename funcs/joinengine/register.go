package joinengine

import "github.com/porpoisedb/porpoise/funcs"

func init() {
	funcs.Register(
		// asof.go
		funcs.Spec{Name: "createAsofJoinEngine", Params: []string{"name", "leftTable", "rightTable", "outputTable", "metrics", "matchingColumn", "timeColumn", "useSystemTime", "delayedTime", "garbageSize", "sortByTime", "outputElapsedMicroseconds", "snapshotDir", "snapshotIntervalInMsgCount"}, Min: 6, Max: 14, Props: funcs.Session, Category: "streaming", Fn: createAsofJoinEngine},
		// equi.go
		funcs.Spec{Name: "createEquiJoinEngine", Params: []string{"name", "leftTable", "rightTable", "outputTable", "metrics", "matchingColumn", "timeColumn", "garbageSize", "maxDelayedTime"}, Min: 7, Max: 9, Props: funcs.Session, Category: "streaming", Fn: createEquiJoinEngine},
		// lookup.go
		funcs.Spec{Name: "createLookupJoinEngine", Params: []string{"name", "leftTable", "rightTable", "outputTable", "metrics", "matchingColumn", "rightTimeColumn", "checkTimes", "outputElapsedMicroseconds", "keepDuplicates", "isInnerJoin", "snapshotDir", "snapshotIntervalInMsgCount"}, Min: 6, Max: 13, Props: funcs.Session, Category: "streaming", Fn: createLookupJoinEngine},
		// window.go
		funcs.Spec{Name: "createWindowJoinEngine", Params: []string{"name", "leftTable", "rightTable", "outputTable", "window", "metrics", "matchingColumn", "timeColumn", "useSystemTime", "garbageSize", "maxDelayedTime", "nullFill", "outputElapsedMicroseconds", "sortByTime", "closed", "snapshotDir", "snapshotIntervalInMsgCount", "cachedTableCapacity", "keyPurgeFreqInSec"}, Min: 7, Max: 19, Props: funcs.Session, Category: "streaming", Fn: createWindowJoinEngine},
		// snapshot.go
		funcs.Spec{Name: "createSnapshotJoinEngine", Params: []string{"name", "leftTable", "rightTable", "outputTable", "metrics", "matchingColumn", "timeColumn", "outputElapsedMicroseconds", "keepLeftDuplicates", "keepRightDuplicates", "isInnerJoin", "snapshotDir", "snapshotIntervalInMsgCount"}, Min: 6, Max: 13, Props: funcs.Session, Category: "streaming", Fn: createSnapshotJoinEngine},
		// semi.go
		funcs.Spec{Name: "createLeftSemiJoinEngine", Params: []string{"name", "leftTable", "rightTable", "outputTable", "metrics", "matchingColumn", "garbageSize", "updateRightTable", "snapshotDir", "snapshotIntervalInMsgCount"}, Min: 6, Max: 10, Props: funcs.Session, Category: "streaming", Fn: createLeftSemiJoinEngine},
	)
	funcs.Alias("createEqualJoinEngine", "createEquiJoinEngine")
}
