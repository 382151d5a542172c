package lookup

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestFillRandBelowRangeAndSpread: every draw is in [0, bound) and, for
// small bounds, each value turns up about as often as the others (the
// two-samples-per-draw path must not correlate or skip values).
func TestFillRandBelowRangeAndSpread(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, bound := range []int64{1, 2, 3, 6, 100, 1 << 31, 1 << 32, 1<<32 + 5, 1 << 62} {
		for _, n := range []int{0, 1, 2, 5, 60001} {
			xs := make([]int64, n)
			fillRandBelow(r, xs, bound)
			for _, x := range xs {
				require.True(t, x >= 0 && x < bound, "bound %d drew %d", bound, x)
			}
			if bound <= 6 && n > 60000 {
				counts := make([]int, bound)
				for _, x := range xs {
					counts[x]++
				}
				for v, c := range counts {
					want := n / int(bound)
					require.InDelta(t, want, c, float64(want)/10, "bound %d value %d", bound, v)
				}
			}
		}
	}
}

// TestFillRandBelowPairsIndependent: the two samples cut from one 64-bit
// draw are not equal more often than chance.
func TestFillRandBelowPairsIndependent(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	xs := make([]int32, 100000)
	fillRandBelow(r, xs, 2)
	same := 0
	for i := 0; i+1 < len(xs); i += 2 {
		if xs[i] == xs[i+1] {
			same++
		}
	}
	require.InDelta(t, len(xs)/4, same, float64(len(xs))/40)
}
