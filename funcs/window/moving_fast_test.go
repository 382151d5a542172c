package window

import (
	"math"
	"math/rand"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/stats"
	"github.com/porpoisedb/porpoise/funcs/window/orderstat"
	"github.com/porpoisedb/porpoise/value"
)

// sumSeries are series the sum family's loops must take alike: NULLs,
// NaN, infinities, values far from zero that barely vary, values huge
// enough to overflow or absorb the rest, as the kind says.
func sumSeries(rng *rand.Rand, n int, kind string) []float64 {
	xs := make([]float64, n)
	for i := range xs {
		r := rng.Intn(16)
		if kind == "sparse" {
			// (too few NULLs to mask them: the count windows' branchy loops)
			r = 3 + rng.Intn(200)
		}
		switch {
		case kind == "sparse" && r == 3:
			xs[i] = value.NullFloat64
		case r == 0:
			xs[i] = value.NullFloat64
		case r == 1 && kind != "dense":
			xs[i] = math.NaN()
		case kind == "ints":
			xs[i] = float64(rng.Intn(9) - 4)
		case kind == "offset":
			xs[i] = 1e6 + rng.Float64()*1e-3
		case kind == "infinite" && r == 2:
			xs[i] = math.Inf(1 - 2*rng.Intn(2))
		case kind == "huge" && r == 2:
			xs[i] = []float64{1e301, -1e308, 1e200, 1.7e308}[rng.Intn(4)]
		default:
			xs[i] = rng.NormFloat64() * 100
		}
	}
	return xs
}

// sameBits requires got and want equal bit for bit (any NaN as any NaN).
func sameBits(t *testing.T, want, got []float64, msg ...any) {
	t.Helper()
	require.Len(t, got, len(want), msg...)
	for i := range want {
		if want[i] != want[i] && got[i] != got[i] {
			continue
		}
		require.Equalf(t, math.Float64bits(want[i]), math.Float64bits(got[i]), "row %d: want %v, got %v %v", i, want[i], got[i], msg)
	}
}

// TestSumFamilyMatchesReference runs the sum family's loops, over frames
// they find as they go, against each frame's statistic computed afresh
// over frames with lo and ready (moving_ref_test.go), on count and time
// windows with and without minPeriods: the sums within their rounding
// (see nearSums), the order statistics and the product bit for bit.
func TestSumFamilyMatchesReference(t *testing.T) {
	prod := func(v []float64) float64 {
		p := 1.0
		for _, x := range v {
			p *= x
		}
		return p
	}
	one := []struct {
		name  string
		k     kernel
		ref   refKernel
		exact bool
	}{
		{"msum", kSum, refMoment("sum"), false}, {"msum2", kSum2, refMoment("sum2"), false}, {"mavg", kAvg, refMoment("avg"), false},
		{"mvar", kVar, refMoment("var"), false}, {"mvarp", kVarp, refMoment("varp"), false},
		{"mstd", kStd, refMoment("std"), false}, {"mstdp", kStdp, refMoment("stdp"), false},
		{"mmed", orderKernel(orderstat.Median), refKMed, true}, {"mprod", kProd, refWindowKernel(prod), true},
		{"mpercentile", orderKernel(orderstat.Quantile(0.3, "linear")), refKPercentile(0.3, "linear"), true},
	}
	two := []struct {
		name string
		k    pairLoop
		ref  refPairLoop
	}{
		{"mwsum", kWsum, refPair("wsum")}, {"mwavg", kWavg, refPair("wavg")}, {"mcovar", kCovar, refPair("covar")},
		{"mcorr", kCorr, refPair("corr")}, {"mbeta", kBeta, refPair("beta")},
	}
	rng := rand.New(rand.NewSource(11))
	for _, kind := range []string{"dense", "sparse", "ints", "reals", "offset", "infinite", "huge"} {
		// (longer than a batch, so the frames cross batches)
		n := 700 + rng.Intn(200)
		xs, ys := sumSeries(rng, n, kind), sumSeries(rng, n, kind)
		ts := make([]int64, n)
		for i := 1; i < n; i++ {
			ts[i] = ts[i-1] + int64(rng.Intn(4))
		}
		type window struct {
			name      string
			fast, ref *frames
		}
		var windows []window
		for _, w := range []int{1, 2, 3, 20, 300} {
			for _, minP := range []int{0, 1, 3} {
				windows = append(windows, window{"count", countSpan(n, w, minP), countFrames(n, w, minP)})
			}
		}
		for _, span := range []int64{1, 2, 7, 500} {
			windows = append(windows, window{"time", timeSpan(ts, span), timeFrames(ts, span)})
		}
		for _, w := range windows {
			for _, c := range one {
				got := make([]float64, n)
				kernelRows(c.name, xs, w.fast, c.k, got)
				want := refRows(c.name, xs, w.ref, c.ref)
				if c.exact {
					sameBits(t, want, got, c.name, kind, w.name, w.ref.width, w.ref.minCount)
				} else {
					nearSums(t, want, got, xs, nil, w.ref, strings.Contains(c.name, "std"), c.name, kind, w.name, w.ref.width, w.ref.minCount)
				}
			}
			for _, c := range two {
				got := make([]float64, n)
				pairRows(c.k, xs, ys, w.fast, got)
				nearSums(t, refPairRows(xs, ys, w.ref, c.ref), got, xs, ys, w.ref, false, c.name, kind, w.name, w.ref.width, w.ref.minCount)
			}
		}
	}
}

