package window

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/window/orderstat"
	"github.com/porpoisedb/porpoise/value"
)

// init registers the whole family, one section per topic file (where the
// implementations live), in file order so an alias follows its target.
func init() {
	// moving.go.
	funcs.Register(
		mSpec("msum", kSum, iSum), mSpec("msum2", kSum2, iSum2), mavgSpec(),
		mSpec("mvar", kVar, iVar), mSpec("mvarp", kVarp, iVarp), mSpec("mstd", kStd, iStd), mSpec("mstdp", kStdp, iStdp),
		mMomentSpec("mskew", "skew"), mMomentSpec("mkurtosis", "kurtosis"), orderSpec("mmed", false, orderstat.Median), mSpec("mprod", kProd, intKernels{}),
		funcs.Spec{Name: "mmad", Params: []string{"X", "window", "useMedian", "minPeriods"}, Min: 2, Max: 4, Props: funcs.Pure | funcs.OrderSensitive, Category: "moving", Fn: mmad},
		mFrameSpec("mmax", extremeColumn(1), extremeSegmented(1)), mFrameSpec("mmin", extremeColumn(-1), extremeSegmented(-1)),
		mFrameSpec("mfirst", pickColumn(pickFirstLast(true)), nil), mFrameSpec("mlast", pickColumn(pickFirstLast(false)), nil),
		mFrameSpec("mimax", extremeIndexColumn(1), extremeIndexSegmented(1)), mFrameSpec("mimin", extremeIndexColumn(-1), extremeIndexSegmented(-1)),
		funcs.Spec{Name: "mcount", Params: []string{"X", "window", "minPeriods"}, Min: 2, Max: 3, Props: funcs.Pure | funcs.OrderSensitive, Category: "moving", Fn: mcount},
		funcs.Spec{Name: "mpercentile", Params: []string{"X", "percent", "window", "interpolation", "minPeriods"}, Min: 3, Max: 5, Props: funcs.Pure | funcs.OrderSensitive, Category: "moving", Fn: mpercentile},
		funcs.Spec{Name: "mrank", Params: []string{"X", "ascending", "window", "ignoreNA", "tiesMethod", "percent", "minPeriods"}, Min: 3, Max: 7, Props: funcs.Pure | funcs.OrderSensitive, Category: "moving", Fn: mrank},
		m2Spec("mwsum", []string{"X", "Y"}, kWsum, iWsum),
		m2Spec("mwavg", []string{"X", "Y"}, kWavg, iWavg),
		m2Spec("mcovar", []string{"X", "Y"}, kCovar, iCovar),
		m2Spec("mcorr", []string{"X", "Y"}, kCorr, iCorr),
		m2Spec("mbeta", []string{"Y", "X"}, kBeta, iBeta),

		tmSpec("tmsum", kSum, iSum), tmSpec("tmsum2", kSum2, iSum2), tmSpec("tmavg", kAvg, iAvg),
		tmSpec("tmvar", kVar, iVar), tmSpec("tmvarp", kVarp, iVarp), tmSpec("tmstd", kStd, iStd), tmSpec("tmstdp", kStdp, iStdp),
		tmSpec("tmskew", kSkew, intKernels{}), tmSpec("tmkurtosis", kKurt, intKernels{}), orderSpec("tmmed", true, orderstat.Median), tmSpec("tmprod", kProd, intKernels{}),
		tmFrameSpec("tmmax", extremeColumn(1), extremeSegmented(1)), tmFrameSpec("tmmin", extremeColumn(-1), extremeSegmented(-1)),
		tmFrameSpec("tmfirst", pickColumn(pickFirstLast(true)), nil), tmFrameSpec("tmlast", pickColumn(pickFirstLast(false)), nil),
		tmFrameSpec("tmcount", tmcount, nil),
		tm2Spec("tmwsum", []string{"X", "Y"}, kWsum, iWsum),
		tm2Spec("tmwavg", []string{"X", "Y"}, kWavg, iWavg),
		tm2Spec("tmcovar", []string{"X", "Y"}, kCovar, iCovar),
		tm2Spec("tmcorr", []string{"X", "Y"}, kCorr, iCorr),
		tm2Spec("tmbeta", []string{"Y", "X"}, kBeta, iBeta),
	)

	// moving_index.go.
	funcs.Register(
		funcs.Spec{Name: "mfirstNot", Params: []string{"X", "window", "k", "minPeriods"}, Min: 2, Max: 4, Props: funcs.Pure | funcs.OrderSensitive, Category: "moving",
			Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
				return mNot(env, "mfirstNot", args, true)
			}},
		funcs.Spec{Name: "mlastNot", Params: []string{"X", "window", "k", "minPeriods"}, Min: 2, Max: 4, Props: funcs.Pure | funcs.OrderSensitive, Category: "moving",
			Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
				return mNot(env, "mlastNot", args, false)
			}},
		mFrameSpec("mifirstNot", firstNotIndex, nil),
		mFrameSpec("mLowRange", rangeColumn("mLowRange", -1), nil),
		mFrameSpec("mTopRange", rangeColumn("mTopRange", 1), nil),
		funcs.Spec{Name: "mmaxPositiveStreak", Params: []string{"X", "window"}, Min: 2, Max: 2, Props: funcs.Pure | funcs.OrderSensitive, Category: "moving", Fn: mmaxPositiveStreak},
		funcs.Spec{Name: "mslr", Params: []string{"Y", "X", "window", "minPeriods"}, Min: 3, Max: 4, Props: funcs.Pure | funcs.OrderSensitive, Category: "moving",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return mRegression("mslr", args) }},
		funcs.Spec{Name: "mmse", Params: []string{"Y", "X", "window", "minPeriods"}, Min: 3, Max: 4, Props: funcs.Pure | funcs.OrderSensitive, Category: "moving",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return mRegression("mmse", args) }},
		funcs.Spec{Name: "movingWindowIndex", Params: []string{"X", "window", "fixed"}, Min: 2, Max: 3, Props: funcs.Pure | funcs.OrderSensitive, Category: "moving", Fn: movingWindowIndex},
		funcs.Spec{Name: "movingTopNIndex", Params: []string{"X", "window", "top", "ascending", "fixed", "tiesMethod"}, Min: 3, Max: 6, Props: funcs.Pure | funcs.OrderSensitive, Category: "moving", Fn: movingTopNIndex},
		funcs.Spec{Name: "tmpercentile", Params: []string{"T", "X", "percent", "window", "interpolation"}, Min: 4, Max: 5, Props: funcs.Pure | funcs.OrderSensitive, Category: "time-moving", Fn: tmpercentile},
		funcs.Spec{Name: "tmrank", Params: []string{"T", "X", "ascending", "window", "ignoreNA", "tiesMethod", "percent"}, Min: 4, Max: 7, Props: funcs.Pure | funcs.OrderSensitive, Category: "time-moving", Fn: tmrank},
		funcs.Spec{Name: "tmLowRange", Params: []string{"T", "X", "window"}, Min: 3, Max: 3, Props: funcs.Pure | funcs.OrderSensitive, Category: "time-moving",
			Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
				return tmRange(env, "tmLowRange", args, -1)
			}},
		funcs.Spec{Name: "tmTopRange", Params: []string{"T", "X", "window"}, Min: 3, Max: 3, Props: funcs.Pure | funcs.OrderSensitive, Category: "time-moving",
			Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
				return tmRange(env, "tmTopRange", args, 1)
			}},
	)

	// moving_data.go.
	funcs.Register(
		funcs.Spec{Name: "movingWindowData", Params: []string{"X", "window", "fixed"}, Min: 2, Max: 3, Props: funcs.Pure | funcs.OrderSensitive, Category: "moving", Fn: movingWindowData},
		funcs.Spec{Name: "tmovingWindowData", Params: []string{"T", "X", "window", "leftClosed"}, Min: 3, Max: 4, Props: funcs.Pure | funcs.OrderSensitive, Category: "time-moving", Fn: tmovingWindowData},
	)

	// moving_topn.go: the m, cum and tm TopN families; the ten m functions
	// older than mskewTopN keep 'oldest' as tiesMethod's default.
	funcs.Register(topNSpecs("m", mTopN, "moving-topn", orderstat.TiesOldest)...)
	funcs.Register(topNSpecs("cum", cumTopN, "cumulative-topn", orderstat.TiesLatest)...)
	funcs.Register(topNSpecs("tm", tmTopN, "time-moving-topn", orderstat.TiesLatest)...)
	funcs.Register(funcs.Spec{Name: "mpercentileTopN", Params: []string{"X", "S", "percent", "window", "top", "interpolation", "ascending", "tiesMethod"}, Min: 5, Max: 8,
		Props: funcs.Pure | funcs.OrderSensitive, Category: "moving-topn", Fn: mpercentileTopN})
}
