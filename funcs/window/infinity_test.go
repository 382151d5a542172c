package window

import (
	"fmt"
	"math"
	"math/rand"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/stats"
	"github.com/porpoisedb/porpoise/internal/freshstat"
	"github.com/porpoisedb/porpoise/value"
)

// testFrames are count windows (with and without minPeriods) and time
// windows over n rows.
func testFrames(rng *rand.Rand, n int) map[string]*frames {
	fs := map[string]*frames{}
	for _, w := range []int{2, 3, 7, 30} {
		for _, minP := range []int{0, 2} {
			fs[fmt.Sprintf("w=%d minPeriods=%d", w, minP)] = countFrames(n, w, minP)
		}
	}
	ts := make([]int64, n)
	for i := 1; i < n; i++ {
		ts[i] = ts[i-1] + int64(rng.Intn(3))
	}
	fs["time w=5"] = timeFrames(ts, 5)
	return fs
}

// TestMomentKernelsAroundInfinities: every row of the sliding moment
// kernels is what a fresh computation over its frame gives, while the
// frame holds an infinity (inf, -inf, or NaN for +Inf with -Inf and for
// the central moments) and after the infinities have left it (they left
// NaN in the running sums, and every later row NULL).
func TestMomentKernelsAroundInfinities(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	kernels := map[string]kernel{
		"sum": kSum, "sum2": kSum2, "avg": kAvg, "var": kVar, "varp": kVarp, "std": kStd, "stdp": kStdp,
		"skew": kSkew, "kurtosis": kKurt, "unbiased skew": kMoment("skew", false), "unbiased kurtosis": kMoment("kurtosis", false),
	}
	for _, infEvery := range []int{12, 60} {
		xs := freshstat.Series(rng, 400, infEvery)
		for fname, f := range testFrames(rng, len(xs)) {
			for name, k := range kernels {
				got := make([]float64, len(xs))
				k(xs, f, got)
				for i := range xs {
					var vals []float64
					for _, x := range xs[f.lo[i] : i+1] {
						if !funcs.IsNullF(x) {
							vals = append(vals, x)
						}
					}
					want := value.NullFloat64
					if f.ready[i] && len(vals) >= f.minCount && len(vals) > 0 {
						want = freshUnbiased(name, vals)
					}
					freshstat.Agrees(t, want, got[i], fmt.Sprintf("m%s %s inf every %d row %d %v", name, fname, infEvery, i, vals))
				}
			}
		}
	}
}

// freshUnbiased is freshstat.Moment, or for "unbiased skew" and
// "unbiased kurtosis" the sample estimate corrected from it (NaN where
// DolphinDB gives NULL).
func freshUnbiased(name string, vals []float64) float64 {
	which, ok := strings.CutPrefix(name, "unbiased ")
	g := freshstat.Moment(which, vals)
	if !ok || g != g {
		return g
	}
	if u, ok := stats.Unbiased(g, float64(len(vals)), which); ok {
		return u
	}
	return math.NaN()
}

