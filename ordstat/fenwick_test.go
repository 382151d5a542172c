package ordstat

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// Fenwick's counts and k-th marks agree with a plain count of the marks
// after every addition and removal, repeats included.
func TestFenwickMatchesCounts(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, 3, 8, 100} {
		f := NewFenwick(n)
		counts := make([]int32, n)
		for range 3 * n {
			p := rng.IntN(n)
			if counts[p] > 0 && rng.IntN(3) == 0 {
				f.Remove(p)
				counts[p]--
			} else {
				f.Add(p)
				counts[p]++
			}
			var below int32
			var order []int
			for q, c := range counts {
				require.Equal(t, below, f.Below(q), "n=%d below %d", n, q)
				require.Equal(t, c, f.At(q), "n=%d at %d", n, q)
				below += c
				for range c {
					order = append(order, q)
				}
			}
			for k, q := range order {
				require.Equal(t, q, f.Kth(k), "n=%d kth %d", n, k)
			}
		}
	}
}

func TestLowerBound(t *testing.T) {
	s := []float64{-1, 0, 0, 2.5, 7}
	for _, c := range []struct {
		x    float64
		want int
	}{{-2, 0}, {-1, 0}, {-0.5, 1}, {0, 1}, {1, 3}, {2.5, 3}, {7, 4}, {8, 5}} {
		require.Equal(t, c.want, LowerBound(s, c.x), "x=%v", c.x)
	}
	require.Equal(t, 0, LowerBound(nil, 1))
}
