package alertengine

import "github.com/porpoisedb/porpoise/funcs"

func init() {
	funcs.Register(
		// params.go, engine.go
		funcs.Spec{Name: "createAnomalyDetectionEngine", Params: adParams, Min: 5, Max: len(adParams), Props: funcs.Session, Category: "streaming", Fn: createAnomalyDetectionEngine},
		// rule.go
		funcs.Spec{Name: "createRuleEngine", Params: ruleParams, Min: 5, Max: len(ruleParams), Props: funcs.Session, Category: "streaming", Fn: createRuleEngine},
		funcs.Spec{Name: "updateRule", Params: []string{"engineName", "key", "rules"}, Min: 3, Max: 3, Props: funcs.Session, Category: "streaming", Fn: updateRule},
		funcs.Spec{Name: "deleteRule", Params: []string{"engineName", "key"}, Min: 2, Max: 2, Props: funcs.Session, Category: "streaming", Fn: deleteRule},
		funcs.Spec{Name: "getRules", Params: []string{"engineName"}, Min: 0, Max: 1, Props: funcs.Session, Category: "streaming", Fn: getRules},
	)
}
