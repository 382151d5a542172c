package streaming

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	funcs.Register(
		// tables.go
		system.BuilderSpec("streamTable", "stream-tables", 1, streamTable),
		system.BuilderSpec("keyedStreamTable", "stream-tables", 2, keyedStream),
		system.BuilderSpec("latestKeyedTable", "db-table", 3, latest(value.KeyedTable)),
		system.BuilderSpec("latestIndexedTable", "db-table", 3, latest(value.IndexedTable)),
		system.BuilderSpec("latestKeyedStreamTable", "db-table", 3, latestKeyedStream),
		funcs.Spec{Name: "haStreamTable", Params: []string{"raftGroup", "table", "tableName", "cacheLimit", "keyColumn", "retentionMinutes"}, Min: 4, Max: 6, Props: funcs.Session, Category: "stream-tables", Fn: haStreamTable},

		// subscribe.go
		funcs.Spec{Name: "subscribeTable", Params: subscribeParams, Min: 2, Max: len(subscribeParams), Props: funcs.Session, Category: "stream-tables", Fn: funcs.WithHost(subscribeTable)},
		funcs.Spec{Name: "unsubscribeTable", Params: []string{"server", "tableName", "actionName", "removeOffset", "raftGroup"}, Min: 1, Max: 5, Props: funcs.Session | funcs.Command, Category: "stream-tables", Fn: funcs.WithHost(unsubscribeTable)},
		funcs.Spec{Name: "existsSubscriptionTopic", Params: []string{"server", "tableName", "actionName"}, Min: 2, Max: 3, Props: funcs.Session, Category: "stream-tables", Fn: funcs.WithHost(existsSubscriptionTopic)},
		funcs.Spec{Name: "removeTopicOffset", Params: []string{"topic"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "stream-tables", Fn: funcs.WithHost(removeTopicOffset)},
		funcs.Spec{Name: "getSubscriptionTopic", Params: []string{"tableName", "actionName", "streamingSQL"}, Min: 1, Max: 3, Props: funcs.Session, Category: "streaming", Fn: funcs.WithHost(getSubscriptionTopic)},
		funcs.Spec{Name: "getTopicProcessedOffset", Params: []string{"topic"}, Min: 1, Max: 1, Props: funcs.Session, Category: "streaming", Fn: funcs.WithHost(getTopicProcessedOffset)},

		// publish.go
		funcs.Spec{Name: "publishTable", Params: publishParams, Min: 3, Max: len(publishParams), Props: funcs.Session, Category: "streaming", Fn: funcs.WithHost(publishTable)},
		funcs.Spec{Name: "stopPublishTable", Params: []string{"subscriberHost", "subscriberPort", "tableName", "actionName", "raftGroup"}, Min: 3, Max: 5, Props: funcs.Session | funcs.Command, Category: "streaming", Fn: funcs.WithHost(stopPublishTable)},

		// info.go
		funcs.Spec{Name: "getStreamTables", Params: []string{"option"}, Min: 0, Max: 1, Props: funcs.Session, Category: "stream-tables", Fn: funcs.WithHost(getStreamTables)},
		funcs.Spec{Name: "existsStreamTable", Params: []string{"tableName"}, Min: 1, Max: 1, Props: funcs.Session, Category: "stream-tables", Fn: funcs.WithHost(existsStreamTable)},
		funcs.Spec{Name: "dropStreamTable", Params: []string{"tableName", "force"}, Min: 1, Max: 2, Props: funcs.Session | funcs.Command, Category: "stream-tables", Fn: funcs.WithHost(dropStreamTable)},
		funcs.Spec{Name: "setStreamTableFilterColumn", Params: []string{"streamTable", "columnName"}, Min: 2, Max: 2, Props: funcs.Session | funcs.Command, Category: "stream-tables", Fn: setStreamTableFilterColumn},
		funcs.Spec{Name: "setStreamTableTimestamp", Params: []string{"streamTable", "columnName"}, Min: 2, Max: 2, Props: funcs.Session | funcs.Command, Category: "stream-tables", Fn: setStreamTableTimestamp},
		funcs.Spec{Name: "getStreamTableTimestamp", Params: []string{"streamTable"}, Min: 1, Max: 1, Props: funcs.Session, Category: "streaming", Fn: getStreamTableTimestamp},
		funcs.Spec{Name: "getStreamTableFilterColumn", Params: []string{"streamTable"}, Min: 1, Max: 1, Props: funcs.Session, Category: "streaming", Fn: getStreamTableFilterColumn},

		// stat.go
		funcs.Spec{Name: "getStreamingStat", Min: 0, Max: 0, Props: funcs.Session, Category: "streaming", Fn: funcs.WithHost(getStreamingStat)},

		// persist.go
		funcs.Spec{Name: "enableTablePersistence", Params: []string{"table", "asynWrite", "compress", "cacheSize", "retentionMinutes", "flushMode", "cachePurgeTimeColumn", "cachePurgeInterval", "cacheRetentionTime", "preCache"}, Min: 1, Max: 10, Props: funcs.Session | funcs.Command, Category: "stream-tables", Fn: onStream("enableTablePersistence", enableTablePersistence)},
		funcs.Spec{Name: "enableTableShareAndPersistence", Params: []string{"table", "tableName", "asynWrite", "compress", "cacheSize", "retentionMinutes", "flushMode", "preCache", "cachePurgeTimeColumn", "cachePurgeInterval", "cacheRetentionTime"}, Min: 2, Max: 11, Props: funcs.Session | funcs.Command, Category: "stream-tables", Fn: onStream("enableTableShareAndPersistence", enableTableShareAndPersistence)},
		funcs.Spec{Name: "disableTablePersistence", Params: []string{"table"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "stream-tables", Fn: onStream("disableTablePersistence", disableTablePersistence)},
		funcs.Spec{Name: "clearTablePersistence", Params: []string{"table"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "stream-tables", Fn: onStream("clearTablePersistence", clearTablePersistence)},
		funcs.Spec{Name: "enableTableCachePurge", Params: []string{"table", "cacheSize", "cachePurgeTimeColumn", "cachePurgeInterval", "cacheRetentionTime"}, Min: 1, Max: 5, Props: funcs.Session | funcs.Command, Category: "stream-tables", Fn: enableTableCachePurge},
		funcs.Spec{Name: "enableTableShareAndCachePurge", Params: []string{"table", "tableName", "cacheSize", "cachePurgeTimeColumn", "cachePurgeInterval", "cacheRetentionTime"}, Min: 2, Max: 6, Props: funcs.Session | funcs.Command, Category: "stream-tables", Fn: onStream("enableTableShareAndCachePurge", enableTableShareAndCachePurge)},
		// persistmeta.go
		funcs.Spec{Name: "getPersistenceMeta", Params: []string{"table"}, Min: 1, Max: 1, Props: funcs.Session, Category: "stream-tables", Fn: onStream("getPersistenceMeta", getPersistenceMeta)},
		funcs.Spec{Name: "getStreamTableCacheOffset", Params: []string{"table"}, Min: 1, Max: 1, Props: funcs.Session, Category: "streaming", Fn: getStreamTableCacheOffset},
	)
	funcs.Alias("existSubscriptionTopic", "existsSubscriptionTopic")
}