// nearSums requires got, a sliding statistic's column, to be want, the
// statistic computed afresh, within rounding: NaN as NaN, an infinity or
// NULL exactly, else within 1e-7 of the larger of want and the frame's
// magnitude (its values', or its pairs', absolute sums and squares); with
// root, a square root of a variance, their squares. Sliding sums keep
// the rounding of the values that have left them, so a sum that cancels
// to near zero has an error to the scale of the values it summed, not of
// itself (the restarts bound it: see drift), and a standard deviation of
// such a variance the square root of that error.
func nearSums(t *testing.T, want, got, xs, ys []float64, f *frames, root bool, msg ...any) {
	t.Helper()
	require.Len(t, got, len(want), msg...)
	for i := range want {
		w, g := want[i], got[i]
		switch {
		case w != w || g != g:
			require.Truef(t, w != w && g != g, "row %d: want %v, got %v %v", i, w, g, msg)
			continue
		case w == g:
			continue
		case math.IsInf(w, 0) || math.IsInf(g, 0) || funcs.IsNullF(w) || funcs.IsNullF(g):
			require.Truef(t, overflows(xs, ys, f.lo[i], i), "row %d: want %v, got %v %v", i, w, g, msg)
			continue
		}
		if root {
			w, g = w*w, g*g
		}
		if math.Abs(w-g) <= 1e-7*math.Abs(w) {
			continue
		}
		scale := math.Abs(w)
		for j := f.lo[i]; j <= i; j++ {
			x, y := xs[j], 1.0
			if ys != nil {
				y = ys[j]
			}
			if !funcs.IsNullF(x) && !funcs.IsNullF(y) {
				scale = max(scale, math.Abs(x), math.Abs(y), x*x, y*y, math.Abs(x*y))
			}
		}
		require.LessOrEqualf(t, math.Abs(w-g), 1e-7*scale, "row %d: want %v, got %v %v", i, w, g, msg)
	}
}

// overflows says whether rows lo to i hold finite values whose sums,
// squares or products may overflow: there the sliding sums, taken as
// offsets and in another order, may overflow (an infinite or NULL row)
// where the fresh ones do not, or the other way round (the variance of
// 155 and 1e200 is inf, and their correlation with two finite values 0).
func overflows(xs, ys []float64, lo, i int) bool {
	for j := lo; j <= i; j++ {
		x, y := xs[j], 1.0
		if ys != nil {
			y = ys[j]
		}
		if stats.IsFinite(x) && stats.IsFinite(y) && max(math.Abs(x), math.Abs(y), x*x, y*y, math.Abs(x*y)) >= hugeSum {
			return true
		}
	}
	return false
}

