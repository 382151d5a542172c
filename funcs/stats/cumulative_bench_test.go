package stats

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
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

// BenchmarkCumulativePairs runs cumcorr, cumcovar and cumwavg over
// bench.funcTable's price and qty columns (1M rows, a NULL every 97th in
// both), through the registered functions.
func BenchmarkCumulativePairs(b *testing.B) {
	const n = 1_000_000
	rng := rand.New(rand.NewPCG(14, 9))
	price, qty := make([]float64, n), make([]float64, n)
	for i := range price {
		price[i] = 100 + float64(rng.IntN(10000))/100
		qty[i] = float64(rng.Int32N(1000))
		if i%97 == 0 {
			price[i], qty[i] = value.NullFloat64, value.NullFloat64
		}
	}
	args := []value.Value{value.NewDoubles(price), value.NewDoubles(qty)}
	for _, name := range []string{"cumcorr", "cumcovar", "cumwavg"} {
		s, ok := funcs.Lookup(name)
		require.True(b, ok, name)
		b.Run(name, func(b *testing.B) {
			for range b.N {
				_, err := s.Fn(nil, args)
				require.NoError(b, err)
			}
		})
	}
}
