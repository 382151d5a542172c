package window

import (
	"context"
	"math"
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/window/orderstat"
	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// orderKernel is the order kernel of g over a context never cancelled.
func orderKernel(g orderstat.Stat) kernel {
	k, _ := orderKernels(context.Background(), new(error), g)
	return k
}

// orderSeries are series for the order statistics, as the kind says:
// NULLs, NaN, infinities of both signs, few distinct values (ties),
// zeros of both signs, or spread reals.
func orderSeries(rng *rand.Rand, n int, kind string) []float64 {
	xs := make([]float64, n)
	for i := range xs {
		switch r := rng.Intn(10); {
		case r == 0 && kind != "dense":
			xs[i] = value.NullFloat64
		case r == 1 && kind != "dense":
			xs[i] = math.NaN()
		case r == 2 && kind == "infinite":
			xs[i] = math.Inf(1 - 2*rng.Intn(2))
		case kind == "ties":
			xs[i] = float64(rng.Intn(4))
		case kind == "zeros":
			xs[i] = []float64{0, math.Copysign(0, -1), 1, -1}[rng.Intn(4)]
		default:
			xs[i] = rng.NormFloat64() * 100
		}
	}
	return xs
}

// sameOrderBits is sameBits, but where the frame holds more than 12
// values a zero may have either sign: the sort the reference ran over a
// frame puts -0 and 0 (equal) in whatever order its partitioning left
// them, where up to 12 values it sorted by insertion, stably, as the
// sorted window keeps them.
func sameOrderBits(t *testing.T, want, got, xs []float64, f *frames, msg ...any) {
	t.Helper()
	for i := range want {
		held := 0
		for _, x := range xs[f.lo[i] : i+1] {
			if !funcs.IsNullF(x) {
				held++
			}
		}
		if held > 12 && want[i] == 0 && got[i] == 0 {
			got[i] = want[i]
		}
	}
	sameBits(t, want, got, msg...)
}

// TestOrderStatisticsMatchReference runs the sorted-window kernels of the
// median, the percentiles by every interpolation and the median absolute
// deviation against each frame sorted afresh (moving_ref_test.go), over
// count windows (with minPeriods, longer than the column) and time
// windows, and their forms over INT and LONG against the reference over
// the column as DOUBLE: equal bit for bit.
func TestOrderStatisticsMatchReference(t *testing.T) {
	type stat struct {
		name string
		g    orderstat.Stat
		ref  refKernel
	}
	stats := []stat{{"mmed", orderstat.Median, refKMed}, {"mmad", orderstat.MedianAbsDev, refKMadMedian}}
	for _, q := range []float64{0, 0.25, 0.5, 0.9, 1} {
		for _, m := range []string{"linear", "lower", "higher", "nearest", "midpoint"} {
			stats = append(stats, stat{"mpercentile", orderstat.Quantile(q, m), refKPercentile(q, m)})
		}
	}
	rng := rand.New(rand.NewSource(39))
	for _, kind := range []string{"dense", "reals", "infinite", "ties", "zeros"} {
		n := 300 + rng.Intn(100)
		xs := orderSeries(rng, n, kind)
		ts := make([]int64, n)
		for i := 1; i < n; i++ {
			ts[i] = ts[i-1] + int64(rng.Intn(4))
		}
		type window struct{ fast, ref *frames }
		var windows []window
		for _, w := range []int{1, 2, 3, 5, 12, 13, 40, 1000} {
			for _, minP := range []int{0, 1, 4} {
				windows = append(windows, window{countSpan(n, w, minP), countFrames(n, w, minP)})
			}
		}
		for _, span := range []int64{1, 3, 10, 1000} {
			windows = append(windows, window{timeSpan(ts, span), timeFrames(ts, span)}, window{timeFrames(ts, span), timeFrames(ts, span)})
		}
		for _, w := range windows {
			for _, s := range stats {
				got := make([]float64, n)
				kernelRows(s.name, xs, w.fast, orderKernel(s.g), got)
				want := refRows(s.name, xs, w.ref, s.ref)
				sameOrderBits(t, want, got, xs, w.ref, s.name, kind, w.ref.width, w.ref.minCount)
			}
		}
		if kind != "ties" {
			continue
		}
		// INT and LONG columns: the ties' values and NULLs
		i32, i64 := make([]int32, n), make([]int64, n)
		for i, x := range xs {
			i32[i], i64[i] = int32(x), int64(x)*1e12
			if funcs.IsNullF(x) {
				i32[i], i64[i] = value.NullInt32, value.NullInt64
			}
		}
		for _, w := range windows {
			for _, s := range stats {
				_, ik := orderKernels(context.Background(), new(error), s.g)
				got := make([]float64, n)
				ik.i32(i32, w.fast, got)
				sameBits(t, refRows(s.name, doubles(i32), w.ref, s.ref), got, s.name, "INT", w.ref.width)
				ik.i64(i64, w.fast, got)
				sameBits(t, refRows(s.name, doubles(i64), w.ref, s.ref), got, s.name, "LONG", w.ref.width)
			}
		}
	}
}

// TestOrderStatisticsCancel: the order statistics stop with the
// context's error once it is cancelled, whole and segmented.
func TestOrderStatisticsCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	env := &fakeenv.Func{Ctx: ctx}
	x := value.NewDoubles(make([]float64, 1000))
	ts := make([]int64, 1000)
	for i := range ts {
		ts[i] = int64(i)
	}
	tv := &value.Vector{T: value.Timestamp, I64: ts}
	for _, c := range []struct {
		name string
		args []value.Value
	}{
		{"mmed", []value.Value{x, value.NewInt(20)}},
		{"tmmed", []value.Value{tv, x, value.NewInt(20)}},
		{"mpercentile", []value.Value{x, value.NewInt(25), value.NewInt(20)}},
		{"tmpercentile", []value.Value{tv, x, value.NewInt(25), value.NewInt(20)}},
		{"mmad", []value.Value{x, value.NewInt(20), value.NewBool(true)}},
	} {
		spec, ok := funcs.Lookup(c.name)
		require.True(t, ok, c.name)
		_, err := spec.Fn(env, c.args)
		require.ErrorIs(t, err, context.Canceled, c.name)
		if spec.Segmented != nil {
			_, _, err = spec.Segmented(env, c.args, []int{0, 500, 1000})
			require.ErrorIs(t, err, context.Canceled, c.name)
		}
		// and the same call over a live context answers
		_, err = spec.Fn(&fakeenv.Func{Ctx: context.Background()}, c.args)
		require.NoError(t, err, c.name)
	}
}
