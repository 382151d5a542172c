package talib

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// init registers the family (implemented in talib.go).
func init() {
	win := func(name string, f func(x []float64, n int) []float64) funcs.Spec {
		return funcs.Spec{Name: name, Params: []string{"X", "window"}, Min: 2, Max: 2, Props: funcs.Pure | funcs.OrderSensitive, Category: "ta-lib",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				n, err := taWindow(name, args[1])
				if err != nil {
					return nil, err
				}
				return taApply(name, args[0], func(x []float64) []float64 { return f(x, n) })
			}}
	}
	funcs.Register(
		win("sma", sma),
		win("wma", wma),
		win("dema", dema),
		win("tema", tema),
		win("wilder", func(x []float64, n int) []float64 { return emaAlpha(x, n, 1/float64(n)) }),
		win("kama", kama),
		win("trima", trima),
		funcs.Spec{Name: "t3", Params: []string{"X", "window", "vfactor"}, Min: 2, Max: 3, Props: funcs.Pure | funcs.OrderSensitive, Category: "ta-lib", Fn: t3Fn},
		funcs.Spec{Name: "ma", Params: []string{"X", "window", "maType"}, Min: 3, Max: 3, Props: funcs.Pure | funcs.OrderSensitive, Category: "ta-lib", Fn: maFn},
		funcs.Spec{Name: "ema", Params: []string{"X", "window", "warmup"}, Min: 2, Max: 3, Props: funcs.Pure | funcs.OrderSensitive, Category: "ta-lib", Fn: emaFn},
		funcs.Spec{Name: "gema", Params: []string{"X", "window", "alpha"}, Min: 3, Max: 3, Props: funcs.Pure | funcs.OrderSensitive, Category: "ta-lib", Fn: gemaFn},
		funcs.Spec{Name: "linearTimeTrend", Params: []string{"X", "window"}, Min: 2, Max: 2, Props: funcs.Pure | funcs.OrderSensitive, Category: "ta-lib", Fn: linearTimeTrend},
	)

}
