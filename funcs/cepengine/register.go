package cepengine

import "github.com/porpoisedb/porpoise/funcs"

func init() {
	spec := func(name string, params []string, min, max int, props funcs.Props, fn funcs.Impl) funcs.Spec {
		return funcs.Spec{Name: name, Params: params, Min: min, Max: max, Props: funcs.Session | props, Category: "streaming", Fn: fn}
	}
	funcs.Register(
		// config.go
		spec("createCEPEngine", []string{"name", "monitors", "dummyTable", "eventSchema", "deserializeParallelism", "timeColumn", "eventQueueDepth", "outputTable", "dispatchKey", "dispatchBucket", "useSystemTime", "eventTimeField"}, 4, 12, 0, createCEPEngine),
		// listener.go
		spec("addEventListener", []string{"handler", "eventType", "condition", "times", "at", "wait", "within", "exceedTime", "name"}, 1, 9, funcs.Command, addEventListener),
		// events.go
		spec("sendEvent", []string{"event"}, 1, 1, funcs.Command, sendEvent),
		spec("routeEvent", []string{"event"}, 1, 1, funcs.Command, routeEvent),
		spec("emitEvent", []string{"event", "eventTimeField"}, 1, 2, funcs.Command, emitEvent),
		spec("appendEvent", []string{"engine", "events"}, 2, 2, funcs.Command, appendEvent),
		spec("stopSubEngine", nil, 0, 0, funcs.Command, stopSubEngine),
		spec("spawnMonitor", []string{"name", "handler", "arguments"}, 2, -1, funcs.Command, spawnMonitor),
		spec("destroyMonitor", nil, 0, 0, funcs.Command, destroyMonitor),
		// serializer.go
		spec("streamEventSerializer", []string{"name", "eventSchema", "outputTable", "eventTimeField", "commonField"}, 3, 5, 0, streamEventSerializer),
		// dataview.go
		spec("createDataViewEngine", []string{"name", "outputTable", "keyColumns", "timeColumn", "useSystemTime", "throttle"}, 4, 6, 0, createDataViewEngine),
		spec("getDataViewEngine", []string{"CEPEngine", "dataViewEngineName"}, 1, 2, 0, getDataViewEngine),
		spec("updateDataViewItems", []string{"engine", "keys", "valueNames", "newValues"}, 4, 4, funcs.Command, updateDataViewItems),
		spec("deleteDataViewItems", []string{"engine", "keys"}, 2, 2, funcs.Command, deleteDataViewItems),
		// stat.go
		spec("getCEPEngineStat", []string{"engine"}, 1, 1, 0, getCEPEngineStat),
		spec("getCEPEngineMonitor", []string{"engine", "subEngineName", "monitorName"}, 2, 3, 0, getCEPEngineMonitor),
		spec("getCEPEngineSubMonitor", []string{"engine", "subEngineName", "monitorName"}, 3, 3, 0, getCEPEngineSubMonitor),
	)
}