// TestPairKernelsAroundInfinities: every row of the sliding pair kernels
// (mwsum, mwavg, mcovar, mcorr, mbeta and mslr's fit) is what a fresh
// computation over its frame's pairs gives, around and after infinities
// in either series.
func TestPairKernelsAroundInfinities(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	kernels := map[string]pairLoop{"wsum": kWsum, "wavg": kWavg, "covar": kCovar, "corr": kCorr, "beta": kBeta}
	for _, infEvery := range []int{15, 80} {
		xs := freshstat.Series(rng, 400, infEvery)
		ys := freshstat.Series(rng, 400, infEvery)
		for fname, f := range testFrames(rng, len(xs)) {
			frame := func(i int) (fx, fy []float64) {
				for j := f.lo[i]; j <= i; j++ {
					if !funcs.IsNullF(xs[j]) && !funcs.IsNullF(ys[j]) {
						fx, fy = append(fx, xs[j]), append(fy, ys[j])
					}
				}
				return fx, fy
			}
			for name, k := range kernels {
				got := make([]float64, len(xs))
				k(xs, ys, f, got)
				for i := range xs {
					fx, fy := frame(i)
					want := value.NullFloat64
					if f.ready[i] && len(fx) >= f.minCount && len(fx) > 0 {
						want = freshstat.Pair(name, fx, fy)
					}
					freshstat.Agrees(t, want, got[i], fmt.Sprintf("m%s %s inf every %d row %d %v %v", name, fname, infEvery, i, fx, fy))
				}
			}
			if fname[0] == 't' {
				continue // mslr takes count windows only
			}
			// mslr(Y, X): the slope of Y on X, NULL where it is not finite
			var w, minP int
			_, err := fmt.Sscanf(fname, "w=%d minPeriods=%d", &w, &minP)
			require.NoError(t, err)
			fit, err := mRegression("mslr", []value.Value{value.NewDoubles(ys), value.NewDoubles(xs), value.NewInt(int32(w)), value.NewInt(int32(max(minP, 1)))})
			require.NoError(t, err)
			slopes := fit.(*value.Vector).Any[1].(*value.Vector).F64
			ff := countFrames(len(xs), w, max(minP, 1))
			for i := range xs {
				fx, fy := frame(i)
				want := value.NullFloat64
				if ff.ready[i] && len(fx) >= ff.minCount {
					if s := freshstat.Pair("slope", fx, fy); s-s == 0 {
						want = s
					}
				}
				freshstat.Agrees(t, want, slopes[i], fmt.Sprintf("mslr %s inf every %d row %d", fname, infEvery, i))
			}
		}
	}
}

// TestInfiniteResultsStay: a moving sum's infinity stays where its
// window holds one, as sum and avg of the window give, and where its
// finite values overflow (1e308 + 1e308 is inf, as a fresh sum of them
// is; it was NULL, and every later row too).
func TestInfiniteResultsStay(t *testing.T) {
	inf := math.Inf(1)
	cases := []struct {
		xs   []float64
		want []float64
	}{
		{[]float64{1, 2, inf, 3, 4, 5, 6}, []float64{value.NullFloat64, 3, inf, inf, 7, 9, 11}},
		{[]float64{1, -inf, inf, 3, 4}, []float64{value.NullFloat64, -inf, value.NullFloat64, inf, 7}},
		{[]float64{1e308, 1e308}, []float64{value.NullFloat64, inf}},
		{[]float64{1, 1e308, 1e308, 3, 4, 5}, []float64{value.NullFloat64, 1e308, inf, 1e308, 7, 9}},
	}
	for _, c := range cases {
		r, err := runKernel("msum", value.NewDoubles(c.xs), countFrames(len(c.xs), 2, 0), kSum)
		require.NoError(t, err)
		require.Equal(t, c.want, r.F64, "%v", c.xs)
	}
}

// TestPairInfinityOutlivesRebase: an infinity in y that has left the
// window leaves the sums NaN, and a flat run of x then rebases them from
// the frame; the rebased sums must still say an infinity went through,
// or the rows that held it keep the fast loop's NaN (3 * inf as offsets
// from 3 is 0 * inf) where wsum is inf.
func TestPairInfinityOutlivesRebase(t *testing.T) {
	inf := math.Inf(1)
	xs := []float64{3, 3, 9, 4, 4, 4, 4, 4}
	ys := []float64{5, inf, 7, 8, 9, 10, 11, 12}
	f := countFrames(len(xs), 3, 0)
	got := make([]float64, len(xs))
	kWsum(xs, ys, f, got)
	for i := range xs {
		want := value.NullFloat64
		if f.ready[i] {
			want = freshstat.Pair("wsum", xs[f.lo[i]:i+1], ys[f.lo[i]:i+1])
		}
		freshstat.Agrees(t, want, got[i], fmt.Sprintf("row %d", i))
	}
}

// TestMomentInfinityOutlivesReset: an infinity that has left the window
// leaves the centred sums NaN, and a window of NULLs then empties them;
// the emptied sums must still say an infinity went through, or the rows
// after it keep the fast loop's NaN (row 4, of 2 and 3 alone, is 0.5).
func TestMomentInfinityOutlivesReset(t *testing.T) {
	null := value.NullFloat64
	xs := []float64{1, math.Inf(1), 2, 3, null, null, null, 5, 6}
	f := countFrames(len(xs), 3, 1)
	got := make([]float64, len(xs))
	kVar(xs, f, got)
	for i := range xs {
		var vals []float64
		for _, x := range xs[f.lo[i] : i+1] {
			if x != null {
				vals = append(vals, x)
			}
		}
		want := null
		if len(vals) > 0 {
			want = freshstat.Moment("var", vals)
		}
		freshstat.Agrees(t, want, got[i], fmt.Sprintf("row %d %v", i, vals))
	}
}

