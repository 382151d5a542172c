package window

import (
	"math/rand/v2"
	"testing"

	"github.com/porpoisedb/porpoise/value"
)

// benchSeries are bench.funcTable's price and qty columns (1M rows, a NULL
// every 97th) and its timestamps 1 ms apart, so the kernels' NULL paths
// run as in BenchmarkVectorFunctions.
func benchSeries() (price, qty []float64, ts []int64) {
	const n = 1_000_000
	rng := rand.New(rand.NewPCG(14, 9))
	price, qty, ts = make([]float64, n), make([]float64, n), make([]int64, n)
	for i := range price {
		price[i] = 100 + float64(rng.IntN(10000))/100
		qty[i] = float64(rng.Int32N(1000))
		ts[i] = 1704067200000 + int64(i)
		if i%97 == 0 {
			price[i], qty[i] = value.NullFloat64, value.NullFloat64
		}
	}
	return price, qty, ts
}

// BenchmarkMovingKernels runs the moving and time-moving kernels over
// 1M rows with a window of 20 (rows or ms): the sliding loops alone,
// without the argument checks and conversions around them.
func BenchmarkMovingKernels(b *testing.B) {
	price, qty, ts := benchSeries()
	count, time := countFrames(len(price), 20, 0), timeFrames(ts, 20)
	out := make([]float64, len(price))
	one := []struct {
		name string
		k    kernel
		f    *frames
	}{
		{"msum", kSum, count}, {"mavg", kAvg, count}, {"mvar", kVar, count}, {"mstd", kStd, count},
		{"mstdp", kStdp, count}, {"mskew", kSkew, count}, {"mkurtosis", kKurt, count}, {"tmstd", kStd, time},
	}
	for _, c := range one {
		b.Run(c.name, func(b *testing.B) {
			for range b.N {
				c.k(price, c.f, out)
			}
		})
	}
	two := []struct {
		name string
		k    pairLoop
		f    *frames
	}{
		{"mcorr", kCorr, count}, {"mcovar", kCovar, count}, {"mbeta", kBeta, count},
		{"mwavg", kWavg, count}, {"tmcorr", kCorr, time},
	}
	for _, c := range two {
		b.Run(c.name, func(b *testing.B) {
			for range b.N {
				c.k(price, qty, c.f, out)
			}
		})
	}
	b.Run("mslr", func(b *testing.B) {
		args := []value.Value{value.NewDoubles(price), value.NewDoubles(qty), value.NewInt(20)}
		for range b.N {
			if _, err := mRegression("mslr", args); err != nil {
				b.Fatal(err)
			}
		}
	})
}
