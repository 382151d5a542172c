package rowfn

import (
	"math"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/stats"
	"github.com/porpoisedb/porpoise/value"
)

// init registers the row-wise family, one section per file.
func init() {
	// rowat.go.
	funcs.Register(funcs.Spec{Name: "rowAt", Params: []string{"X", "Y"}, Min: 1, Max: 2, Props: funcs.Pure, Category: "row-wise", Fn: rowAt})

	// rowcum.go.
	same := func(t value.Type) value.Type { return t }
	intSum := func(t value.Type) value.Type {
		if t == value.Long {
			return value.Long
		}
		return value.Int
	}
	long := func(value.Type) value.Type { return value.Long }
	double := func(value.Type) value.Type { return value.Double }
	rowCumSpec := func(name string, intType, floatType func(value.Type) value.Type, ints func(a, x int64) int64, floats func(a, x float64) float64) funcs.Spec {
		return funcs.Spec{Name: name, Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "row-wise",
			Fn: rowCumFn(name, intType, floatType, ints, floats)}
	}
	funcs.Register(
		rowCumSpec("rowCumsum", intSum, double, func(a, x int64) int64 { return a + x }, func(a, x float64) float64 { return a + x }),
		rowCumSpec("rowCumprod", long, double, func(a, x int64) int64 { return a * x }, func(a, x float64) float64 { return a * x }),
		rowCumSpec("rowCummax", same, same, func(a, x int64) int64 { return max(a, x) }, func(a, x float64) float64 { return max(a, x) }),
		rowCumSpec("rowCummin", same, same, func(a, x int64) int64 { return min(a, x) }, func(a, x float64) float64 { return min(a, x) }),
		funcs.Spec{Name: "rowCumwsum", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "row-wise", Fn: rowCumwsum},
	)

	// rowwise.go.
	nonEmpty := func(f func(v []float64) float64) func([]float64, int) (float64, bool) {
		return func(v []float64, _ int) (float64, bool) {
			if len(v) == 0 {
				return 0, false
			}
			return f(v), true
		}
	}
	sum := func(v []float64) float64 {
		s := 0.0
		for _, x := range v {
			s += x
		}
		return s
	}
	funcs.Register(
		rowKeepSpec("rowSum", nonEmpty(sum), exactSum, true),
		rowSpec("rowSum2", nonEmpty(func(v []float64) float64 {
			s := 0.0
			for _, x := range v {
				s += x * x
			}
			return s
		})),
		rowSpec("rowAvg", nonEmpty(stats.Mean)),
		rowKeepSpec("rowProd", nonEmpty(func(v []float64) float64 {
			p := 1.0
			for _, x := range v {
				p *= x
			}
			return p
		}), exactProd, false),
		rowSpec("rowStd", func(v []float64, _ int) (float64, bool) {
			r, ok := stats.Variance(v, 1)
			return math.Sqrt(r), ok
		}),
		rowSpec("rowStdp", func(v []float64, _ int) (float64, bool) {
			r, ok := stats.Variance(v, 0)
			return math.Sqrt(r), ok
		}),
		rowSpec("rowVar", func(v []float64, _ int) (float64, bool) { return stats.Variance(v, 1) }),
		rowSpec("rowVarp", func(v []float64, _ int) (float64, bool) { return stats.Variance(v, 0) }),
		rowSpec("rowSkew", func(v []float64, _ int) (float64, bool) { return stats.MomentOf(v, "skew") }),
		rowSpec("rowKurtosis", func(v []float64, _ int) (float64, bool) { return stats.MomentOf(v, "kurtosis") }),
		rowKeepSpec("rowMax", nonEmpty(func(v []float64) float64 {
			m := v[0]
			for _, x := range v[1:] {
				m = math.Max(m, x)
			}
			return m
		}), exactMax, true),
		rowKeepSpec("rowMin", nonEmpty(func(v []float64) float64 {
			m := v[0]
			for _, x := range v[1:] {
				m = math.Min(m, x)
			}
			return m
		}), exactMin, true),
		rowIntSpec("rowCount", func(v []float64, _ int) (float64, bool) { return float64(len(v)), true }),
		rowIntSpec("rowSize", func(_ []float64, all int) (float64, bool) { return float64(all), true }),
		rowBoolSpec("rowAnd", func(v []float64) bool {
			for _, x := range v {
				if x == 0 {
					return false
				}
			}
			return true
		}),
		rowBoolSpec("rowOr", func(v []float64) bool {
			for _, x := range v {
				if x != 0 {
					return true
				}
			}
			return false
		}),
		rowBoolSpec("rowXor", func(v []float64) bool {
			odd := false
			for _, x := range v {
				if x != 0 {
					odd = !odd
				}
			}
			return odd
		}),
		funcs.Spec{Name: "rowImax", Params: []string{"args"}, Min: 1, Max: -1, Props: funcs.Pure, Category: "row-wise",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return rowIndex("rowImax", args, 1) }},
		funcs.Spec{Name: "rowImin", Params: []string{"args"}, Min: 1, Max: -1, Props: funcs.Pure, Category: "row-wise",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return rowIndex("rowImin", args, -1) }},
		rowPairSpec("rowWsum", func(p *stats.PairSums, _, _ []float64) float64 { return p.SumXY() }),
		rowPairSpec("rowDot", func(p *stats.PairSums, _, _ []float64) float64 { return p.SumXY() }),
		rowPairSpec("rowWavg", func(p *stats.PairSums, _, _ []float64) float64 { return p.SumXY() / p.SumY() }),
		rowPairSpec("rowCovar", func(p *stats.PairSums, _, _ []float64) float64 { return p.Covar() }),
		rowPairSpec("rowCorr", func(p *stats.PairSums, _, _ []float64) float64 { return p.Corr() }),
		rowPairSpec("rowBeta", func(p *stats.PairSums, _, _ []float64) float64 { return p.Beta() }),
		rowPairSpec("rowEuclidean", func(p *stats.PairSums, _, _ []float64) float64 {
			return math.Sqrt(math.Max(0, p.SumXX()-2*p.SumXY()+p.SumYY()))
		}),
		// The "rowTanimoto" page gives the Tanimoto distance, 1 - similarity.
		rowPairSpec("rowTanimoto", func(p *stats.PairSums, _, _ []float64) float64 {
			xy := p.SumXY()
			return 1 - xy/(p.SumXX()+p.SumYY()-xy)
		}),
		funcs.Spec{Name: "rowPrev", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "row-wise",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return rowShift("rowPrev", args[0], 1) }},
		funcs.Spec{Name: "rowNext", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "row-wise",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return rowShift("rowNext", args[0], -1) }},
		funcs.Spec{Name: "rowMove", Params: []string{"X", "steps"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "row-wise", Fn: rowMoveFn},
		funcs.Spec{Name: "rowRank", Params: []string{"X", "ascending", "groupNum", "ignoreNA", "tiesMethod", "percent", "precision"}, Min: 1, Max: 7, Props: funcs.Pure, Category: "row-wise",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return rowRank("rowRank", args, false) }},
		funcs.Spec{Name: "rowDenseRank", Params: []string{"X", "ascending", "ignoreNA", "percent"}, Min: 1, Max: 4, Props: funcs.Pure, Category: "row-wise",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return rowRank("rowDenseRank", args, true) }},
	)

}
