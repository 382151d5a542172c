package stats

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// rankSample is n doubles, a third of them NULL, NaN, infinities, zeros
// of either sign or distinct values, the rest of twenty values.
func rankSample(rng *rand.Rand, n int) []float64 {
	pool := []float64{value.NullFloat64, math.NaN(), math.Inf(-1), math.Inf(1), 0, math.Copysign(0, -1)}
	xs := make([]float64, n)
	for i := range xs {
		if xs[i] = float64(rng.IntN(20)) / 4; i%3 == 0 {
			xs[i] = append(pool, rng.Float64())[rng.IntN(len(pool)+1)]
		}
	}
	return xs
}

// cumrank's Fenwick counts give the ranks counting the elements so far
// with RankCounts gave, for every option.
func TestCumrankMatchesRankCounts(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 2))
	for _, n := range []int{0, 1, 2, 10, 1000} {
		xs := rankSample(rng, n)
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
