package window

import (
	"math/rand/v2"
	"testing"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/stats"
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
	count, time := countSpan(len(price), 20, 0), timeSpan(ts, 20)
	out := make([]float64, len(price))
	// the least a sliding mean can do, for the ratios
	b.Run("go-baseline", func(b *testing.B) {
		for range b.N {
			s := 0.0
			for i, x := range price {
				s += x
				if i >= 20 {
					s -= price[i-20]
				}
				out[i] = s / float64(min(i+1, 20))
			}
		}
	})
	one := []struct {
		name string
		k    kernel
		f    *frames
	}{
		{"msum", kSum, count}, {"mavg", kAvg, count}, {"mvar", kVar, count}, {"mstd", kStd, count},
		{"mstdp", kStdp, count}, {"mskew", kSkew, count}, {"mkurtosis", kKurt, count}, {"tmstd", kStd, time}, {"tmsum", kSum, time},
	}
	for _, c := range one {
		b.Run(c.name, func(b *testing.B) {
			for range b.N {
				kernelRows(c.name, price, c.f, c.k, out)
			}
		})
	}
	// the loops as they were (moving_ref_test.go), over frames with lo
	// and ready built per call, and the results made NULL after them
	for _, c := range []struct {
		name string
		k    refKernel
		tm   bool
	}{{"msum", refKSum, false}, {"mstd", refKStd, false}, {"tmsum", refKSum, true}} {
		b.Run("ref-"+c.name, func(b *testing.B) {
			for range b.N {
				f := countFrames(len(price), 20, 0)
				if c.tm {
					f = timeFrames(ts, 20)
				}
				refRows(c.name, price, f, c.k)
			}
		})
	}
	b.Run("ref-mcorr", func(b *testing.B) {
		for range b.N {
			refPairRows(price, qty, countFrames(len(price), 20, 0), refKCorr)
		}
	})
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
				pairRows(c.k, price, qty, c.f, out)
			}
		})
	}
	outI := make([]int32, len(price))
	starts, countOf := whole(len(price), count.materialize())
	_, timeOf := whole(len(price), time.materialize())
	o := stats.RankOptions{Ascending: true, IgnoreNA: true, Ties: "min"}
	for _, c := range []struct {
		name string
		run  func()
	}{
		{"mmax", func() { extremeSegments(price, value.NullFloat64, starts, countOf, true, nil) }},
		{"mimin", func() { extremeSegments(price, value.NullFloat64, starts, countOf, false, outI) }},
		{"tmmax", func() { extremeSegments(price, value.NullFloat64, starts, timeOf, true, nil) }},
		{"mcount", func() { slideCount(price, value.NullFloat64, count.materialize(), 0, outI) }},
		{"mrank", func() { rankRows(price, count, o, out) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			for range b.N {
				c.run()
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

// BenchmarkEwmTopN runs the ewm recurrences over 1M rows and the TopN
// statistics (window 20, top 5, whole calls) over 200k rows.
func BenchmarkEwmTopN(b *testing.B) {
	price, qty, _ := benchSeries()
	for _, adjust := range []bool{true, false} {
		o := ewmOptions{alpha: 0.1, adjust: adjust, minPeriods: 1}
		name := "adjust"
		if !adjust {
			name = "noadjust"
		}
		b.Run("ewmMean/"+name, func(b *testing.B) {
			for range b.N {
				ewmMeanOf(price, o)
			}
		})
		b.Run("ewmVar/"+name, func(b *testing.B) {
			for range b.N {
				ewmCovOf(price, price, o)
			}
		})
	}
	const n = 200_000
	x, y, s := value.NewDoubles(price[:n]), value.NewDoubles(qty[:n]), value.NewDoubles(qty[n:2*n])
	for _, fn := range []string{"msumTopN", "mavgTopN", "mstdTopN", "mskewTopN", "mcorrTopN", "mwsumTopN"} {
		spec, ok := funcs.Lookup(fn)
		if !ok {
			b.Fatal(fn)
		}
		args := []value.Value{x, s, value.NewInt(20), value.NewInt(5)}
		if fn == "mcorrTopN" || fn == "mwsumTopN" {
			args = []value.Value{x, y, s, value.NewInt(20), value.NewInt(5)}
		}
		b.Run(fn, func(b *testing.B) {
			for range b.N {
				if _, err := spec.Fn(nil, args); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
