package window

import (
	"math"
	"sort"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/stats"
	"github.com/porpoisedb/porpoise/value"
)

// The sum family's loops as they were before they found their frames as
// they go and made their own results NULL (branch perfmoving), kept as the
// reference the fast loops must agree with bit for bit: they read the
// frames' lo and ready, and their callers made the results NULL after
// them (refRows, refPairRows).

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
	refKWsum  = refPairStat(refWsumRows, (*stats.PairSums).SumXY, stats.WsumOver)
	refKWavg  = refPairStat(refWavgRows, wavg, stats.WavgOver)
	refKCovar = refPairStat(refCovarRows, (*stats.PairSums).Covar, stats.NaNOver)
	refKCorr  = refPairStat(refCorrRows, (*stats.PairSums).Corr, stats.NaNOver)
	refKBeta  = refPairStat(refBetaRows, (*stats.PairSums).Beta, stats.NaNOver)
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

func refSlideMoments(xs []float64, f *frames, out []float64, centred bool, power int) func(stat func(n, s1, s2, s3, s4 float64) float64) (infinities bool) {
	return func(stat func(n, s1, s2, s3, s4 float64) float64) bool {
		// the frames in locals: out's stores might otherwise alias them,
		// and every row would reload them
		los, ready, minCount := f.lo[:len(xs)], f.ready[:len(xs)], max(float64(f.minCount), 1)
		out = out[:len(xs)]
		// e is the squares of the offsets added and removed since the
		// sums restarted
		var n, s1, s2, s3, s4, k, e float64
		lo, skipped := 0, false
		for i, x := range xs {
			if centred && present(x) || !centred && x > -hugeSum && x < hugeSum {
				if centred {
					// s1 - s1 and s2 - s2 keep an infinity's inf or NaN
					// (as NaN) for the test after the loop
					if n == 0 {
						s1, s2, s3, s4, k, e = s1-s1, s2-s2, 0, 0, x, 0
					}
					x -= k
				}
				x2 := x * x
				n, s1, s2, s3, s4, e = n+1, s1+x, s2+x2, s3+x2*x, s4+x2*x2, e+x2
			} else if !centred && present(x) {
				skipped = true
			}
			for ; lo < los[i]; lo++ {
				// (a value the test above skipped comes out of the sums
				// here, which the redone column does not mind)
				if y := xs[lo]; present(y) {
					if centred {
						y -= k
					}
					y2 := y * y
					n, s1, s2, s3, s4, e = n-1, s1-y, s2-y2, s3-y2*y, s4-y2*y2, e+y2
				}
			}
			// (never with the sums inf or NaN: the test is false then)
			if centred && drifted(n, s1, s2, e, true, power) {
				n, s1, s2, s3, s4, k, e = restartMoments(xs[lo:i+1], true, power)
			}
			if !ready[i] || n < minCount {
				out[i] = value.NullFloat64
				continue
			}
			out[i] = stat(n, s1, s2, s3, s4)
		}
		return skipped || s1-s1 != 0 || power == 2 && s2-s2 != 0
	}
}

