package stats

import (
	"math/rand/v2"
	"testing"

	"github.com/porpoisedb/porpoise/value"
)

// BenchmarkCumulativeMoments runs the cumavg, cumstd and cumvar loops
// over bench.funcTable's price column (1M rows, a NULL every 97th).
func BenchmarkCumulativeMoments(b *testing.B) {
	const n = 1_000_000
	rng := rand.New(rand.NewPCG(14, 9))
	price := make([]float64, n)
	for i := range price {
		price[i] = 100 + float64(rng.IntN(10000))/100
		if i%97 == 0 {
			price[i] = value.NullFloat64
		}
	}
	out := make([]float64, n)
	for _, name := range []string{"cumavg", "cumstd", "cumvar"} {
		loop := runningMoments(name)
		b.Run(name, func(b *testing.B) {
			for range b.N {
				loop(price, out)
			}
		})
	}
}
