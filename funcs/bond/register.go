package bond

import "github.com/porpoisedb/porpoise/funcs"

// init registers the family, one section per topic file.
func init() {
	// price.go.
	funcs.Register(
		funcs.Spec{Name: "bondCashflow", Params: cashflowParams, Min: 3, Max: 6, Props: funcs.Pure, Category: "finance", Fn: bondCashflow},
		funcs.Spec{Name: "bondDirtyPrice", Params: priceParams, Min: 4, Max: 7, Props: funcs.Pure, Category: "finance",
			Fn: bondMeasure("bondDirtyPrice", dirtyPrice)},
		funcs.Spec{Name: "bondDuration", Params: priceParams, Min: 4, Max: 7, Props: funcs.Pure, Category: "finance",
			Fn: bondMeasure("bondDuration", duration)},
		funcs.Spec{Name: "bondConvexity", Params: priceParams, Min: 4, Max: 7, Props: funcs.Pure, Category: "finance",
			Fn: bondMeasure("bondConvexity", convexity)},
		funcs.Spec{Name: "bondAccrInt", Params: accrIntParams, Min: 4, Max: 6, Props: funcs.Pure, Category: "finance", Fn: bondAccrInt},
	)
	funcs.Alias("fiDirtyPrice", "bondDirtyPrice")
	funcs.Alias("fiDuration", "bondDuration")
	funcs.Alias("fiConvexity", "bondConvexity")
	funcs.Alias("fiAccrInt", "bondAccrInt")

	// yield.go.
	funcs.Register(funcs.Spec{Name: "bondYield", Params: yieldParams, Min: 6, Max: 9, Props: funcs.Pure, Category: "finance", Fn: bondYield})

	// conversion.go.
	funcs.Register(funcs.Spec{Name: "treasuryConversionFactor", Params: tcfParams, Min: 5, Max: 5, Props: funcs.Pure, Category: "finance",
		Fn: treasuryConversionFactor})

	// series.go.
	funcs.Register(
		funcs.Spec{Name: "cummdd", Params: []string{"X", "ratio"}, Min: 1, Max: 2, Props: funcs.Pure | funcs.OrderSensitive, Category: "series", Fn: cummdd},
		funcs.Spec{Name: "trueRange", Params: []string{"high", "low", "close"}, Min: 3, Max: 3, Props: funcs.Pure | funcs.OrderSensitive, Category: "series", Fn: trueRange},
	)

	// calculator.go.
	funcs.Register(funcs.Spec{Name: "bondCalculator", Params: calculatorParams, Min: 12, Max: 14, Props: funcs.Pure, Category: "finance", Fn: bondCalculator})

	// crmw.go.
	funcs.Register(funcs.Spec{Name: "crmwCBond", Params: crmwParams, Min: 5, Max: 5, Props: funcs.Pure, Category: "finance", Fn: crmwCBond})

	// nss.go.
	funcs.Register(
		funcs.Spec{Name: "ns", Params: nsFitParams, Min: 2, Max: 7, Props: funcs.Pure, Category: "finance", Fn: nsFit("ns", false)},
		funcs.Spec{Name: "nss", Params: nsFitParams, Min: 2, Max: 7, Props: funcs.Pure, Category: "finance", Fn: nsFit("nss", true)},
	)
	funcs.Register(funcs.Spec{Name: "nssPredict", Params: []string{"model", "maturity"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "finance", Fn: nssPredict})
}
