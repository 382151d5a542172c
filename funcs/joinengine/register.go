package joinengine

import "github.com/porpoisedb/porpoise/funcs"

func init() {
	funcs.Register(
		// asof.go
		funcs.Spec{Name: "createAsofJoinEngine", Params: []string{"name", "leftTable", "rightTable", "outputTable", "metrics", "matchingColumn", "timeColumn", "useSystemTime", "delayedTime", "garbageSize", "sortByTime", "outputElapsedMicroseconds", "snapshotDir", "snapshotIntervalInMsgCount"}, Min: 6, Max: 14, Props: funcs.Session, Category: "streaming", Fn: createAsofJoinEngine},
		// lookup.go
		funcs.Spec{Name: "createLookupJoinEngine", Params: []string{"name", "leftTable", "rightTable", "outputTable", "metrics", "matchingColumn", "rightTimeColumn", "checkTimes", "outputElapsedMicroseconds", "keepDuplicates", "isInnerJoin", "snapshotDir", "snapshotIntervalInMsgCount"}, Min: 6, Max: 13, Props: funcs.Session, Category: "streaming", Fn: createLookupJoinEngine},
	)
}
