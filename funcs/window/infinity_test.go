package window

import (
	"fmt"
	"math"
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// seriesWithInfinities is n small integers with a NULL about every sixth
// row and an infinity, +Inf or -Inf, about every 1/infEvery rows.
func seriesWithInfinities(rng *rand.Rand, n, infEvery int) []float64 {
	xs := make([]float64, n)
	for i := range xs {
		switch r := rng.Intn(infEvery); {
		case r == 0:
			xs[i] = math.Inf(1)
		case r == 1:
			xs[i] = math.Inf(-1)
		case r < 2+infEvery/6:
			xs[i] = value.NullFloat64
		default:
			xs[i] = float64(rng.Intn(21) - 10)
		}
	}
	return xs
}

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

// sameResult says a kernel's result agrees with a fresh computation's:
// both NULL, both NaN, the same infinity, or within rounding.
func sameResult(t *testing.T, want, got float64, msg string) {
	t.Helper()
	switch {
	case want != want || got != got:
		require.True(t, want != want && got != got, "%s: want %v, got %v", msg, want, got)
	case math.IsInf(want, 0) || math.IsInf(got, 0) || funcs.IsNullF(want) || funcs.IsNullF(got):
		require.Equal(t, want, got, msg)
	default:
		require.InDelta(t, want, got, 1e-9*max(1, math.Abs(want)), msg)
	}
}

// freshMoment is a statistic computed afresh, in IEEE arithmetic, from
// its mean and the deviations from it: a frame holding an infinity has
// an infinite (or NaN) mean, and deviations inf - inf.
func freshMoment(name string, v []float64) float64 {
	n := float64(len(v))
	s := 0.0
	for _, x := range v {
		s += x
	}
	m := s / n
	var m2, m3, m4, sq float64
	for _, x := range v {
		d := x - m
		m2, m3, m4, sq = m2+d*d, m3+d*d*d, m4+d*d*d*d, sq+x*x
	}
	ddof, root := 0.0, false
	switch name {
	case "sum":
		return s
	case "sum2":
		return sq
	case "avg":
		return m
	case "var":
		ddof = 1
	case "std":
		ddof, root = 1, true
	case "stdp":
		root = true
	case "skew":
		if m2 == 0 {
			return math.NaN()
		}
		return (m3 / n) / math.Pow(m2/n, 1.5)
	case "kurtosis":
		if n < 3 || m2 == 0 {
			return math.NaN()
		}
		return (m4 / n) / (m2 / n * m2 / n)
	}
	if n <= ddof {
		return math.NaN()
	}
	if root {
		return math.Sqrt(m2 / (n - ddof))
	}
	return m2 / (n - ddof)
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
		"skew": kSkew, "kurtosis": kKurt,
	}
	for _, infEvery := range []int{12, 60} {
		xs := seriesWithInfinities(rng, 400, infEvery)
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
						want = freshMoment(name, vals)
					}
					sameResult(t, want, got[i], fmt.Sprintf("m%s %s inf every %d row %d %v", name, fname, infEvery, i, vals))
				}
			}
		}
	}
}

// freshPair is a two-series statistic computed afresh in IEEE arithmetic
// over the pairs (x, y) of a frame.
func freshPair(name string, xs, ys []float64) float64 {
	n := float64(len(xs))
	var sx, sy, sxy float64
	for i := range xs {
		sx, sy, sxy = sx+xs[i], sy+ys[i], sxy+xs[i]*ys[i]
	}
	switch name {
	case "wsum":
		return sxy
	case "wavg":
		return sxy / sy
	}
	mx, my := sx/n, sy/n
	var cxy, cxx, cyy float64
	for i := range xs {
		dx, dy := xs[i]-mx, ys[i]-my
		cxy, cxx, cyy = cxy+dx*dy, cxx+dx*dx, cyy+dy*dy
	}
	switch name {
	case "covar":
		if n < 2 {
			return math.NaN()
		}
		return cxy / (n - 1)
	case "corr":
		if n < 2 || cxx == 0 || cyy == 0 {
			return math.NaN()
		}
		return cxy / math.Sqrt(cxx*cyy)
	case "beta":
		if n < 2 || cyy == 0 {
			return math.NaN()
		}
		return cxy / cyy
	case "slope":
		if n < 2 || cxx == 0 {
			return value.NullFloat64
		}
		return cxy / cxx
	}
	panic(name)
}

// TestPairKernelsAroundInfinities: every row of the sliding pair kernels
// (mwsum, mwavg, mcovar, mcorr, mbeta and mslr's fit) is what a fresh
// computation over its frame's pairs gives, around and after infinities
// in either series.
func TestPairKernelsAroundInfinities(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	kernels := map[string]pairLoop{"wsum": kWsum, "wavg": kWavg, "covar": kCovar, "corr": kCorr, "beta": kBeta}
	for _, infEvery := range []int{15, 80} {
		xs := seriesWithInfinities(rng, 400, infEvery)
		ys := seriesWithInfinities(rng, 400, infEvery)
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
						want = freshPair(name, fx, fy)
					}
					sameResult(t, want, got[i], fmt.Sprintf("m%s %s inf every %d row %d %v %v", name, fname, infEvery, i, fx, fy))
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
					if s := freshPair("slope", fx, fy); s-s == 0 {
						want = s
					}
				}
				sameResult(t, want, slopes[i], fmt.Sprintf("mslr %s inf every %d row %d", fname, infEvery, i))
			}
		}
	}
}

// TestInfiniteResultsStay: a moving statistic's infinity stays where its
// window holds one, as sum and avg of the window give; one of finite
// values (an overflow) is NULL as before.
func TestInfiniteResultsStay(t *testing.T) {
	inf := math.Inf(1)
	cases := []struct {
		xs   []float64
		want []float64
	}{
		{[]float64{1, 2, inf, 3, 4, 5, 6}, []float64{value.NullFloat64, 3, inf, inf, 7, 9, 11}},
		{[]float64{1, -inf, inf, 3, 4}, []float64{value.NullFloat64, -inf, value.NullFloat64, inf, 7}},
		{[]float64{1e308, 1e308}, []float64{value.NullFloat64, value.NullFloat64}},
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
			want = freshPair("wsum", xs[f.lo[i]:i+1], ys[f.lo[i]:i+1])
		}
		sameResult(t, want, got[i], fmt.Sprintf("row %d", i))
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
			want = freshMoment("var", vals)
		}
		sameResult(t, want, got[i], fmt.Sprintf("row %d %v", i, vals))
	}
}
