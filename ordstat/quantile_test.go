package ordstat

import (
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// median of sorted values, as stats.Median takes it.
func median(s []float64) float64 {
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

// refRunningSorted is the quadratic kernel Running replaced: of
// applied to the non-NULL elements so far, kept sorted by insertion
// before the equal ones.
func refRunningSorted(xs []float64, of func(sorted []float64) float64) []float64 {
	out := make([]float64, len(xs))
	var seen []float64
	for i, x := range xs {
		if !isNull(x) {
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

// Running gives, bit for bit, what sorting the values so far
// and picking the median or quantile gave, for every interpolation.
func TestRunningQuantileMatchesSortedPrefix(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 7))
	for _, n := range sizes {
		for round := range 3 {
			xs := tiedSample(rng, n, true)
			got := make([]float64, n)
			Running(0.5, "midpoint")(xs, got)
			require.Equal(t, bitsOf(refRunningSorted(xs, median)), bitsOf(got), "cummed n=%d round %d", n, round)
			for _, q := range []float64{0, 0.05, 0.3, 0.5, 0.999, 1} {
				for _, m := range []string{"linear", "lower", "higher", "nearest", "midpoint"} {
					Running(q, m)(xs, got)
					want := refRunningSorted(xs, func(s []float64) float64 { lo, hi, frac := Span(len(s), q); return Pick(s[lo], s[hi], frac, m) })
					require.Equal(t, bitsOf(want), bitsOf(got), "q=%v %s n=%d round %d", q, m, n, round)
				}
			}
		}
	}
}