func refSlideInfinities(xs []float64, f *frames, out []float64, centred bool, power int, stat func(n, s1, s2, s3, s4 float64) float64) {
	los, ready, minCount := f.lo[:len(xs)], f.ready[:len(xs)], max(float64(f.minCount), 1)
	out = out[:len(xs)]
	var n, s1, s2, s3, s4, k, e float64
	// the frame's +Inf values (low half) and -Inf values (high half)
	infs, lo := 0, 0
	for i, x := range xs {
		if stats.IsFinite(x) {
			if centred {
				if n == 0 {
					s1, s2, s3, s4, k, e = 0, 0, 0, 0, x, 0
				}
				x -= k
			}
			x2 := x * x
			n, s1, s2, s3, s4 = n+1, s1+x, s2+x2, s3+x2*x, s4+x2*x2
			e += magnitude(x, x2, centred, power)
		} else if x > value.NullFloat64 {
			infs++
		} else if x < value.NullFloat64 {
			infs += negInf
		}
		for ; lo < los[i]; lo++ {
			if y := xs[lo]; stats.IsFinite(y) {
				if centred {
					y -= k
				}
				y2 := y * y
				n, s1, s2, s3, s4 = n-1, s1-y, s2-y2, s3-y2*y, s4-y2*y2
				e += magnitude(y, y2, centred, power)
			} else if y > value.NullFloat64 {
				infs--
			} else if y < value.NullFloat64 {
				infs -= negInf
			}
		}
		if overflowed(s1, s2, power) || drifted(n, s1, s2, e, centred, power) {
			n, s1, s2, s3, s4, k, e = restartMoments(xs[lo:i+1], centred, power)
			if overflowed(s1, s2, power) {
				nn, t1, t2, t3, t4 := ieeeMoments(xs[lo:i+1], k)
				out[i] = value.NullFloat64
				if ready[i] && nn >= minCount {
					out[i] = stat(nn, t1, t2, t3, t4)
				}
				continue
			}
		}
		// a frame's infinities' odd powers add up to InfSum, their even
		// ones to +Inf (the refVariance of such a frame, inf - inf, is NaN
		// as a fresh computation's is)
		pos, neg := infs&(negInf-1), infs/negInf
		odd, even := stats.InfSum(pos, neg), 0.0
		if infs != 0 {
			even = math.Inf(1)
		}
		if nn := n + float64(pos+neg); ready[i] && nn >= minCount {
			out[i] = stat(nn, s1+odd, s2+even, s3+odd, s4+even)
		} else {
			out[i] = value.NullFloat64
		}
	}
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

func refKSum(xs []float64, f *frames, out []float64) {
	sum := func(_, s1, _, _, _ float64) float64 { return s1 }
	if refSlideMoments(xs, f, out, false, 1)(sum) {
		refSlideInfinities(xs, f, out, false, 1, sum)
	}
}

func refKSum2(xs []float64, f *frames, out []float64) {
	sum2 := func(_, _, s2, _, _ float64) float64 { return s2 }
	if refSlideMoments(xs, f, out, false, 2)(sum2) {
		refSlideInfinities(xs, f, out, false, 2, sum2)
	}
}

func refKAvg(xs []float64, f *frames, out []float64) {
	avg := func(n, s1, _, _, _ float64) float64 { return s1 / n }
	if refSlideMoments(xs, f, out, false, 1)(avg) {
		refSlideInfinities(xs, f, out, false, 1, avg)
	}
}

func refVariance(xs []float64, f *frames, out []float64, ddof float64, root bool) {
	v := func(n, s1, s2, _, _ float64) float64 {
		if n <= ddof {
			return math.NaN()
		}
		// math.Max(0, v) without its call (it does not inline on
		// amd64): NaN stays NaN, -0 becomes 0
		if v := (s2 - s1*s1/n) / (n - ddof); !(v <= 0) {
			if root {
				return math.Sqrt(v)
			}
			return v
		}
		return 0
	}
	if refSlideMoments(xs, f, out, true, 2)(v) {
		refSlideInfinities(xs, f, out, true, 2, v)
	}
}

func refKVar(xs []float64, f *frames, out []float64) { refVariance(xs, f, out, 1, false) }

func refKVarp(xs []float64, f *frames, out []float64) { refVariance(xs, f, out, 0, false) }

func refKStd(xs []float64, f *frames, out []float64) { refVariance(xs, f, out, 1, true) }

func refKStdp(xs []float64, f *frames, out []float64) { refVariance(xs, f, out, 0, true) }

func refPairKernel(g func(p *stats.PairSums) float64) func(xs, ys []float64, f *frames, out []float64) (infinities bool) {
	return func(xs, ys []float64, f *frames, out []float64) bool {
		return refSlidePairs(xs, ys, f)(func(i int, p *stats.PairSums, full bool) {
			if !full || p.N == 0 {
				out[i] = value.NullFloat64
				return
			}
			out[i] = g(p)
		})
	}
}

func refPairInfinities(xs, ys []float64, f *frames, out []float64, g func(p *stats.PairSums) float64, inf func(p *stats.PairSums, q *stats.InfPairs) float64) {
	refSlidePairInfinities(xs, ys, f, func(i int, p *stats.PairSums, q *stats.InfPairs, full bool) {
		switch {
		case !full || p.N == 0 && q.N == 0:
			out[i] = value.NullFloat64
		case q.N != 0:
			out[i] = inf(p, q)
		default:
			out[i] = g(p)
		}
	})
}

func refPairStat(rows func(xs, ys []float64, f *frames, out []float64) (infinities bool), g func(p *stats.PairSums) float64, inf func(p *stats.PairSums, q *stats.InfPairs) float64) refPairLoop {
	return func(xs, ys []float64, f *frames, out []float64) {
		if rows(xs, ys, f, out) {
			refPairInfinities(xs, ys, f, out, g, inf)
		}
	}
}

func refWsumRows(xs, ys []float64, f *frames, out []float64) bool {
	return refPairKernel((*stats.PairSums).SumXY)(xs, ys, f, out)
}

func refWavgRows(xs, ys []float64, f *frames, out []float64) bool {
	return refPairKernel(wavg)(xs, ys, f, out)
}

func refCovarRows(xs, ys []float64, f *frames, out []float64) bool {
	return refPairKernel((*stats.PairSums).Covar)(xs, ys, f, out)
}

func refCorrRows(xs, ys []float64, f *frames, out []float64) bool {
	return refPairKernel((*stats.PairSums).Corr)(xs, ys, f, out)
}

func refBetaRows(xs, ys []float64, f *frames, out []float64) bool {
	return refPairKernel((*stats.PairSums).Beta)(xs, ys, f, out)
}

func refSlidePairs(xs, ys []float64, f *frames) func(each func(i int, p *stats.PairSums, full bool)) (infinities bool) {
	return func(each func(i int, p *stats.PairSums, full bool)) bool {
		// The sums live in locals, which stay in registers, and are
		// handed to each in p: PairSums's own Add and Remove would keep
		// them in memory, as p escapes to each (twice the time).
		var p stats.PairSums
		var sx, sy, sxx, syy, sxy, kx, ky float64
		// ex and ey are the squares of the offsets added and removed
		// since the sums restarted (see drift)
		var ex, ey float64
		// the count in an integer register: the float registers are
		// short, and the compiler spills sums when they run out
		n := 0
		ys = ys[:len(xs)]
		// the frames in locals (see refSlideMoments)
		los, ready, minCount := f.lo[:len(xs)], f.ready[:len(xs)], f.minCount
		lo := 0
		for i, x := range xs {
			if y := ys[i]; present(x) && present(y) {
				// rounding may have left the emptied sums a hair off zero;
				// sx - sx keeps an infinity's inf or NaN (as NaN) for the
				// test after the loop, sxx - sxx an overflow's (1e200 *
				// 1e200)
				if n == 0 {
					sx, sy, sxx, syy, sxy, kx, ky, ex, ey = sx-sx, sy-sy, sxx-sxx, syy-syy, sxy-sxy, x, y, 0, 0
				}
				x, y = x-kx, y-ky
				x2, y2 := x*x, y*y
				n, sx, sy, sxx, syy, sxy, ex, ey = n+1, sx+x, sy+y, sxx+x2, syy+y2, sxy+x*y, ex+x2, ey+y2
			}
			for ; lo < los[i]; lo++ {
				if x, y := xs[lo], ys[lo]; present(x) && present(y) {
					x, y = x-kx, y-ky
					x2, y2 := x*x, y*y
					n, sx, sy, sxx, syy, sxy, ex, ey = n-1, sx-x, sy-y, sxx-x2, syy-y2, sxy-x*y, ex+x2, ey+y2
				}
			}
			fn := float64(n)
			// (with one series' sums inf or NaN, the other's test may
			// pass: the rebased sums keep it as NaN)
			if n >= 2 && (fn*sxx-sx*sx < drift*fn*ex || fn*syy-sy*sy < drift*fn*ey) {
				inf := sx - sx + (sy - sy) + (sxx - sxx) + (syy - syy) + (sxy - sxy)
				p.Rebase(xs[lo:i+1], ys[lo:i+1])
				sx, sy, sxx, syy, sxy, kx, ky = p.Sx+inf, p.Sy, p.Sxx, p.Syy, p.Sxy, p.Kx, p.Ky
				n, fn, ex, ey = int(p.N), p.N, sxx, syy
			}
			// field by field: a struct literal is copied in 16-byte moves
			// that cannot forward from the 8-byte stores building it
			p.N, p.Sx, p.Sy, p.Sxx, p.Syy, p.Sxy, p.Kx, p.Ky = fn, sx, sy, sxx, syy, sxy, kx, ky
			each(i, &p, ready[i] && n >= minCount)
		}
		// (sxx and syy are live for the drift test, sxy for every
		// statistic: testing them costs the loop nothing)
		return sx-sx != 0 || sy-sy != 0 || sxx-sxx != 0 || syy-syy != 0 || sxy-sxy != 0
	}
}

func refSlidePairInfinities(xs, ys []float64, f *frames, each func(i int, p *stats.PairSums, q *stats.InfPairs, full bool)) {
	var p stats.PairSums
	var q stats.InfPairs
	var sx, sy, sxx, syy, sxy, kx, ky, ex, ey float64
	n, lo := 0, 0
	for i, x := range xs {
		if y := ys[i]; stats.IsFinite(x) && stats.IsFinite(y) {
			if n == 0 {
				sx, sy, sxx, syy, sxy, kx, ky, ex, ey = 0, 0, 0, 0, 0, x, y, 0, 0
			}
			x, y = x-kx, y-ky
			x2, y2 := x*x, y*y
			n, sx, sy, sxx, syy, sxy, ex, ey = n+1, sx+x, sy+y, sxx+x2, syy+y2, sxy+x*y, ex+x2, ey+y2
		} else if present(x) && present(y) {
			q.Add(x, y, 1)
		}
		for ; lo < f.lo[i]; lo++ {
			if x, y := xs[lo], ys[lo]; stats.IsFinite(x) && stats.IsFinite(y) {
				x, y = x-kx, y-ky
				x2, y2 := x*x, y*y
				n, sx, sy, sxx, syy, sxy, ex, ey = n-1, sx-x, sy-y, sxx-x2, syy-y2, sxy-x*y, ex+x2, ey+y2
			} else if present(x) && present(y) {
				q.Add(x, y, -1)
			}
		}
		fn := float64(n)
		// finite pairs whose sums overflowed (1e200 * 1e200) left them
		// inf, and NaN once they left: the sums are taken afresh from
		// the frame (every row, while they still overflow)
		if n >= 2 && (fn*sxx-sx*sx < drift*fn*ex || fn*syy-sy*sy < drift*fn*ey) ||
			sx-sx+(sy-sy)+(sxx-sxx)+(syy-syy)+(sxy-sxy) != 0 {
			p.Rebase(xs[lo:i+1], ys[lo:i+1])
			sx, sy, sxx, syy, sxy, kx, ky = p.Sx, p.Sy, p.Sxx, p.Syy, p.Sxy, p.Kx, p.Ky
			n, fn, ex, ey = int(p.N), p.N, sxx, syy
		}
		p = stats.PairSums{N: fn, Sx: sx, Sy: sy, Sxx: sxx, Syy: syy, Sxy: sxy, Kx: kx, Ky: ky}
		each(i, &p, &q, f.ready[i] && n+q.N >= f.minCount)
	}
}