// TestSumsAroundHugeValues: every row of the moving sums (sum, sum2, avg)
// over series with huge finite values (±1e308), infinities and NULLs is
// the IEEE sum of its frame's values in order, as a fresh computation
// gives: inf where 1e308 + 1e308 overflows, and the finite sums again
// once the huge values have left (the overflowed sums stayed inf or NaN
// for good, and 1e308 had absorbed the small values beside it, so that
// 3 + 1e308 - 1e308 left 0). The central moments agree on every row whose
// frame holds no huge value (a fresh two-pass computation over one
// squares deviations from an overflowed mean).
func TestSumsAroundHugeValues(t *testing.T) {
	rng := rand.New(rand.NewSource(17))
	kernels := map[string]kernel{
		"sum": kSum, "sum2": kSum2, "avg": kAvg, "var": kVar, "std": kStd, "skew": kSkew, "kurtosis": kKurt,
	}
	plain := map[string]bool{"sum": true, "sum2": true, "avg": true}
	for _, infEvery := range []int{15, 1000} {
		for _, hugeEvery := range []int{4, 30} {
			xs := freshstat.WithHuge(rng, freshstat.Series(rng, 400, infEvery), hugeEvery)
			for fname, f := range testFrames(rng, len(xs)) {
				for name, k := range kernels {
					got := make([]float64, len(xs))
					k(xs, f, got)
				rows:
					for i := range xs {
						var vals []float64
						for _, x := range xs[f.lo[i] : i+1] {
							if !plain[name] && math.Abs(x) == 1e308 {
								continue rows
							}
							if !funcs.IsNullF(x) {
								vals = append(vals, x)
							}
						}
						want := value.NullFloat64
						if f.ready[i] && len(vals) >= f.minCount && len(vals) > 0 {
							want = freshstat.Moment(name, vals)
						}
						freshstat.Agrees(t, want, got[i], fmt.Sprintf("m%s %s inf every %d huge every %d row %d %v", name, fname, infEvery, hugeEvery, i, vals))
					}
				}
			}
		}
	}
}

// TestPairKernelsAfterOverflow: huge finite values (±1e308) overflow the
// pair sums (their squares and products are inf, and inf - inf once they
// leave); every row whose frame no longer holds one is what a fresh
// computation over its pairs gives (they stayed NaN, every later row
// NULL, where neither series had an infinity to send the column to the
// slow loop).
func TestPairKernelsAfterOverflow(t *testing.T) {
	rng := rand.New(rand.NewSource(23))
	kernels := map[string]pairLoop{"wsum": kWsum, "wavg": kWavg, "covar": kCovar, "corr": kCorr, "beta": kBeta}
	for _, infEvery := range []int{20, 100000} {
		xs := freshstat.WithHuge(rng, freshstat.Series(rng, 400, infEvery), 30)
		ys := freshstat.WithHuge(rng, freshstat.Series(rng, 400, infEvery), 60)
		for fname, f := range testFrames(rng, len(xs)) {
			for name, k := range kernels {
				got := make([]float64, len(xs))
				k(xs, ys, f, got)
			rows:
				for i := range xs {
					var fx, fy []float64
					for j := f.lo[i]; j <= i; j++ {
						if math.Abs(xs[j]) == 1e308 || math.Abs(ys[j]) == 1e308 {
							continue rows
						}
						if !funcs.IsNullF(xs[j]) && !funcs.IsNullF(ys[j]) {
							fx, fy = append(fx, xs[j]), append(fy, ys[j])
						}
					}
					want := value.NullFloat64
					if f.ready[i] && len(fx) >= f.minCount && len(fx) > 0 {
						want = freshstat.Pair(name, fx, fy)
					}
					freshstat.Agrees(t, want, got[i], fmt.Sprintf("m%s %s inf every %d row %d %v %v", name, fname, infEvery, i, fx, fy))
				}
			}
		}
	}
}
