package stats

import (
	"math/rand"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"
)

// OrderedAt puts the k-th and (k+1)-th smallest where a sort would, for
// random, sorted, reversed, constant and duplicate-heavy input.
func TestOrderedAtMatchesSort(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	gens := map[string]func(n int) []float64{
		"random": func(n int) []float64 {
			x := make([]float64, n)
			for i := range x {
				x[i] = r.NormFloat64()
			}
			return x
		},
		"sorted": func(n int) []float64 {
			x := make([]float64, n)
			for i := range x {
				x[i] = float64(i)
			}
			return x
		},
		"reversed": func(n int) []float64 {
			x := make([]float64, n)
			for i := range x {
				x[i] = float64(n - i)
			}
			return x
		},
		"constant": func(n int) []float64 {
			x := make([]float64, n)
			for i := range x {
				x[i] = 7
			}
			return x
		},
		"few": func(n int) []float64 {
			x := make([]float64, n)
			for i := range x {
				x[i] = float64(r.Intn(3))
			}
			return x
		},
	}
	for name, gen := range gens {
		for _, n := range []int{1, 2, 3, 17, 18, 100, 1001, 20000} {
			xs := gen(n)
			want := append([]float64(nil), xs...)
			sort.Float64s(want)
			for _, k := range []int{0, 1, n / 3, (n - 1) / 2, n / 2, n - 2, n - 1} {
				if k < 0 || k >= n {
					continue
				}
				got := OrderedAt(xs, k)
				require.Equal(t, want[k], got[k], "%s n=%d k=%d", name, n, k)
				if k+1 < n {
					require.Equal(t, want[k+1], got[k+1], "%s n=%d k=%d next", name, n, k)
				}
				require.Equal(t, Median(want), Median(OrderedAt(xs, (n-1)/2)), "%s n=%d median", name, n)
				require.Equal(t, QuantileSorted(want, 0.9, "linear"), QuantileSorted(OrderedAt(xs, int(float64(n-1)*0.9)), 0.9, "linear"), "%s n=%d q", name, n)
			}
		}
	}
}

func BenchmarkQuantileSelectVsSort(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	xs := make([]float64, 1250000)
	for i := range xs {
		xs[i] = r.Float64()
	}
	k := int(float64(len(xs)-1) * 0.9)
	b.Run("sort", func(b *testing.B) {
		for range b.N {
			_ = QuantileSorted(SortedCopy(xs), 0.9, "linear")
		}
	})
	b.Run("select", func(b *testing.B) {
		for range b.N {
			_ = QuantileSorted(OrderedAt(xs, k), 0.9, "linear")
		}
	})
}
