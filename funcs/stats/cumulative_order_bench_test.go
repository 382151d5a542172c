package stats

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// BenchmarkCumulativeOrder runs the order-statistic cumulative functions
// and kendall through the registered functions on the sweep's data
// (x = rand(100.0, n) - 50.0, k = rand(1000, n)), beside sorting a copy
// of x as the plain-Go baseline their O(n log n) loops should track.
func BenchmarkCumulativeOrder(b *testing.B) {
	for _, n := range []int{200_000, 1_000_000} {
		rng := rand.New(rand.NewPCG(3, uint64(n)))
		xs, ks, ys := make([]float64, n), make([]int32, n), make([]float64, n)
		for i := range xs {
			xs[i] = rng.Float64()*100 - 50
			ks[i] = rng.Int32N(1000)
			ys[i] = rng.Float64()*100 - 50
		}
		x, k, y := value.NewDoubles(xs), value.NewInts(ks), value.NewDoubles(ys)
		cases := []struct {
			name string
			fn   string
			args []value.Value
		}{
			{"cummed(x)", "cummed", []value.Value{x}},
			{"cummed(k)", "cummed", []value.Value{k}},
			{"cumpercentile(k,5)", "cumpercentile", []value.Value{k, value.NewInt(5)}},
			{"cumrank(x)", "cumrank", []value.Value{x}},
			{"cumrank(k,false)", "cumrank", []value.Value{k, value.NewBool(false)}},
			{"kendall(x,y)", "kendall", []value.Value{x, y}},
		}
		for _, c := range cases {
			s, ok := funcs.Lookup(c.fn)
			require.True(b, ok, c.fn)
			b.Run(fmt.Sprintf("%s/n=%d", c.name, n), func(b *testing.B) {
				for range b.N {
					_, err := s.Fn(nil, c.args)
					require.NoError(b, err)
				}
			})
		}
		b.Run(fmt.Sprintf("baseline-sort/n=%d", n), func(b *testing.B) {
			buf := make([]float64, n)
			for range b.N {
				copy(buf, xs)
				slices.Sort(buf)
			}
		})
	}
}
