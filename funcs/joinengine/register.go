package joinengine

import "github.com/porpoisedb/porpoise/funcs"

func init() {
	funcs.Register(
		// lookup.go
		funcs.Spec{Name: "createLookupJoinEngine", Params: []string{"name", "leftTable", "rightTable", "outputTable", "metrics", "matchingColumn", "rightTimeColumn", "checkTimes", "outputElapsedMicroseconds", "keepDuplicates", "isInnerJoin", "snapshotDir", "snapshotIntervalInMsgCount"}, Min: 6, Max: 13, Props: funcs.Session, Category: "streaming", Fn: createLookupJoinEngine},
	)
}
