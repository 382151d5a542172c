package stats

import (
	"math"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/ordstat"
	"github.com/porpoisedb/porpoise/value"
)

// init registers the whole family, one section per topic file (where the
// implementations live), in file order so an alias follows its target.
func init() {
	// correlation.go.
	corrSpec := func(name string, f func(xs, ys []float64) (float64, bool)) funcs.Spec {
		s := pairAggSpec(name, []string{"X", "Y"}, f)
		s.Category = "correlation"
		return s
	}
	funcs.Register(
		corrSpec("corr", pearson),
		corrSpec("euclidean", func(xs, ys []float64) (float64, bool) {
			s := 0.0
			for i := range xs {
				d := xs[i] - ys[i]
				s += d * d
			}
			return math.Sqrt(s), len(xs) > 0
		}),
		// The "tanimoto" page's values are the Tanimoto distance,
		// 1 - x.y/(x.x + y.y - x.y).
		corrSpec("tanimoto", func(xs, ys []float64) (float64, bool) {
			var p PairSums
			for i := range xs {
				p.Add(xs[i], ys[i])
			}
			xy := p.SumXY()
			d := p.SumXX() + p.SumYY() - xy
			return 1 - xy/d, len(xs) > 0 && d != 0
		}),
		corrSpec("kendall", ordstat.KendallTauB),
		corrSpec("spearmanr", spearman),
		funcs.Spec{Name: "autocorr", Params: []string{"X", "lag"}, Min: 2, Max: 2, Props: funcs.Aggregate | funcs.Pure, Category: "correlation", Fn: autocorrFn},
		funcs.Spec{Name: "acf", Params: []string{"X", "maxLag"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "correlation", Fn: acfFn},
		funcs.Spec{Name: "mutualInfo", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.Aggregate | funcs.Pure, Category: "correlation", Fn: mutualInfo},
		funcs.Spec{Name: "corrMatrix", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "correlation",
			Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
				return pairMatrix(env, "corrMatrix", args[0], (*PairSums).Corr)
			}},
	)
	funcs.Alias("infoGain", "mutualInfo")

	// cumulative.go.
	funcs.Register(
		overTuple(cumSpec("cumsum", cumsum), true, operatorStep("add")),
		cumSpec("cumavg", cumDouble("cumavg", runningMoments("cumavg"))),
		cumSpec("cumvar", cumDouble("cumvar", runningMoments("cumvar"))),
		cumSpec("cumvarp", cumDouble("cumvarp", runningMoments("cumvarp"))),
		cumSpec("cumstd", cumDouble("cumstd", runningMoments("cumstd"))),
		cumSpec("cumstdp", cumDouble("cumstdp", runningMoments("cumstdp"))),
		cumSpec("cumsum2", cumDouble("cumsum2", runningPower(2))),
		cumSpec("cumsum3", cumDouble("cumsum3", runningPower(3))),
		cumSpec("cumsum4", cumDouble("cumsum4", runningPower(4))),
		overTuple(cumSpec("cumprod", cumprod), true, operatorStep("mul")),
		overTuple(cumSpec("cummax", cumExtreme(1)), true, extremeStep("cummax", 1)),
		overTuple(cumSpec("cummin", cumExtreme(-1)), true, extremeStep("cummin", -1)),
		cumSpec("cumcount", cumcount),
		// the median is the midpoint 0.5-quantile: the middle value, or
		// the two middle values' (a+b)/2
		cumSpec("cummed", cumOrdered("cummed", ordstat.Running(0.5, "midpoint"))),
		cumSpec("cumPositiveStreak", cumPositiveStreak),
		funcs.Spec{Name: "cumfirstNot", Params: []string{"X", "k"}, Min: 1, Max: 2, Props: funcs.Pure | funcs.OrderSensitive, Category: "cumulative",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return cumNot("cumfirstNot", args, true) }},
		funcs.Spec{Name: "cumlastNot", Params: []string{"X", "k"}, Min: 1, Max: 2, Props: funcs.Pure | funcs.OrderSensitive, Category: "cumulative",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return cumNot("cumlastNot", args, false) }},
		funcs.Spec{Name: "cumnunique", Params: []string{"X", "ignoreNull"}, Min: 1, Max: 2, Props: funcs.Pure | funcs.OrderSensitive, Category: "cumulative", Fn: cumnunique},
		funcs.Spec{Name: "cumpercentile", Params: []string{"X", "percent", "interpolation"}, Min: 2, Max: 3, Props: funcs.Pure | funcs.OrderSensitive, Category: "cumulative", Fn: cumpercentile},
		funcs.Spec{Name: "cumrank", Params: []string{"X", "ascending", "ignoreNA", "tiesMethod", "percent"}, Min: 1, Max: 5, Props: funcs.Pure | funcs.OrderSensitive, Category: "cumulative", Fn: cumrank},
		funcs.Spec{Name: "cumdenseRank", Params: []string{"X", "ascending", "ignoreNA", "percent", "norm"}, Min: 1, Max: 5, Props: funcs.Pure | funcs.OrderSensitive, Category: "cumulative", Fn: cumdenseRank},
		// each statistic a literal calling its loop, so that they inline
		// into one (see cumulatePairs)
		cumPairSpec("cumwsum", []string{"X", "Y"}, func(xs, ys, out []float64) {
			if cumulatePairs(xs, ys, out)((*PairSums).SumXY) {
				cumulatePairInfinities(xs, ys, out, (*PairSums).SumXY, WsumOver)
			}
		}),
		cumPairSpec("cumwavg", []string{"X", "Y"}, func(xs, ys, out []float64) {
			if cumulatePairs(xs, ys, out)(func(p *PairSums) float64 { return p.SumXY() / p.SumY() }) {
				cumulatePairInfinities(xs, ys, out, func(p *PairSums) float64 { return p.SumXY() / p.SumY() }, WavgOver)
			}
		}),
		cumPairSpec("cumcovar", []string{"X", "Y"}, func(xs, ys, out []float64) {
			if cumulatePairs(xs, ys, out)((*PairSums).Covar) {
				cumulatePairInfinities(xs, ys, out, (*PairSums).Covar, NaNOver)
			}
		}),
		cumPairSpec("cumcorr", []string{"X", "Y"}, func(xs, ys, out []float64) {
			if cumulatePairs(xs, ys, out)((*PairSums).Corr) {
				cumulatePairInfinities(xs, ys, out, (*PairSums).Corr, NaNOver)
			}
		}),
		cumPairSpec("cumbeta", []string{"Y", "X"}, func(xs, ys, out []float64) {
			if cumulatePairs(xs, ys, out)((*PairSums).Beta) {
				cumulatePairInfinities(xs, ys, out, (*PairSums).Beta, NaNOver)
			}
		}),
	)

	funcs.Register(
		funcs.Spec{Name: "dynamicGroupCumsum", Params: []string{"cumValue", "prevCumValue", "membership", "prevMembership", "groupCount"}, Min: 5, Max: 5, Props: funcs.Pure | funcs.OrderSensitive, Category: "cumulative", Fn: dynamicGroupCumsum},
		funcs.Spec{Name: "dynamicGroupCumcount", Params: []string{"membership", "prevMembership", "groupCount"}, Min: 3, Max: 3, Props: funcs.Pure | funcs.OrderSensitive, Category: "cumulative", Fn: dynamicGroupCumcount},
	)

	// distance.go.
	funcs.Register(funcs.Spec{Name: "distance", Params: []string{"X", "Y"}, Min: 2, Max: 2,
		Props: funcs.ElementWise | funcs.Pure, Category: "correlation", Fn: distance})

	// histogram2d.go.
	funcs.Register(funcs.Spec{Name: "histogram2d", Params: []string{"X", "Y", "bins", "range", "density", "weights"}, Min: 2, Max: 6,
		Props: funcs.Pure, Category: "statistics", Fn: histogram2d})

	// interpolate.go.
	funcs.Register(
		funcs.Spec{Name: "linearInterpolateFit", Params: []string{"X", "Y", "fillValue", "sorted"}, Min: 2, Max: 4,
			Props: funcs.Pure, Category: "statistics", Fn: linearInterpolateFit},
		funcs.Spec{Name: "predict", Params: []string{"model", "X"}, Min: 2, Max: 2, Category: "machine-learning", Fn: predict},
	)

	// series.go.
	mono := func(name string, dir int) funcs.Spec {
		return funcs.Spec{Name: name, Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure | funcs.OrderSensitive, Category: "series",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return monotonic(name, args[0], dir) }}
	}
	funcs.Register(
		mono("isMonotonicIncreasing", 1),
		mono("isMonotonicDecreasing", -1),
		funcs.Spec{Name: "isPeak", Params: []string{"X", "strict"}, Min: 1, Max: 2, Props: funcs.Pure | funcs.OrderSensitive, Category: "series",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return extremePoints("isPeak", args, 1) }},
		funcs.Spec{Name: "isValley", Params: []string{"X", "strict"}, Min: 1, Max: 2, Props: funcs.Pure | funcs.OrderSensitive, Category: "series",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return extremePoints("isValley", args, -1) }},
	)
	funcs.Alias("isMonotonic", "isMonotonicIncreasing")

	diff := aggSpec("difference", "series", difference)
	diff.Props |= funcs.OrderSensitive
	funcs.Register(
		diff,
		funcs.Spec{Name: "maxDrawdown", Params: []string{"X", "ratio"}, Min: 1, Max: 2, Props: funcs.Aggregate | funcs.Pure | funcs.OrderSensitive, Category: "series", Fn: maxDrawdown},
	)
	funcs.Alias("mdd", "maxDrawdown")

	// statistics.go.
	stdR := varianceReducer(1, true, doubleAgg("std", func(xs []float64) (float64, bool) {
		v, ok := Variance(xs, 1)
		return math.Sqrt(v), ok
	}))
	varR := varianceReducer(1, false, doubleAgg("var", func(xs []float64) (float64, bool) { return Variance(xs, 1) }))
	avgR := meanReducer(doubleAgg("avg", func(xs []float64) (float64, bool) { return Mean(xs), len(xs) > 0 }))
	funcs.Register(
		overTuple(aggSpec("sum", "statistics", sumReducer), false, operatorStep("add")),
		aggSpec("avg", "statistics", avgR),
		aggSpec("std", "statistics", stdR),
		aggSpec("var", "statistics", varR),
		aggSpec("stdp", "statistics", varianceReducer(0, true, doubleAgg("stdp", func(xs []float64) (float64, bool) {
			v, ok := Variance(xs, 0)
			return math.Sqrt(v), ok
		}))),
		aggSpec("varp", "statistics", varianceReducer(0, false, doubleAgg("varp", func(xs []float64) (float64, bool) { return Variance(xs, 0) }))),
		aggSpec("med", "statistics", ofCounts(doubleAgg("med", func(xs []float64) (float64, bool) {
			if len(xs) == 0 {
				return 0, false
			}
			return Median(OrderedAt(xs, (len(xs)-1)/2)), true
		}))),
		aggSpec("sum2", "statistics", powerSum("sum2", 2)),
		aggSpec("sum3", "statistics", powerSum("sum3", 3)),
		aggSpec("sum4", "statistics", powerSum("sum4", 4)),
		overTuple(aggSpec("prod", "statistics", prodReducer), false, operatorStep("mul")),
		indexSpec("imax", 1),
		indexSpec("imin", -1),
		aggSpec("first", "statistics", pickReducer(true)),
		aggSpec("last", "statistics", pickReducer(false)),
		funcs.Spec{Name: "nunique", Params: []string{"X", "ignoreNull"}, Min: 1, Max: 2, Props: funcs.Aggregate | funcs.Pure, Category: "statistics", Fn: nunique},
		aggSpec("mode", "statistics", modeReducer),
		aggSpec("rms", "statistics", doubleAgg("rms", func(xs []float64) (float64, bool) {
			if len(xs) == 0 {
				return 0, false
			}
			s := 0.0
			for _, x := range xs {
				s += x * x
			}
			return math.Sqrt(s / float64(len(xs))), true
		})),
		aggSpec("sem", "statistics", doubleAgg("sem", func(xs []float64) (float64, bool) {
			v, ok := Variance(xs, 1)
			return math.Sqrt(v / float64(len(xs))), ok
		})),
		overTuple(funcs.Spec{Name: "min", Params: []string{"X", "Y"}, Min: 1, Max: 2, Props: funcs.Aggregate | funcs.Pure, Category: "statistics",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return minMax("min", args, -1) }}, false, extremeStep("min", -1)),
		overTuple(funcs.Spec{Name: "max", Params: []string{"X", "Y"}, Min: 1, Max: 2, Props: funcs.Aggregate | funcs.Pure, Category: "statistics",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return minMax("max", args, 1) }}, false, extremeStep("max", 1)),
		funcs.Spec{Name: "maxIgnoreNull", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "statistics",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				return pairExtreme("maxIgnoreNull", args[0], args[1], 1, true)
			}},
		funcs.Spec{Name: "minIgnoreNull", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "statistics",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				return pairExtreme("minIgnoreNull", args[0], args[1], -1, true)
			}},
		funcs.Spec{Name: "mad", Params: []string{"X", "useMedian"}, Min: 1, Max: 2, Props: funcs.Aggregate | funcs.Pure, Category: "statistics", Fn: mad},
		funcs.Spec{Name: "kurtosis", Params: []string{"X", "biased"}, Min: 1, Max: 2, Props: funcs.Aggregate | funcs.Pure, Category: "statistics",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return moment("kurtosis", args) }},
		funcs.Spec{Name: "skew", Params: []string{"X", "biased"}, Min: 1, Max: 2, Props: funcs.Aggregate | funcs.Pure, Category: "statistics",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return moment("skew", args) }},
		funcs.Spec{Name: "percentile", Params: []string{"X", "percent", "interpolation"}, Min: 2, Max: 3, Props: funcs.Aggregate | funcs.Pure, Category: "statistics",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return quantileFn("percentile", args, 100) }},
		funcs.Spec{Name: "quantile", Params: []string{"X", "q", "interpolation"}, Min: 2, Max: 3, Props: funcs.Aggregate | funcs.Pure, Category: "statistics",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return quantileFn("quantile", args, 1) }},
		funcs.Spec{Name: "quantileSeries", Params: []string{"X", "q", "interpolation"}, Min: 2, Max: 3, Props: funcs.Pure, Category: "statistics", Fn: quantileSeries},
		funcs.Spec{Name: "percentileRank", Params: []string{"X", "score", "method"}, Min: 2, Max: 3, Props: funcs.Aggregate | funcs.Pure, Category: "statistics", Fn: percentileRank},
		funcs.Spec{Name: "atImax", Params: []string{"location", "value"}, Min: 2, Max: 2, Props: funcs.Aggregate | funcs.Pure, Category: "statistics",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return atExtreme("atImax", args, 1) }},
		funcs.Spec{Name: "atImin", Params: []string{"location", "value"}, Min: 2, Max: 2, Props: funcs.Aggregate | funcs.Pure, Category: "statistics",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return atExtreme("atImin", args, -1) }},
		pairAggSpec("wavg", []string{"X", "Y"}, func(xs, ys []float64) (float64, bool) {
			s, w := 0.0, 0.0
			for i := range xs {
				s += xs[i] * ys[i]
				w += ys[i]
			}
			return s / w, len(xs) > 0 && w != 0
		}),
		pairAggSpec("wsum", []string{"X", "Y"}, func(xs, ys []float64) (float64, bool) {
			s := 0.0
			for i := range xs {
				s += xs[i] * ys[i]
			}
			return s, len(xs) > 0
		}),
		pairAggSpec("wsum2", []string{"X", "Y"}, func(xs, ys []float64) (float64, bool) {
			s := 0.0
			for i, x := range xs {
				s += x * x * ys[i]
			}
			return s, len(xs) > 0
		}),
		pairAggSpec("covar", []string{"X", "Y"}, covariance),
		pairAggSpec("contextSum", []string{"X", "Y"}, func(xs, _ []float64) (float64, bool) {
			s := 0.0
			for _, x := range xs {
				s += x
			}
			return s, len(xs) > 0
		}),
		pairAggSpec("contextSum2", []string{"X", "Y"}, func(xs, _ []float64) (float64, bool) {
			s := 0.0
			for _, x := range xs {
				s += x * x
			}
			return s, len(xs) > 0
		}),
		funcs.Spec{Name: "wcovar", Params: []string{"X", "Y", "W"}, Min: 3, Max: 3, Props: funcs.Aggregate | funcs.Pure, Category: "statistics", Fn: wcovar},
		funcs.Spec{Name: "crossStat", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "statistics", Fn: crossStat},
		funcs.Spec{Name: "demean", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "statistics", Fn: demean},
		funcs.Spec{Name: "percentChange", Params: []string{"X", "n"}, Min: 1, Max: 2, Props: funcs.Pure | funcs.OrderSensitive, Category: "statistics", Fn: percentChange,
			Segmented: funcs.Reach(percentChange, funcs.ReachOf(1, 1))},
		funcs.Spec{Name: "stat", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "statistics", Fn: stat, NamedFn: statNamed},
		funcs.Spec{Name: "wc", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "statistics", Fn: wordCount},
		funcs.Spec{Name: "covarMatrix", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "statistics",
			Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
				return pairMatrix(env, "covarMatrix", args[0], (*PairSums).Covar)
			}},
		funcs.Spec{Name: "dot", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "statistics", Fn: dot},
	)
	funcs.Alias("mean", "avg")
	funcs.Alias("cov", "covar")

	funcs.Register(funcs.Spec{Name: "boxcox", Params: []string{"X", "lmbda"}, Min: 1, Max: 2, Props: funcs.Pure, Category: "statistics", Fn: boxcox})
}
