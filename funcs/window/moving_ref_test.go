package window

import (
	"math"
	"sort"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/stats"
	"github.com/porpoisedb/porpoise/internal/freshstat"
	"github.com/porpoisedb/porpoise/value"
)

// The references the moving kernels are checked against: each frame's
// values gathered from the frames' lo and ready, and the statistic
// computed afresh over them (sorted for the order statistics, from the
// mean and the deviations from it for the sums: freshstat), the results
// made NULL after them (refRows, refPairRows).

type refKernel func(xs []float64, f *frames, out []float64)

type refPairLoop func(xs, ys []float64, f *frames, out []float64)

var (
	refKMed = refWindowKernel(func(v []float64) float64 { sort.Float64s(v); return stats.Median(v) })
	// mmad's useMedian statistic, as it was
	refKMadMedian = refWindowKernel(func(v []float64) float64 {
		sort.Float64s(v)
		m := stats.Median(v)
		for i, x := range v {
			v[i] = math.Abs(x - m)
		}
		sort.Float64s(v)
		return stats.Median(v)
	})
)

// refKPercentile is mpercentile's statistic as it was: each frame
// sorted.
func refKPercentile(q float64, method string) refKernel {
	return refWindowKernel(func(v []float64) float64 { sort.Float64s(v); return stats.QuantileSorted(v, q, method) })
}

// refRows is kernelRows as it was: the kernel, then NULL for NaN (the
// plain sums) or for the non-finite results of frames without an
// infinity.
func refRows(fn string, xs []float64, f *frames, k refKernel) []float64 {
	out := make([]float64, len(xs))
	k(xs, f, out)
	if plainSums[fn] {
		funcs.NullNaN(out)
	} else {
		stats.NullNonFinite(out, xs, nil, f.lo)
	}
	return out
}

// refPairRows is the pair statistics' column as it was.
func refPairRows(xs, ys []float64, f *frames, k refPairLoop) []float64 {
	out := make([]float64, len(xs))
	k(xs, ys, f, out)
	stats.NullNonFinite(out, xs, ys, f.lo)
	return out
}

func refWindowKernel(g func(vals []float64) float64) refKernel {
	return func(xs []float64, f *frames, out []float64) {
		buf := make([]float64, 0, 16)
		for i := range xs {
			buf = buf[:0]
			for _, y := range xs[f.lo[i] : i+1] {
				if !funcs.IsNullF(y) {
					buf = append(buf, y)
				}
			}
			if !f.ready[i] || len(buf) < f.minCount || len(buf) == 0 {
				out[i] = value.NullFloat64
				continue
			}
			out[i] = g(buf)
		}
	}
}

// refMoment is the sum family's statistic name (freshstat.Moment's: sum,
// sum2, avg, var, varp, std, stdp) of each frame computed afresh.
func refMoment(name string) refKernel {
	return refWindowKernel(func(v []float64) float64 { return freshstat.Moment(name, v) })
}

// refPair is the pair statistic name (freshstat.Pair's: wsum, wavg,
// covar, corr, beta) of each frame's pairs with neither side NULL,
// computed afresh.
func refPair(name string) refPairLoop {
	return func(xs, ys []float64, f *frames, out []float64) {
		var fx, fy []float64
		for i := range xs {
			fx, fy = fx[:0], fy[:0]
			for j := f.lo[i]; j <= i; j++ {
				if !funcs.IsNullF(xs[j]) && !funcs.IsNullF(ys[j]) {
					fx, fy = append(fx, xs[j]), append(fy, ys[j])
				}
			}
			if !f.ready[i] || len(fx) < f.minCount || len(fx) == 0 {
				out[i] = value.NullFloat64
				continue
			}
			out[i] = freshstat.Pair(name, fx, fy)
		}
	}
}
