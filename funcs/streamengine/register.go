package streamengine

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streaming"
)

func init() {
	funcs.Register(
		// info.go
		funcs.Spec{Name: "getStreamEngine", Params: []string{"name"}, Min: 1, Max: 1, Props: funcs.Session, Category: "streaming", Fn: getStreamEngine},
		funcs.Spec{Name: "dropStreamEngine", Params: []string{"name"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "streaming", Fn: dropStreamEngine},
		funcs.Spec{Name: "getStreamEngineList", Min: 0, Max: 0, Props: funcs.Session, Category: "streaming", Fn: getStreamEngineList},
		funcs.Spec{Name: "getStreamEngineStat", Min: 0, Max: 0, Props: funcs.Session, Category: "streaming", Fn: getStreamEngineStat},
		// join.go
		funcs.Spec{Name: "getLeftStream", Params: []string{"engine"}, Min: 1, Max: 1, Props: funcs.Session, Category: "streaming", Fn: getLeftStream},
		funcs.Spec{Name: "getRightStream", Params: []string{"engine"}, Min: 1, Max: 1, Props: funcs.Session, Category: "streaming", Fn: getRightStream},
		funcs.Spec{Name: "appendForJoin", Params: []string{"engine", "isLeftTable", "data"}, Min: 3, Max: 3, Props: funcs.Session, Category: "streaming", Fn: appendForJoin},
		// message.go
		funcs.Spec{Name: "appendMsg", Params: []string{"engine", "msgBody", "msgId"}, Min: 3, Max: 3, Props: funcs.Session, Category: "stream-tables", Fn: appendMsg},
		funcs.Spec{Name: "getSnapshotMsgId", Params: []string{"engine"}, Min: 1, Max: 1, Props: funcs.Session, Category: "streaming", Fn: getSnapshotMsgId},
		// addmetrics.go
		funcs.Spec{Name: "addMetrics", Params: []string{"engine", "newMetrics", "newMetricsSchema", "windowSize", "fill"}, Min: 3, Max: 5, Props: funcs.Session | funcs.Command, Category: "streaming", Fn: addMetrics},
		// reactive.go
		funcs.Spec{Name: "addReactiveMetrics", Params: []string{"name", "metricNames", "metrics"}, Min: 3, Max: 3, Props: funcs.Session | funcs.Command, Category: "streaming", Fn: addReactiveMetrics},
		funcs.Spec{Name: "getReactiveMetrics", Params: []string{"name"}, Min: 1, Max: 1, Props: funcs.Session, Category: "streaming", Fn: getReactiveMetrics},
		// warmup.go
		funcs.Spec{Name: "warmupStreamEngine", Params: []string{"engine", "msgs"}, Min: 2, Max: 2, Props: funcs.Session | funcs.Command, Category: "streaming", Fn: warmupStreamEngine},
	)
	funcs.Alias("extendMetrics", "addMetrics")
	funcs.Alias("getAggregator", "getStreamEngine")
	funcs.Alias("dropAggregator", "dropStreamEngine")
	funcs.Alias("getAggregatorStat", "getStreamEngineStat")
}

func host(env funcs.Env) (streaming.Host, error) { return funcs.HostOf[streaming.Host](env) }
