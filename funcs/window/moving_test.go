package window

import (
	"math"
	"math/rand"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/stats"
	"github.com/porpoisedb/porpoise/value"
)

// naiveWindow recomputes a statistic from scratch for each window: the
// reference the sliding kernels (running sums, deques) must agree with.
func naiveWindow(xs []float64, w, minP int, stat func([]float64) (float64, bool)) []float64 {
	lead, minCount := w-1, 1
	if minP > 0 {
		lead, minCount = minP-1, minP
	}
	out := make([]float64, len(xs))
	for i := range xs {
		var vals []float64
		for _, x := range xs[max(0, i-w+1) : i+1] {
			if !funcs.IsNullF(x) {
				vals = append(vals, x)
			}
		}
		out[i] = value.NullFloat64
		if i < lead || len(vals) < minCount || len(vals) == 0 {
			continue
		}
		if r, ok := stat(vals); ok && r == r {
			out[i] = r
		}
	}
	return out
}

func TestMovingKernelsMatchNaive(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	xs := make([]float64, 300)
	for i := range xs {
		if rng.Intn(5) == 0 {
			xs[i] = value.NullFloat64
		} else {
			xs[i] = float64(rng.Intn(200) - 100)
		}
	}
	sum := func(v []float64) (float64, bool) {
		s := 0.0
		for _, x := range v {
			s += x
		}
		return s, true
	}
	cases := []struct {
		name  string
		k     kernel
		stat  func([]float64) (float64, bool)
		picks pickKernel
	}{
		{name: "msum", k: kSum, stat: sum},
		{name: "mavg", k: kAvg, stat: func(v []float64) (float64, bool) { s, _ := sum(v); return s / float64(len(v)), true }},
		{name: "mvar", k: kVar, stat: func(v []float64) (float64, bool) { return stats.Variance(v, 1) }},
		{name: "mstdp", k: kStdp, stat: func(v []float64) (float64, bool) { r, ok := stats.Variance(v, 0); return math.Sqrt(r), ok }},
		{name: "mmed", k: kMed, stat: func(v []float64) (float64, bool) {
			s := append([]float64(nil), v...)
			sort.Float64s(s)
			return stats.Median(s), true
		}},
		{name: "mmax", picks: pickExtreme(1), stat: func(v []float64) (float64, bool) {
			m := v[0]
			for _, x := range v {
				m = math.Max(m, x)
			}
			return m, true
		}},
		{name: "mmin", picks: pickExtreme(-1), stat: func(v []float64) (float64, bool) {
			m := v[0]
			for _, x := range v {
				m = math.Min(m, x)
			}
			return m, true
		}},
	}
	for _, c := range cases {
		for _, w := range []int{2, 3, 7, 50} {
			for _, minP := range []int{0, 1, 2} {
				want := naiveWindow(xs, w, minP, c.stat)
				f := countFrames(len(xs), w, minP)
				got := make([]float64, len(xs))
				if c.picks != nil {
					idx := c.picks(value.NewDoubles(xs), f)
					for i, j := range idx {
						got[i] = value.NullFloat64
						if j >= 0 {
							got[i] = xs[j]
						}
					}
				} else {
					c.k(xs, f, got)
				}
				for i := range want {
					if funcs.IsNullF(want[i]) || funcs.IsNullF(got[i]) {
						require.Equal(t, funcs.IsNullF(want[i]), funcs.IsNullF(got[i]), "%s w=%d minPeriods=%d row %d", c.name, w, minP, i)
						continue
					}
					require.InDelta(t, want[i], got[i], 1e-6, "%s w=%d minPeriods=%d row %d", c.name, w, minP, i)
				}
			}
		}
	}
}

func TestTimeFramesAreHalfOpen(t *testing.T) {
	// Rows j <= i with T[j] > T[i]-w (the "tmsum" page's example).
	f := timeFrames([]int64{1, 1, 3, 5, 8, 15, 15, 20}, 3)
	require.Equal(t, []int{0, 0, 0, 2, 4, 5, 5, 7}, f.lo)
}

// TestPairSumsMatchNaive checks the sliding pair sums (mcovar's kernel and
// mslr's fit) against sums recomputed for each window.
func TestPairSumsMatchNaive(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	n := 600
	xs, ys := make([]float64, n), make([]float64, n)
	for i := range xs {
		xs[i], ys[i] = float64(rng.Intn(200)-100), float64(rng.Intn(50))
		switch rng.Intn(6) {
		case 0:
			xs[i] = value.NullFloat64
		case 1:
			ys[i] = value.NullFloat64
		}
	}
	for _, w := range []int{2, 7, 50, 259} {
		for _, minP := range []int{0, 1, 3} {
			f := countFrames(n, w, minP)
			covar := make([]float64, n)
			pairKernel((*stats.PairSums).Covar)(xs, ys, f, covar)
			fit, err := mRegression("mslr", []value.Value{value.NewDoubles(ys), value.NewDoubles(xs), value.NewInt(int32(w)), value.NewInt(int32(max(minP, 1)))})
			require.NoError(t, err)
			slopes := fit.(*value.Vector).Any[1].(*value.Vector).F64
			fitFrames := countFrames(n, w, max(minP, 1))
			for i := range n {
				var p stats.PairSums
				for j := f.lo[i]; j <= i; j++ {
					if !funcs.IsNullF(xs[j]) && !funcs.IsNullF(ys[j]) {
						p.Add(xs[j], ys[j])
					}
				}
				want := value.NullFloat64
				if f.ready[i] && p.N >= float64(f.minCount) && p.N > 0 {
					if c := p.Covar(); c == c {
						want = c
					}
				}
				got := covar[i]
				if got != got {
					got = value.NullFloat64
				}
				if funcs.IsNullF(want) {
					require.True(t, funcs.IsNullF(got), "mcovar w=%d minPeriods=%d row %d: %v", w, minP, i, got)
				} else {
					require.InDelta(t, want, got, 1e-6, "mcovar w=%d minPeriods=%d row %d", w, minP, i)
				}
				wantSlope := value.NullFloat64
				if vx := p.Sxx - p.Sx*p.Sx/p.N; fitFrames.ready[i] && p.N >= float64(fitFrames.minCount) && p.N >= 2 && vx != 0 {
					wantSlope = (p.Sxy - p.Sx*p.Sy/p.N) / vx
				}
				if funcs.IsNullF(wantSlope) {
					require.True(t, funcs.IsNullF(slopes[i]), "mslr w=%d minPeriods=%d row %d: %v", w, minP, i, slopes[i])
				} else {
					require.InDelta(t, wantSlope, slopes[i], 1e-6, "mslr w=%d minPeriods=%d row %d", w, minP, i)
				}
			}
		}
	}
}
