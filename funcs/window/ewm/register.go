package ewm

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// init registers the family.
func init() {
	common := []string{"X", "com", "span", "halfLife", "alpha", "minPeriods", "adjust", "ignoreNA"}
	with := func(extra ...string) []string { return append(append([]string(nil), common...), extra...) }
	funcs.Register(
		funcs.Spec{Name: "ewmMean", Params: with("times"), Min: 2, Max: 9, Props: funcs.Pure | funcs.OrderSensitive, Category: "statistics",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return ewm("ewmMean", args, ewmMeanOf) }},
		funcs.Spec{Name: "ewmVar", Params: with("bias"), Min: 2, Max: 9, Props: funcs.Pure | funcs.OrderSensitive, Category: "statistics",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				return ewm("ewmVar", args, ewmVarOf(false))
			}},
		funcs.Spec{Name: "ewmStd", Params: with("bias"), Min: 2, Max: 9, Props: funcs.Pure | funcs.OrderSensitive, Category: "statistics",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return ewm("ewmStd", args, ewmVarOf(true)) }},
		funcs.Spec{Name: "ewmCov", Params: with("other", "bias"), Min: 2, Max: 10, Props: funcs.Pure | funcs.OrderSensitive, Category: "statistics",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return ewm2("ewmCov", args, false) }},
		funcs.Spec{Name: "ewmCorr", Params: with("other", "bias"), Min: 2, Max: 10, Props: funcs.Pure | funcs.OrderSensitive, Category: "correlation",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return ewm2("ewmCorr", args, true) }},
	)
}