// TestIntegerColumnsMatchDoubles runs the sums' forms over INT and LONG
// columns' own storage against the same functions over the columns read
// as DOUBLE (what they ran over before), whole and segmented.
func TestIntegerColumnsMatchDoubles(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	const n = 600
	i32, i64 := make([]int32, n), make([]int64, n)
	ts := make([]int64, n)
	for i := range i32 {
		i32[i], i64[i] = int32(rng.Intn(2001)-1000), rng.Int63n(1<<62)-1<<61
		if rng.Intn(4) == 0 {
			i64[i] = 1e15 + rng.Int63n(3)
		}
		if rng.Intn(6) == 0 {
			i32[i], i64[i] = value.NullInt32, value.NullInt64
		}
		if i > 0 {
			ts[i] = ts[i-1] + int64(rng.Intn(3))
		}
	}
	starts := []int{0, 1, 250, 251, 600}
	for _, col := range []*value.Vector{value.NewInts(i32), value.NewLongs(i64)} {
		xs, err := funcs.DoublesOf("test", col)
		require.NoError(t, err)
		asDouble := value.NewDoubles(xs)
		for _, name := range []string{"msum", "msum2", "mavg", "mvar", "mvarp", "mstd", "mstdp", "mskew", "mkurtosis", "mmed", "tmsum", "tmsum2", "tmavg", "tmvar", "tmstd", "tmmed"} {
			spec, ok := funcs.Lookup(name)
			require.True(t, ok, name)
			for _, w := range []int32{1, 3, 40} {
				args := func(x value.Value) []value.Value {
					if name[0] == 't' {
						return []value.Value{&value.Vector{T: value.Timestamp, I64: ts}, x, value.NewInt(w)}
					}
					if name == "mskew" || name == "mkurtosis" {
						return []value.Value{x, value.NewInt(w), value.NewBool(w == 3)}
					}
					return []value.Value{x, value.NewInt(w), value.NewInt(2)}
				}
				want, err := spec.Fn(nil, args(asDouble))
				require.NoError(t, err, name)
				got, err := spec.Fn(nil, args(col))
				require.NoError(t, err, name)
				sameBits(t, want.(*value.Vector).F64, got.(*value.Vector).F64, name, col.T, w)
				want, _, err = spec.Segmented(nil, args(asDouble), starts)
				require.NoError(t, err, name)
				got, _, err = spec.Segmented(nil, args(col), starts)
				require.NoError(t, err, name)
				sameBits(t, want.(*value.Vector).F64, got.(*value.Vector).F64, name, col.T, w, "segmented")
			}
		}
	}
}

// TestIntegerPairsMatchDoubles runs the pair statistics over two INT and
// two LONG columns' own storage against the same calls over the columns
// read as DOUBLE (what they ran over before): NULLs in either, values
// near 2^61 and runs of nearly equal ones (the sums' restarts).
func TestIntegerPairsMatchDoubles(t *testing.T) {
	rng := rand.New(rand.NewSource(8))
	const n = 700
	cols := func() (*value.Vector, *value.Vector) {
		i32, i64 := make([]int32, n), make([]int64, n)
		for i := range i32 {
			i32[i], i64[i] = int32(rng.Intn(2001)-1000), rng.Int63n(1<<62)-1<<61
			if i%100 < 30 {
				i32[i], i64[i] = 7, 1e15+rng.Int63n(3)
			}
			if rng.Intn(6) == 0 {
				i32[i], i64[i] = value.NullInt32, value.NullInt64
			}
		}
		return value.NewInts(i32), value.NewLongs(i64)
	}
	x32, x64 := cols()
	y32, y64 := cols()
	ts := make([]int64, n)
	for i := 1; i < n; i++ {
		ts[i] = ts[i-1] + int64(rng.Intn(3))
	}
	asDouble := func(v *value.Vector) value.Value {
		xs, err := funcs.DoublesOf("test", v)
		require.NoError(t, err)
		return value.NewDoubles(xs)
	}
	for _, name := range []string{"mwsum", "mwavg", "mcovar", "mcorr", "mbeta", "tmwsum", "tmwavg", "tmcovar", "tmcorr", "tmbeta"} {
		spec, ok := funcs.Lookup(name)
		require.True(t, ok, name)
		for _, xy := range [][2]*value.Vector{{x32, y32}, {x64, y64}} {
			for _, w := range []int32{1, 3, 40} {
				args := func(x, y value.Value) []value.Value {
					if name[0] == 't' {
						return []value.Value{&value.Vector{T: value.Timestamp, I64: ts}, x, y, value.NewInt(w)}
					}
					return []value.Value{x, y, value.NewInt(w), value.NewInt(2)}
				}
				want, err := spec.Fn(nil, args(asDouble(xy[0]), asDouble(xy[1])))
				require.NoError(t, err, name)
				got, err := spec.Fn(nil, args(xy[0], xy[1]))
				require.NoError(t, err, name)
				sameBits(t, want.(*value.Vector).F64, got.(*value.Vector).F64, name, xy[0].T, w)
			}
		}
	}
}
