package stats

import (
	"context"
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// refRankOrder is the order RankVector ranked by before it used rowsort:
// a stable sort by CompareNullLow (NULL, and NaN, lowest; -0 equal to 0),
// reversed for descending ranks, NULLs left out under ignoreNA.
func refRankOrder(xs []float64, o RankOptions) []int {
	var idx []int
	for i, x := range xs {
		if !(funcs.IsNullF(x) && o.IgnoreNA) {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool {
		c := CompareNullLow(xs[idx[a]], funcs.IsNullF(xs[idx[a]]), xs[idx[b]], funcs.IsNullF(xs[idx[b]]))
		if !o.Ascending {
			c = -c
		}
		return c < 0
	})
	return idx
}

// RankVector orders by rowsort now: on values with ties, NULLs, NaN, -0
// and infinities its ranks are those of the stable comparison sort it
// replaced, for every option; a cancelled context stops it.
func TestRankVectorMatchesComparisonSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 1))
	special := []float64{value.NullFloat64, math.NaN(), math.Inf(-1), math.Inf(1), 0, math.Copysign(0, -1), -1.5, 2}
	xs := make([]float64, 5000)
	for i := range xs {
		if rng.IntN(4) == 0 {
			xs[i] = special[rng.IntN(len(special))]
		} else {
			xs[i] = float64(rng.IntN(300)) / 4
		}
	}
	for _, asc := range []bool{true, false} {
		for _, ignore := range []bool{true, false} {
			for _, ties := range []string{"min", "max", "average", "first"} {
				for _, dense := range []bool{true, false} {
					o := RankOptions{Ascending: asc, IgnoreNA: ignore, Ties: ties}
					got, err := RankVectorContext(context.Background(), xs, o, dense)
					require.NoError(t, err)
					// ranks from the reference order, as RankVector assigns them
					want := funcs.NullDoubles(len(xs))
					idx := refRankOrder(xs, o)
					distinct := 0
					for k := 0; k < len(idx); {
						j := k
						for j < len(idx) && CompareNullLow(xs[idx[j]], funcs.IsNullF(xs[idx[j]]), xs[idx[k]], funcs.IsNullF(xs[idx[k]])) == 0 {
							j++
						}
						for p := k; p < j; p++ {
							r := float64(k)
							switch {
							case dense:
								r = float64(distinct)
							case ties == "max":
								r = float64(j - 1)
							case ties == "average":
								r = float64(k+j-1) / 2
							case ties == "first":
								r = float64(p)
							}
							want[idx[p]] = r
						}
						distinct++
						k = j
					}
					require.Equal(t, want, got, "ascending %v ignoreNA %v ties %s dense %v", asc, ignore, ties, dense)
				}
			}
		}
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := RankVectorContext(cancelled, xs, RankOptions{Ascending: true, Ties: "min"}, false)
	require.ErrorIs(t, err, context.Canceled)
}
