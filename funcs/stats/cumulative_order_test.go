package stats

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// orderSample is n doubles with many ties, and NULL, NaN, infinities and
// both zeros sprinkled in unless finite.
func orderSample(rng *rand.Rand, n int, nulls bool) []float64 {
	special := []float64{math.Inf(-1), math.Inf(1), 0, math.Copysign(0, -1)}
	if nulls {
		special = append(special, value.NullFloat64, math.NaN())
	}
	xs := make([]float64, n)
	for i := range xs {
		switch rng.IntN(6) {
		case 0:
			xs[i] = special[rng.IntN(len(special))]
		case 1:
			xs[i] = rng.Float64()*100 - 50
		default:
			xs[i] = float64(rng.IntN(20)) / 4
		}
	}
	return xs
}

// refRunningSorted is the quadratic kernel runningQuantile replaced: of
// applied to the non-NULL elements so far, kept sorted by insertion
// before the equal ones.
func refRunningSorted(xs []float64, of func(sorted []float64) float64) []float64 {
	out := make([]float64, len(xs))
	var seen []float64
	for i, x := range xs {
		if !funcs.IsNullF(x) {
			k := sort.SearchFloat64s(seen, x)
			seen = append(seen, 0)
			copy(seen[k+1:], seen[k:])
			seen[k] = x
		}
		if len(seen) == 0 {
			out[i] = value.NullFloat64
		} else {
			out[i] = of(seen)
		}
	}
	return out
}

// bitsOf makes -0 and 0 (and NaN payloads) distinguishable to Equal.
func bitsOf(xs []float64) []uint64 {
	b := make([]uint64, len(xs))
	for i, x := range xs {
		b[i] = math.Float64bits(x)
	}
	return b
}

var orderSizes = []int{0, 1, 2, 10, 1000}

// runningQuantile gives, bit for bit, what sorting the values so far
// and picking the median or quantile gave, for every interpolation.
func TestRunningQuantileMatchesSortedPrefix(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 7))
	for _, n := range orderSizes {
		for round := range 3 {
			xs := orderSample(rng, n, true)
			got := make([]float64, n)
			runningQuantile(0.5, "midpoint")(xs, got)
			require.Equal(t, bitsOf(refRunningSorted(xs, Median)), bitsOf(got), "cummed n=%d round %d", n, round)
			for _, q := range []float64{0, 0.05, 0.3, 0.5, 0.999, 1} {
				for _, m := range []string{"linear", "lower", "higher", "nearest", "midpoint"} {
					runningQuantile(q, m)(xs, got)
					want := refRunningSorted(xs, func(s []float64) float64 { return QuantileSorted(s, q, m) })
					require.Equal(t, bitsOf(want), bitsOf(got), "q=%v %s n=%d round %d", q, m, n, round)
				}
			}
		}
	}
}

// cumrank's Fenwick counts give the ranks counting the elements so far
// with RankCounts gave, for every option.
func TestCumrankMatchesRankCounts(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 2))
	for _, n := range orderSizes {
		xs := orderSample(rng, n, true)
		for _, asc := range []bool{true, false} {
			for _, ignore := range []bool{true, false} {
				for _, ties := range []string{"min", "max", "average", "first", "dense"} {
					for _, pct := range []bool{false, true} {
						o := RankOptions{Ascending: asc, IgnoreNA: ignore, Ties: ties, Percent: pct}
						want := make([]float64, n)
						for i, x := range xs {
							if funcs.IsNullF(x) && ignore {
								want[i] = value.NullFloat64
								continue
							}
							less, equal, cnt, _ := RankCounts(x, xs[:i+1], o)
							want[i] = RankOf(x, less, equal, cnt, o)
						}
						got, err := cumrank(nil, []value.Value{value.NewDoubles(xs), value.NewBool(asc), value.NewBool(ignore), value.NewString(ties), value.NewBool(pct)})
						require.NoError(t, err)
						require.Equal(t, RankResult(want, o), got, "n=%d %+v", n, o)
					}
				}
			}
		}
	}
}

// refKendall is the quadratic pair count kendallTau replaced.
func refKendall(xs, ys []float64) (float64, bool) {
	n := len(xs)
	var c, d, tx, ty float64
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			s := (xs[i] - xs[j]) * (ys[i] - ys[j])
			switch {
			case s > 0:
				c++
			case s < 0:
				d++
			default:
				if xs[i] == xs[j] && ys[i] != ys[j] {
					tx++
				}
				if ys[i] == ys[j] && xs[i] != xs[j] {
					ty++
				}
			}
		}
	}
	den := math.Sqrt((c + d + tx) * (c + d + ty))
	return (c - d) / den, n > 1 && den != 0
}

// Knight's count gives the pairwise count's tau-b on ties in x, y and
// both, infinities and both zeros (kendall drops NULL pairs before).
func TestKendallMatchesPairCount(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	for _, n := range orderSizes {
		for round := range 5 {
			xs, ys := orderSample(rng, n, false), orderSample(rng, n, false)
			if round == 4 {
				copy(ys, xs) // tau 1, or undefined when all tie
			}
			want, wok := refKendall(xs, ys)
			got, ok := kendallTau(xs, ys)
			require.Equal(t, wok, ok, "n=%d round %d", n, round)
			if ok {
				require.Equal(t, math.Float64bits(want), math.Float64bits(got), "n=%d round %d: %v vs %v", n, round, want, got)
			}
		}
	}
}

// The cases the pair count got wrong or that pin the formula.
func TestKendallCases(t *testing.T) {
	for _, c := range []struct {
		xs, ys []float64
		want   float64
		ok     bool
	}{
		{nil, nil, 0, false},
		{[]float64{1}, []float64{2}, 0, false},
		{[]float64{1, 2, 3}, []float64{3, 2, 1}, -1, true},
		{[]float64{1, 1, 1}, []float64{1, 2, 3}, 0, false},
		// tau-b of scipy.stats.kendalltau([1,2,2,3], [1,3,2,2]): c=3, d=1, tx=1, ty=1
		{[]float64{1, 2, 2, 3}, []float64{1, 3, 2, 2}, 0.4, true},
		// differences whose product underflows to 0 still order the pair:
		// the pair count saw a tie in neither and no pair at all
		{[]float64{0, 1e-200}, []float64{0, 1e-200}, 1, true},
	} {
		t.Run(fmt.Sprint(c.xs, c.ys), func(t *testing.T) {
			got, ok := kendallTau(c.xs, c.ys)
			require.Equal(t, c.ok, ok)
			if ok {
				require.InDelta(t, c.want, got, 1e-15)
			}
		})
	}
}
