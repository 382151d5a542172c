package orderstat

import (
	"context"
	"math"
	"math/rand"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// series are columns with ties, zeros of both signs, infinities and
// NULLs (NaN and value.NullFloat64), as named.
func series(rng *rand.Rand, n int) map[string][]float64 {
	gens := map[string]func() float64{
		"ties":     func() float64 { return float64(rng.Intn(3)) },
		"zeros":    func() float64 { return []float64{0, math.Copysign(0, -1), 2}[rng.Intn(3)] },
		"infinite": func() float64 { return []float64{math.Inf(1), math.Inf(-1), rng.NormFloat64()}[rng.Intn(3)] },
		"nulls":    func() float64 { return []float64{math.NaN(), value.NullFloat64, rng.NormFloat64()}[rng.Intn(3)] },
		"reals":    rng.NormFloat64,
	}
	out := map[string][]float64{}
	for name, gen := range gens {
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = gen()
		}
		out[name] = xs
	}
	return out
}

func isNull(x float64) bool { return x == value.NullFloat64 || x != x }

// TestHoldersSlide slides count windows over the series through both
// holders: the values they read by rank must be the window's non-NULL
// values sorted stably (equal ones in row order, zeros with their signs),
// and MedianAbsDev what sorting the deviations gives.
func TestHoldersSlide(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for name, xs := range series(rng, 400) {
		for _, w := range []int{1, 2, 5, 64} {
			for _, h := range []holder{&sorted{}, newRanked(xs, value.NullFloat64)} {
				for i, x := range xs {
					j := i - w
					switch {
					case j >= 0 && !isNull(xs[j]) && !isNull(x):
						h.swap(j, xs[j], i, x)
					default:
						if !isNull(x) {
							h.enter(i, x)
						}
						if j >= 0 && !isNull(xs[j]) {
							h.leave(j, xs[j])
						}
					}
					var want []float64
					for _, y := range xs[max(0, j+1) : i+1] {
						if !isNull(y) {
							want = append(want, y)
						}
					}
					sort.SliceStable(want, func(a, b int) bool { return want[a] < want[b] })
					got := make([]float64, h.size())
					for k := range got {
						got[k] = h.at(k)
					}
					require.Equal(t, bits(want), bits(got), "%s w=%d %T row %d", name, w, h, i)
					if len(want) == 0 {
						continue
					}
					m := Median(len(want), func(k int) float64 { return want[k] })
					dev := make([]float64, len(want))
					for k, v := range want {
						dev[k] = math.Abs(v - m)
					}
					sort.Float64s(dev)
					exp, mad := Median(len(dev), func(k int) float64 { return dev[k] }), MedianAbsDev(h.size(), h.at)
					if exp == exp || mad == mad {
						require.Equal(t, math.Float64bits(exp), math.Float64bits(mad), "%s w=%d row %d", name, w, i)
					}
				}
			}
		}
	}
}

// TestSlideWideMatchesSorted: Slide with the ranked holder (as over
// windows wider than wide) gives what the sorted holder gives, bit for bit, over
// count windows and over windows whose starts jump, and stops once its
// context is cancelled.
func TestSlideWideMatchesSorted(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	keep := func(i, n int) bool { return n >= 2 }
	stats := []Stat{Median, MedianAbsDev, Quantile(0.3, "linear"), Quantile(0.75, "nearest")}
	for name, xs := range series(rng, 600) {
		// count windows of 40, and windows whose starts jump
		jumps := make([]int, len(xs))
		for i := range jumps {
			jumps[i] = i - rng.Intn(30)
		}
		starts := []func(i, lo int) int{
			func(i, _ int) int { return i - 40 + 1 },
			func(i, _ int) int { return jumps[i] },
		}
		for _, start := range starts {
			for _, g := range stats {
				want, got := make([]float64, len(xs)), make([]float64, len(xs))
				require.NoError(t, slide(context.Background(), xs, value.NullFloat64, start, keep, want, g, len(xs)))
				require.NoError(t, slide(context.Background(), xs, value.NullFloat64, start, keep, got, g, 0))
				require.Equal(t, bits(want), bits(got), name)
			}
		}
		ints := make([]int32, len(xs))
		for i, x := range xs {
			ints[i] = int32(x)
			if isNull(x) {
				ints[i] = value.NullInt32
			}
		}
		want, got := make([]float64, len(xs)), make([]float64, len(xs))
		require.NoError(t, slide(context.Background(), ints, value.NullInt32, starts[0], keep, want, Median, len(xs)))
		require.NoError(t, slide(context.Background(), ints, value.NullInt32, starts[0], keep, got, Median, 0))
		require.Equal(t, bits(want), bits(got), name, "INT")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := Slide(ctx, []float64{1, 2}, value.NullFloat64, func(i, _ int) int { return i }, keep, make([]float64, 2), Median)
	require.ErrorIs(t, err, context.Canceled)
}

func bits(xs []float64) []uint64 {
	out := make([]uint64, len(xs))
	for i, x := range xs {
		if x != x {
			// any NaN as one
			x = math.NaN()
		}
		out[i] = math.Float64bits(x)
	}
	return out
}
