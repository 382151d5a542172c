package alertengine

import "github.com/porpoisedb/porpoise/funcs"

func init() {
	funcs.Register(
		// params.go, engine.go
		funcs.Spec{Name: "createAnomalyDetectionEngine", Params: adParams, Min: 5, Max: len(adParams), Props: funcs.Session, Category: "streaming", Fn: createAnomalyDetectionEngine},
	)
}
