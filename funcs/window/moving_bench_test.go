package window

import (
	"math/bits"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/stats"
	"github.com/porpoisedb/porpoise/funcs/window/orderstat"
	"github.com/porpoisedb/porpoise/ordstat"
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

// BenchmarkTopN runs the TopN statistics (window 20, top 5, whole calls)
// over 200k rows.
func BenchmarkTopN(b *testing.B) {
	price, qty, _ := benchSeries()
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

// fenwickMedian is the median of each count window by the other sliding
// structure considered for the order statistics, a Fenwick tree over the
// ranks of the whole column (sorted once): O(log n) a row, against the
// sorted window's O(w) move. Kept to measure that choice
// (BenchmarkOrderKernels).
func fenwickMedian(xs []float64, w int, out []float64) {
	sorted := ordstat.SortedNonNull(xs)
	slot := make([]int32, len(xs))
	for j, e := range sorted {
		slot[e.I] = int32(j)
	}
	tree := make([]int32, len(sorted)+1)
	add := func(p int, d int32) {
		for j := p + 1; j < len(tree); j += j & -j {
			tree[j] += d
		}
	}
	kth := func(k int) float64 {
		pos, rem := 0, int32(k+1)
		for step := 1 << (bits.Len(uint(len(tree)-1)) - 1); step > 0; step >>= 1 {
			if next := pos + step; next < len(tree) && tree[next] < rem {
				pos, rem = next, rem-tree[next]
			}
		}
		return sorted[pos].V
	}
	n := 0
	for i, x := range xs {
		if !funcs.IsNullF(x) {
			add(int(slot[i]), 1)
			n++
		}
		if j := i - w; j >= 0 && !funcs.IsNullF(xs[j]) {
			add(int(slot[j]), -1)
			n--
		}
		switch {
		case n == 0:
			out[i] = value.NullFloat64
		case n%2 == 1:
			out[i] = kth(n / 2)
		default:
			out[i] = (kth(n/2-1) + kth(n/2)) / 2
		}
	}
}

// BenchmarkOrderKernels runs the moving median over benchSeries' price
// (1M rows) with windows of 20, 1000 and 10000 rows by the sorted window
// (the kernel), by a Fenwick tree over ranks, and by sorting each window
// (the kernel as it was, over the first rows only: its ns/row are per
// row of those), for the ratios.
func BenchmarkOrderKernels(b *testing.B) {
	price, _, _ := benchSeries()
	out := make([]float64, len(price))
	perRow := func(b *testing.B, rows int) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(rows), "ns/row")
	}
	for _, w := range []int{20, 1000, 10000} {
		name := strconv.Itoa(w)
		b.Run("sorted-"+name, func(b *testing.B) {
			k, f := orderKernel(orderstat.Median), countSpan(len(price), w, 0)
			for range b.N {
				kernelRows("mmed", price, f, k, out)
			}
			perRow(b, len(price))
		})
		b.Run("fenwick-"+name, func(b *testing.B) {
			for range b.N {
				fenwickMedian(price, w, out)
			}
			perRow(b, len(price))
		})
		b.Run("ref-sort-"+name, func(b *testing.B) {
			rows := min(len(price), 20_000_000/w)
			f := countFrames(rows, w, 0)
			for range b.N {
				refRows("mmed", price[:rows], f, refKMed)
			}
			perRow(b, rows)
		})
	}
}
