package tsengine

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	funcs.Register(
		// engine.go, params.go
		funcs.Spec{Name: "createTimeSeriesEngine", Params: tsParams, Min: 6, Max: len(tsParams), Props: funcs.Session, Category: "streaming", Fn: createTimeSeriesEngine},
	)
	funcs.Alias("createTimeSeriesAggregator", "createTimeSeriesEngine")
	funcs.Register(
		// session.go
		funcs.Spec{Name: "createSessionWindowEngine", Params: sessionParams, Min: 5, Max: len(sessionParams), Props: funcs.Session, Category: "streaming", Fn: createSessionWindowEngine},
		// timebucket.go
		funcs.Spec{Name: "createTimeBucketEngine", Params: bucketParams, Min: 6, Max: len(bucketParams), Props: funcs.Session, Category: "streaming", Fn: createTimeBucketEngine},
		// daily.go
		funcs.Spec{Name: "createDailyTimeSeriesEngine", Params: dailyParams, Min: 6, Max: len(dailyParams), Props: funcs.Session, Category: "streaming", Fn: createDailyTimeSeriesEngine},
	)
}

// createTimeSeriesEngine creates a time-series engine and returns its
// input table.
func createTimeSeriesEngine(env funcs.Env, args []value.Value) (value.Value, error) {
	c, dummy, err := parseConfig(env, "createTimeSeriesEngine", args)
	if err != nil {
		return nil, err
	}
	return streamengine.CreateWithSnapshot(env, "TimeSeriesEngine", args[0], dummy, c.snapshot, func(bg funcs.Env) (streamengine.Engine, error) {
		return newEngine(c, &grid{c: c}, bg, dummy), nil
	})
}
