package window

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/exactkey"
	"github.com/porpoisedb/porpoise/funcs/higherorder"
	"github.com/porpoisedb/porpoise/funcs/stats"
	"github.com/porpoisedb/porpoise/funcs/window/orderstat"
	"github.com/porpoisedb/porpoise/value"
)

// frames are the sliding windows of a moving function: row i covers rows
// lo[i]..i; ready[i] is false for the leading rows that are NULL whatever
// the data (the first window-1, or minPeriods-1, rows of a count window:
// the rows before lead); minCount is the fewest non-NULL values a window
// needs; width is a count window's row count (0 for other windows).
//
// The sum family's loops (slideSums, slideMoments, slidePairs,
// windowKernel) take frames without lo and ready (countSpan, timeSpan),
// n rows long: they find each row's start from width, or from ts and
// span (a time window's rows j <= i with ts[j] > ts[i]-span), as they go
// (see fill and frameStart), and a row is ready from lead on; the slices
// cost 9 bytes a row written and read again, a third of a moving sum's
// time. The other loops read lo and ready (materialize).
type frames struct {
	lo       []int
	ready    []bool
	minCount int
	width    int
	lead     int
	n        int
	ts       []int64
	span     int64
}

// countSpan are windows of the last w of n rows (the "mFunctions"
// rules), without lo and ready.
func countSpan(n, w, minPeriods int) *frames {
	f := &frames{minCount: 1, width: w, lead: w - 1, n: n}
	if minPeriods > 0 {
		f.lead, f.minCount = minPeriods-1, minPeriods
	}
	return f
}

// countFrames are countSpan's windows with lo and ready.
func countFrames(n, w, minPeriods int) *frames {
	return countSpan(n, w, minPeriods).materialize()
}

// timeSpan are windows of the rows j <= i with T[j] > T[i]-w (the
// "tmFunctions" rules), without lo and ready; T must be ascending.
func timeSpan(ts []int64, w int64) *frames {
	return &frames{minCount: 1, n: len(ts), ts: ts, span: w}
}

// timeFrames are timeSpan's windows with lo and ready.
func timeFrames(ts []int64, w int64) *frames { return timeSpan(ts, w).materialize() }

// materialize fills in lo and ready (once) and returns f.
func (f *frames) materialize() *frames {
	if f.lo == nil {
		f.lo, f.ready = f.starts(), make([]bool, f.n)
		for i := f.lead; i < f.n; i++ {
			f.ready[i] = true
		}
	}
	return f
}

// sparse says whether the first rows of xs hold few values the plain
// sums do not take (NULL, NaN, beyond hugeSum): a branch on them then
// mispredicts seldom, and costs less than masking every value off.
func sparse[T number](xs []T) bool {
	null, missing := nullOf[T](), 0
	for _, t := range xs[:min(len(xs), 1024)] {
		if t == null || !(math.Abs(float64(t)) < hugeSum) {
			missing++
		}
	}
	return missing*32 <= min(len(xs), 1024)
}

// counted says whether f is a count window without lo and ready.
func (f *frames) counted() bool { return f.lo == nil && f.ts == nil }

// rows is the number of rows f covers.
func (f *frames) rows() int {
	if f.lo != nil {
		return len(f.lo)
	}
	return f.n
}

// starts is each row's frame start: lo, or lo as it would be.
func (f *frames) starts() []int {
	if f.lo != nil {
		return f.lo
	}
	lo, l := make([]int, f.n), 0
	for i := range lo {
		l = frameStart(nil, f.ts, f.span, f.width, i, l)
		lo[i] = max(0, l)
	}
	return lo
}

// frameStart is row i's frame start, lo the previous row's (or less): los's
// when given, else the first row after lo within span of ts[i], else
// i-w+1 (negative for the first rows of a count window: nothing leaves
// before row w). Small enough to inline into the loops that call it
// every row with the frames' fields in locals.
func frameStart(los []int, ts []int64, span int64, w, i, lo int) int {
	if los != nil {
		return los[i]
	}
	if ts != nil {
		for t := ts[i] - span; lo < i && ts[lo] <= t; {
			lo++
		}
		return lo
	}
	return i - w + 1
}

// batch is how many rows' frame starts the sliding loops find at a time
// (see fill).
const batch = 256

// fill is the frame starts of rows s..e-1, lo row s-1's (0 for row 0):
// f's own lo, or found into buf (batch long) as frameStart would. The
// sliding loops take their rows a batch at a time, the starts in a
// buffer the cache keeps: found one by one inside the loop, the three
// kinds of frames took registers the sums needed (1.5x the time).
func (f *frames) fill(s, e, lo int, buf []int) []int {
	if f.lo != nil {
		return f.lo[s:e]
	}
	buf = buf[:e-s]
	if ts := f.ts; ts != nil {
		for j := range buf {
			i := s + j
			for t := ts[i] - f.span; lo < i && ts[lo] <= t; {
				lo++
			}
			buf[j] = lo
		}
		return buf
	}
	for j := range buf {
		buf[j] = s + j - f.width + 1
	}
	return buf
}

// kernel computes out (DOUBLE, NULL where no result) over the frames;
// raw says out may hold NaN and infinite results, which the caller makes
// NULL where they are not one (see kernelRows).
type kernel func(xs []float64, f *frames, out []float64) (raw bool)

// slideMoments returns the loop that keeps the count and power sums of
// the non-NULL values of each frame (adding rows as they enter,
// subtracting them as they leave) for the central moments (variance,
// skew, kurtosis) and writes stat of them into out, NULL where the frame
// is not ready or holds fewer than minCount values.
//
// The sums are of the values' offsets from a value k of the frame: sums
// of the raw values leave the variance of a frame whose values barely
// vary far from zero as the difference of two nearly equal sums with no
// correct digit (mstd of 1000000.001, 1000000.002, ... came out ten
// times too large). Adding and removing values leaves rounding of the
// order of their squares in the sums, so when the centred sum of squares
// falls below drift times the squares added and removed since the sums
// restarted, they are recomputed from the frame (see drift for the
// cost).
//
// Like slidePairs, it returns the loop as a closure for the caller to
// call with its statistic as a func literal: the loop and the literal
// then inline into the caller as one loop, with no call per row (a
// statistic passed as a func value is an indirect call, which spills
// every sum to memory each row), and the sums the statistic does not
// read drop out of it (var and std keep two of the four).
//
// Infinities: the loop says whether one went into the sums (s1 and s2
// are inf or NaN from then on: inf - inf is NaN once it leaves, and the
// restarts keep it) or whether finite values overflowed them (1e200 *
// 1e200), and the caller then redoes the column with slideInfinities,
// which keeps the infinities out of the sums and takes drifted or
// overflowed sums afresh. The finite path pays one test a column.
func slideMoments[T number](xs []T, f *frames, out []float64) func(stat func(n, s1, s2, s3, s4 float64) float64) (infinities bool) {
	return func(stat func(n, s1, s2, s3, s4 float64) float64) bool {
		null := nullOf[T]()
		// the frames in locals: out's stores might otherwise alias them,
		// and every row would reload them
		lead, minCount := f.lead, max(float64(f.minCount), 1)
		out = out[:len(xs)]
		// e is the squares of the offsets added and removed since the
		// sums restarted
		var n, s1, s2, s3, s4, k, e float64
		var buf [batch]int
		lo := 0
		for s := 0; s < len(xs); s += batch {
			e0 := min(s+batch, len(xs))
			los := f.fill(s, e0, lo, buf[:])
			for j, t := range xs[s:e0] {
				i := s + j
				// (NaN != NaN: NULL too)
				if t != null && t == t {
					n, s1, s2, s3, s4, k, e = enter(float64(t), n, s1, s2, s3, s4, k, e)
				}
				for l := los[j]; lo < l; lo++ {
					if t := xs[lo]; t != null && t == t {
						n, s1, s2, s3, s4, e = leave(float64(t)-k, n, s1, s2, s3, s4, e)
					}
				}
				// (never with the sums inf or NaN: the test is false then)
				if drifted(n, s1, s2, e, true, 2) {
					n, s1, s2, s3, s4, k, e = restartMoments(xs[lo:i+1], true, 2)
				}
				if i < lead || n < minCount {
					out[i] = value.NullFloat64
					continue
				}
				// a NaN or infinite result of sums that took in no
				// infinity is NULL (what stats.NullNonFinite would make
				// it, which the column then skips)
				out[i] = finiteOrNull(stat(n, s1, s2, s3, s4))
			}
		}
		return s1-s1 != 0 || s2-s2 != 0
	}
}

// enter adds x to slideMoments' sums of offsets from k, which restart
// from x when they are empty (rounding may have left them a hair off
// zero); s1 - s1 and s2 - s2 keep an infinity's inf or NaN (as NaN) for
// the test after the loop.
func enter(x, n, s1, s2, s3, s4, k, e float64) (float64, float64, float64, float64, float64, float64, float64) {
	if n == 0 {
		s1, s2, s3, s4, k, e = s1-s1, s2-s2, 0, 0, x, 0
	}
	x -= k
	x2 := x * x
	return n + 1, s1 + x, s2 + x2, s3 + x2*x, s4 + x2*x2, k, e + x2
}

// leave takes the offset y out of slideMoments' sums.
func leave(y, n, s1, s2, s3, s4, e float64) (float64, float64, float64, float64, float64, float64) {
	y2 := y * y
	return n - 1, s1 - y, s2 - y2, s3 - y2*y, s4 - y2*y2, e + y2
}

// slideCountMoments is slideMoments over count windows (f.counted): row
// i-w leaves as row i enters (see slideCountSums).
func slideCountMoments[T number](xs []T, f *frames, out []float64) func(stat func(n, s1, s2, s3, s4 float64) float64) (infinities bool) {
	return func(stat func(n, s1, s2, s3, s4 float64) float64) bool {
		null := nullOf[T]()
		lead, w, minCount := f.lead, f.width, max(float64(f.minCount), 1)
		out = out[:len(xs)]
		var n, s1, s2, s3, s4, k, e float64
		for i, t := range xs {
			if t != null && t == t {
				n, s1, s2, s3, s4, k, e = enter(float64(t), n, s1, s2, s3, s4, k, e)
			}
			if i >= w {
				if t := xs[i-w]; t != null && t == t {
					n, s1, s2, s3, s4, e = leave(float64(t)-k, n, s1, s2, s3, s4, e)
				}
			}
			if drifted(n, s1, s2, e, true, 2) {
				n, s1, s2, s3, s4, k, e = restartMoments(xs[max(0, i-w+1):i+1], true, 2)
			}
			if i < lead || n < minCount {
				out[i] = value.NullFloat64
				continue
			}
			out[i] = finiteOrNull(stat(n, s1, s2, s3, s4))
		}
		return s1-s1 != 0 || s2-s2 != 0
	}
}

// slideSums is slideMoments' loop for the plain sums (sum, sum2, avg):
// the count of each frame's non-NULL values, their sum and the sum of
// their squares, of which stat writes the one it reads (power 1: s1, 2:
// s2) into out. A NULL enters the sums as a zero, its bits masked off
// (adding 0 leaves a sum that is never -0 as it is), so the loop has no
// branch on the data, which a column holding NULLs here and there
// mispredicts (twice the time with half of them NULL).
//
// It takes in no value beyond hugeSum: an infinity, or a finite value
// that could overflow the sums or absorb the small values beside it
// (1e301 + 5 - 1e301 is 0), makes the caller redo the column with
// slideInfinities, as does a sum that overflowed (the loop returns
// true). The loop is a closure, as slideMoments'.
func slideSums[T number](xs []T, f *frames, out []float64, power int) func(stat func(n, s1, s2 float64) float64) (redo bool) {
	return func(stat func(n, s1, s2 float64) float64) bool {
		null := nullOf[T]()
		lead, minCount := f.lead, max(float64(f.minCount), 1)
		out = out[:len(xs)]
		one := math.Float64bits(1)
		var n, s1, s2 float64
		var buf [batch]int
		lo, skipped := 0, int32(0)
		for s := 0; s < len(xs); s += batch {
			e := min(s+batch, len(xs))
			los := f.fill(s, e, lo, buf[:])
			for j, t := range xs[s:e] {
				// all ones for a value the sums take (NULL and NaN fail
				// the comparison), else zero
				x := float64(t)
				m := -uint64(b2i(math.Abs(x) < hugeSum) & b2i(t != null))
				skipped |= b2i(math.Abs(x) >= hugeSum) & b2i(t != null)
				x = math.Float64frombits(math.Float64bits(x) & m)
				n, s1, s2 = n+math.Float64frombits(one&m), s1+x, s2+x*x
				for l := los[j]; lo < l; lo++ {
					t := xs[lo]
					y := float64(t)
					m := -uint64(b2i(math.Abs(y) < hugeSum) & b2i(t != null))
					y = math.Float64frombits(math.Float64bits(y) & m)
					n, s1, s2 = n-math.Float64frombits(one&m), s1-y, s2-y*y
				}
				if s+j < lead || n < minCount {
					out[s+j] = value.NullFloat64
					continue
				}
				out[s+j] = stat(n, s1, s2)
			}
		}
		return skipped != 0 || s1-s1 != 0 || power == 2 && s2-s2 != 0
	}
}

// slideCountSums is slideSums over count windows (f.counted) of columns
// with few NULLs (see sparse): row i-w leaves as row i enters, and a
// branch skips the NULLs, the loop with the fewest values live (1.5x
// faster than the batches of masked values). A function of its own: both
// loops in one closure made it too large to inline, and stat an indirect
// call.
func slideCountSums[T number](xs []T, f *frames, out []float64, power int) func(stat func(n, s1, s2 float64) float64) (redo bool) {
	return func(stat func(n, s1, s2 float64) float64) bool {
		null := nullOf[T]()
		lead, minCount := f.lead, max(float64(f.minCount), 1)
		out = out[:len(xs)]
		var n, s1, s2 float64
		skipped := int32(0)
		w := f.width
		for i, t := range xs {
			// all ones for a value the sums take (NULL and NaN fail
			// the comparison), else zero
			if x := float64(t); t != null && math.Abs(x) < hugeSum {
				n, s1, s2 = n+1, s1+x, s2+x*x
			} else if t != null && t == t {
				skipped = 1
			}
			if i >= w {
				if t := xs[i-w]; t != null && math.Abs(float64(t)) < hugeSum {
					y := float64(t)
					n, s1, s2 = n-1, s1-y, s2-y*y
				}
			}
			if i < lead || n < minCount {
				out[i] = value.NullFloat64
				continue
			}
			out[i] = stat(n, s1, s2)
		}
		return skipped != 0 || s1-s1 != 0 || power == 2 && s2-s2 != 0
	}
}

// hugeSum bounds the values the plain sums' fast loop takes in: beyond it
// (infinities, and finite values large enough to overflow a sum or to
// absorb the small values beside them) slideInfinities redoes the column.
const hugeSum = 1e300

// magnitude is what a value (offset) x, x2 its square, adds to
// slideMoments' e: its square for the centred sums, else the magnitude
// of the power the statistic reads.
func magnitude(x, x2 float64, centred bool, power int) float64 {
	if centred || power == 2 {
		return x2
	}
	return math.Abs(x)
}

// drifted says whether slideMoments' sums have lost too many digits to
// rounding (see drift) and must be recomputed from the frame: the centred
// sum of squares, or the plain sum the statistic reads, against e.
func drifted(n, s1, s2, e float64, centred bool, power int) bool {
	switch {
	case centred:
		return n >= 2 && n*s2-s1*s1 < drift*n*e
	case power == 2:
		return s2 < drift*e
	}
	return math.Abs(s1) < drift*e
}

// slideInfinities is slideMoments' loop for a column whose values went
// into the sums with an infinity among them (s1 stays inf or NaN once
// one has): it redoes every row with the infinities kept out of the sums
// and counted, and the statistic of a frame holding one is that of the
// IEEE sums of its values (see stats.InfSum). A function of its own,
// stat called through a pointer: the closure slideMoments returns
// inlines only while it stays small.
//
// Huge values: the plain sums restart from the frame, like the centred
// ones, when the sum the statistic reads falls below drift times the
// magnitudes (|x|, or x^2 for sum2) added and removed since they
// restarted (a huge value that absorbed small ones has left). Finite
// values whose sums overflow (1e308 + 1e308) leave them inf, and inf -
// inf (NaN) once they leave; the sums are then recomputed from the
// frame, and while that still overflows the row is the IEEE sums of its
// values in order (see ieeeMoments), what a fresh sum gives.
func slideInfinities(xs []float64, f *frames, out []float64, centred bool, power int, stat func(n, s1, s2, s3, s4 float64) float64) {
	los, ts, span, w, lead, minCount := f.lo, f.ts, f.span, f.width, f.lead, max(float64(f.minCount), 1)
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
		for l := frameStart(los, ts, span, w, i, lo); lo < l; lo++ {
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
				if i >= lead && nn >= minCount {
					out[i] = stat(nn, t1, t2, t3, t4)
				}
				continue
			}
		}
		// a frame's infinities' odd powers add up to InfSum, their even
		// ones to +Inf (the variance of such a frame, inf - inf, is NaN
		// as a fresh computation's is)
		pos, neg := infs&(negInf-1), infs/negInf
		odd, even := stats.InfSum(pos, neg), 0.0
		if infs != 0 {
			even = math.Inf(1)
		}
		if nn := n + float64(pos+neg); i >= lead && nn >= minCount {
			out[i] = stat(nn, s1+odd, s2+even, s3+odd, s4+even)
		} else {
			out[i] = value.NullFloat64
		}
	}
}

// overflowed says whether the sums of finite values a statistic reads
// (s1, and s2 with power 2) are inf or NaN.
func overflowed(s1, s2 float64, power int) bool {
	return s1-s1 != 0 || power == 2 && s2-s2 != 0
}

// ieeeMoments are the power sums of a frame's non-NULL values, the
// infinities too, added in order as offsets from k: what a fresh
// computation gives where the sums of its finite values overflow.
func ieeeMoments(frame []float64, k float64) (n, s1, s2, s3, s4 float64) {
	for _, y := range frame {
		if !funcs.IsNullF(y) {
			y -= k
			y2 := y * y
			n, s1, s2, s3, s4 = n+1, s1+y, s2+y2, s3+y2*y, s4+y2*y2
		}
	}
	return n, s1, s2, s3, s4
}

// negInf counts a -Inf in slideMoments' count of infinities.
const negInf = 1 << 32

// restartMoments recomputes the power sums of a frame's finite values in
// order; centred, as offsets from the last of them: with the offsets
// taken from a member of the set, the centred sum of squares is at least
// 1/n of the offsets' (no member is further from the mean than the rest
// allow). e is the magnitudes (see magnitude) of the values summed: their
// rounding stays in the sums as they slide on.
func restartMoments[T number](frame []T, centred bool, power int) (n, s1, s2, s3, s4, k, e float64) {
	null := nullOf[T]()
	for j := len(frame) - 1; j >= 0 && centred; j-- {
		if frame[j] != null && stats.IsFinite(float64(frame[j])) {
			k = float64(frame[j])
			break
		}
	}
	for _, t := range frame {
		if t != null && stats.IsFinite(float64(t)) {
			y := float64(t) - k
			y2 := y * y
			n, s1, s2, s3, s4 = n+1, s1+y, s2+y2, s3+y2*y, s4+y2*y2
			e += magnitude(y, y2, centred, power)
		}
	}
	return n, s1, s2, s3, s4, k, e
}

// present is !funcs.IsNullF(x) in one comparison for all but NULL, NaN
// and -Inf: NULL is the least finite double.
func present(x float64) bool { return x > value.NullFloat64 || x < value.NullFloat64 }

// drift is how small a centred sum of squares may get, against the sum of
// the squared offsets added and removed since the sums restarted (which
// bounds their rounding, about 1e-16 of it), before the sums are
// recomputed: beyond it the centred sum would keep fewer than eight
// correct digits. Recomputed with k the frame's last value, the centred
// sum is at least 1/n of the offsets' squares (see restartMoments), so it
// takes values far from k entering and leaving again, n rows at least,
// before the next recompute: O(1) a row.
const drift = 1e-8

// windowKernel hands each frame's non-NULL values (in order) to g; for
// statistics without a sliding form (median, percentile, product).
func windowKernel(g func(vals []float64) float64) kernel {
	return func(xs []float64, f *frames, out []float64) bool {
		buf := make([]float64, 0, 16)
		lo := 0
		for i := range xs {
			lo = max(lo, frameStart(f.lo, f.ts, f.span, f.width, i, lo))
			buf = buf[:0]
			for _, y := range xs[lo : i+1] {
				if !funcs.IsNullF(y) {
					buf = append(buf, y)
				}
			}
			if i < f.lead || len(buf) < f.minCount || len(buf) == 0 {
				out[i] = value.NullFloat64
				continue
			}
			out[i] = g(buf)
		}
		return true
	}
}

// The kernels over the power sums, each a loop of its own with its
// statistic inlined (see slideMoments), redone by slideInfinities where
// an infinity went through the sums.
func kSumOf[T number](xs []T, f *frames, out []float64) bool {
	stat := func(_, s1, _ float64) float64 { return s1 }
	redo := false
	if f.counted() && sparse(xs) {
		redo = slideCountSums(xs, f, out, 1)(stat)
	} else {
		redo = slideSums(xs, f, out, 1)(stat)
	}
	if redo {
		slideInfinities(doubles(xs), f, out, false, 1, func(_, s1, _, _, _ float64) float64 { return s1 })
	}
	return redo
}

func kSum2Of[T number](xs []T, f *frames, out []float64) bool {
	stat := func(_, _, s2 float64) float64 { return s2 }
	redo := false
	if f.counted() && sparse(xs) {
		redo = slideCountSums(xs, f, out, 2)(stat)
	} else {
		redo = slideSums(xs, f, out, 2)(stat)
	}
	if redo {
		slideInfinities(doubles(xs), f, out, false, 2, func(_, _, s2, _, _ float64) float64 { return s2 })
	}
	return redo
}

func kAvgOf[T number](xs []T, f *frames, out []float64) bool {
	stat := func(n, s1, _ float64) float64 { return s1 / n }
	redo := false
	if f.counted() && sparse(xs) {
		redo = slideCountSums(xs, f, out, 1)(stat)
	} else {
		redo = slideSums(xs, f, out, 1)(stat)
	}
	if redo {
		slideInfinities(doubles(xs), f, out, false, 1, func(n, s1, _, _, _ float64) float64 { return s1 / n })
	}
	return redo
}

// variance is the variance of each frame with ddof delta degrees of
// freedom (1 for var, 0 for varp), or with root its square root (std,
// stdp); NaN (NULL) for n <= ddof. A function of its own, not a closure
// over ddof and root made for a package variable: inlined into the
// package's initializer, such a closure kept the loop and the statistic
// apart, an indirect call per row (cachegrind).
func variance[T number](xs []T, f *frames, out []float64, ddof float64, root bool) bool {
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
	redo := false
	if f.counted() {
		redo = slideCountMoments(xs, f, out)(v)
	} else {
		redo = slideMoments(xs, f, out)(v)
	}
	if redo {
		slideInfinities(doubles(xs), f, out, true, 2, v)
	}
	return redo
}

func kVarOf[T number](xs []T, f *frames, out []float64) bool  { return variance(xs, f, out, 1, false) }
func kVarpOf[T number](xs []T, f *frames, out []float64) bool { return variance(xs, f, out, 0, false) }
func kStdOf[T number](xs []T, f *frames, out []float64) bool  { return variance(xs, f, out, 1, true) }
func kStdpOf[T number](xs []T, f *frames, out []float64) bool { return variance(xs, f, out, 0, true) }

// The DOUBLE kernels of the sums, and their forms over INT and LONG
// columns' own storage (see intKernels).
var (
	kSum, kSum2, kAvg        kernel = kSumOf[float64], kSum2Of[float64], kAvgOf[float64]
	kVar, kVarp, kStd, kStdp kernel = kVarOf[float64], kVarpOf[float64], kStdOf[float64], kStdpOf[float64]

	iSum  = intKernels{kSumOf[int32], kSumOf[int64]}
	iSum2 = intKernels{kSum2Of[int32], kSum2Of[int64]}
	iAvg  = intKernels{kAvgOf[int32], kAvgOf[int64]}
	iVar  = intKernels{kVarOf[int32], kVarOf[int64]}
	iVarp = intKernels{kVarpOf[int32], kVarpOf[int64]}
	iStd  = intKernels{kStdOf[int32], kStdOf[int64]}
	iStdp = intKernels{kStdpOf[int32], kStdpOf[int64]}
)

// intKernels are a kernel's forms over an INT (i32) or LONG (i64)
// column's own storage, NULL its null value: through DoublesOf the
// column would first be copied into a new DOUBLE column (a third of
// msum's time). A zero intKernels leaves every column to DoublesOf.
type intKernels struct {
	i32 func(xs []int32, f *frames, out []float64) (raw bool)
	i64 func(xs []int64, f *frames, out []float64) (raw bool)
}

// nullOf is T's NULL.
func nullOf[T number]() T {
	var null any
	var t T
	switch any(t).(type) {
	case int8:
		null = value.NullInt8
	case int16:
		null = value.NullInt16
	case int32:
		null = value.NullInt32
	case int64:
		null = value.NullInt64
	case float32:
		null = value.NullFloat32
	default:
		null = value.NullFloat64
	}
	return null.(T)
}

// doubles is xs as DOUBLE (itself, for float64), NULL for NULL.
func doubles[T number](xs []T) []float64 {
	if d, ok := any(xs).([]float64); ok {
		return d
	}
	null := nullOf[T]()
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = float64(x)
		if x != null && x == x {
			continue
		}
		out[i] = value.NullFloat64
	}
	return out
}

// kMoment is the moving skew (which "skew") or kurtosis, biased or with
// the sample corrections of skew and kurtosis (mskew.md, mkurtosis.md:
// m.mkurtosis(4, false)-3 is pandas' rolling kurt).
func kMoment(which string, biased bool) kernel {
	k, _ := momentKernels(which, biased)
	return k
}

// momentKernels are kMoment and its forms over integers.
func momentKernels(which string, biased bool) (kernel, intKernels) {
	return func(xs []float64, f *frames, out []float64) bool { return moment(xs, f, out, which, biased) },
		intKernels{
			func(xs []int32, f *frames, out []float64) bool { return moment(xs, f, out, which, biased) },
			func(xs []int64, f *frames, out []float64) bool { return moment(xs, f, out, which, biased) },
		}
}

// moment is kMoment's loop, its statistic a func literal here so that it
// inlines into the loop (captured by the closure kMoment returns, it was
// an indirect call a row).
func moment[T number](xs []T, f *frames, out []float64, which string, biased bool) bool {
	skew := which == "skew"
	stat := func(n, s1, s2, s3, s4 float64) float64 {
		m := s1 / n
		m2 := s2/n - m*m
		var g float64
		if skew {
			m3 := s3/n - 3*m*s2/n + 2*m*m*m
			if m2 <= 0 {
				return math.NaN()
			}
			g = m3 / math.Pow(m2, 1.5)
		} else {
			// Fewer than three values give NULL ("tmkurtosis" page).
			if n < 3 {
				return math.NaN()
			}
			m4 := s4/n - 4*m*s3/n + 6*m*m*s2/n - 3*m*m*m*m
			if m2 <= 0 {
				return math.NaN()
			}
			g = m4 / (m2 * m2)
		}
		if biased {
			return g
		}
		if u, ok := stats.Unbiased(g, n, which); ok {
			return u
		}
		return math.NaN()
	}
	redo := false
	if f.counted() {
		redo = slideCountMoments(xs, f, out)(stat)
	} else {
		redo = slideMoments(xs, f, out)(stat)
	}
	if redo {
		slideInfinities(doubles(xs), f, out, true, 2, stat)
	}
	return redo
}

// kSkew and kKurt are the biased moving skew and kurtosis.
var (
	kSkew = kMoment("skew", true)
	kKurt = kMoment("kurtosis", true)
)

// mMomentSpec declares mskew and mkurtosis(X, window, [biased=true],
// [minPeriods]).
func mMomentSpec(name, which string) funcs.Spec {
	return funcs.Spec{Name: name, Params: []string{"X", "window", "biased", "minPeriods"}, Min: 2, Max: 4, Props: funcs.Pure | funcs.OrderSensitive, Category: "moving",
		Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
			biased, err := funcs.BoolArg(name, "biased", funcs.Arg(args, 2), true)
			if err != nil {
				return nil, err
			}
			rest := []value.Value{args[0], args[1]}
			if mp := funcs.Arg(args, 3); mp != nil {
				rest = append(rest, mp)
			}
			k, ik := momentKernels(which, biased)
			return mSpec(name, k, ik).Fn(env, rest)
		},
		Segmented: func(env funcs.Env, args []value.Value, starts []int) (value.Value, bool, error) {
			biased, err := funcs.BoolArg(name, "biased", funcs.Arg(args, 2), true)
			if err != nil {
				return nil, true, err
			}
			rest := []value.Value{args[0], args[1]}
			if mp := funcs.Arg(args, 3); mp != nil {
				rest = append(rest, mp)
			}
			k, ik := momentKernels(which, biased)
			return mSpec(name, k, ik).Segmented(env, rest, starts)
		}}
}

var (
	kMad = windowKernel(func(v []float64) float64 {
		m := stats.Mean(v)
		s := 0.0
		for _, x := range v {
			s += math.Abs(x - m)
		}
		return s / float64(len(v))
	})
)

// kProd is the product of each frame's non-NULL values, multiplied in
// their order afresh: a sliding product would divide the leaving values
// out, which rounds differently (and a zero never leaves). A NULL
// multiplies by 1, which leaves any product as it is, so the loop over
// the frame has no branch on the data; the frame is not copied out as
// windowKernel's statistics need.
func kProd(xs []float64, f *frames, out []float64) bool {
	one := math.Float64bits(1)
	lo := 0
	for i := range xs {
		lo = max(lo, frameStart(f.lo, f.ts, f.span, f.width, i, lo))
		p, cnt := 1.0, int32(0)
		for _, y := range xs[lo : i+1] {
			// m is all ones for a value, else zero (NULL, NaN)
			b := b2i(present(y))
			m := -uint64(b)
			p *= math.Float64frombits(math.Float64bits(y)&m | one&^m)
			cnt += b
		}
		if i < f.lead || int(cnt) < max(f.minCount, 1) {
			p = value.NullFloat64
		}
		out[i] = p
	}
	return true
}

// mmad is the moving mean (or, with useMedian, median) absolute
// deviation.
func mmad(env funcs.Env, args []value.Value) (value.Value, error) {
	w, minP, err := movingArgs("mmad", args[1], funcs.Arg(args, 3))
	if err != nil {
		return nil, err
	}
	useMed, err := funcs.BoolArg("mmad", "useMedian", funcs.Arg(args, 2), false)
	if err != nil {
		return nil, err
	}
	if useMed {
		return orderColumns(env, "mmad", args[0], func(n int) (*frames, error) { return countFrames(n, w, minP), nil }, orderstat.MedianAbsDev)
	}
	return MovingColumns("mmad", args[0], func(v *value.Vector) (*value.Vector, error) {
		return runKernel("mmad", v, countFrames(v.Len(), w, minP), kMad)
	})
}

// movingArgs reads window and minPeriods of an m-function.
func movingArgs(fn string, w, mp value.Value) (int, int, error) {
	ws, ok := funcs.ScalarArg(w)
	if !ok || ws.T.Category() != value.CatIntegral || ws.Null || ws.I < 1 {
		return 0, 0, ddberr.Errorf("The argument [window] of %s must be a positive integer.", fn)
	}
	minP, err := minPeriodsDefault(fn, mp, 0)
	if err != nil {
		return 0, 0, err
	}
	return int(ws.I), minP, nil
}

// minPeriodsDefault reads minPeriods, def when it is left out (0 for
// most moving functions, 1 for mfirstNot's).
func minPeriodsDefault(fn string, x value.Value, def int) (int, error) {
	if x == nil {
		return def, nil
	}
	n, err := funcs.PositiveIntArg(fn, "minPeriods", x, 0)
	if err != nil {
		return 0, err
	}
	return int(n), nil
}

// MovingColumns applies a per-column function over a vector, matrix or
// table (numeric and boolean columns of a table only).
func MovingColumns(fn string, x value.Value, f func(*value.Vector) (*value.Vector, error)) (value.Value, error) {
	return mapColumns(fn, x, true, f)
}

// movingAllColumns is MovingColumns over every column of a table.
func movingAllColumns(fn string, x value.Value, f func(*value.Vector) (*value.Vector, error)) (value.Value, error) {
	return mapColumns(fn, x, false, f)
}

// mapColumns applies f to X's columns, a table's numeric ones only when numericOnly.
func mapColumns(fn string, x value.Value, numericOnly bool, f func(*value.Vector) (*value.Vector, error)) (value.Value, error) {
	if t, ok := x.(*value.Table); ok {
		cols := make([]*value.Vector, 0, len(t.Cols))
		names := make([]string, 0, len(t.Cols))
		for i, c := range t.Cols {
			if numericOnly && !funcs.IsNumericVec(c) {
				continue
			}
			r, err := f(c)
			if err != nil {
				return nil, err
			}
			cols = append(cols, r)
			names = append(names, t.Names[i])
		}
		return value.NewTable(names, cols), nil
	}
	if _, ok := x.(*value.Scalar); ok {
		return nil, ddberr.Errorf("X of %s must be a vector, matrix or table.", fn)
	}
	return stats.MapColumns(fn, x, f)
}

// runKernel runs k over one numeric column.
func runKernel(fn string, v *value.Vector, f *frames, k kernel) (*value.Vector, error) {
	xs, err := funcs.DoublesOf(fn, v)
	if err != nil {
		return nil, err
	}
	out := make([]float64, len(xs))
	kernelRows(fn, xs, f, k, out)
	return value.NewDoubles(out), nil
}

// plainSums are the moving functions that are a sum of the frame's
// values or powers, or that sum over their count: never a division by
// zero.
var plainSums = map[string]bool{"msum": true, "msum2": true, "mavg": true, "tmsum": true, "tmsum2": true, "tmavg": true}

// frameColumn computes one column of a moving function over its frames.
type frameColumn func(v *value.Vector, f *frames) (*value.Vector, error)

// mFrameSpec declares mfunc(X, window, [minPeriods]) whose columns col
// computes over count windows, and seg over segments (nil: col on each).
func mFrameSpec(name string, col frameColumn, seg segColumn) funcs.Spec {
	return countSpec(name, col, seg, countFrames)
}

// countSpec is mFrameSpec with the count windows from count (countFrames,
// or countSpan for the loops that find the frames as they go).
func countSpec(name string, col frameColumn, seg segColumn, count func(n, w, minPeriods int) *frames) funcs.Spec {
	if seg == nil {
		seg = perSegment(col)
	}
	return funcs.Spec{Name: name, Params: []string{"X", "window", "minPeriods"}, Min: 2, Max: 3, Props: funcs.Pure | funcs.OrderSensitive, Category: "moving",
		Segmented: countSegmented(name, seg, count),
		Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
			if f, ok, err := durationFrames(env, name, args[0], args[1]); ok {
				if err != nil {
					return nil, err
				}
				return MovingColumns(name, args[0], func(v *value.Vector) (*value.Vector, error) {
					return col(v, f)
				})
			}
			w, minP, err := movingArgs(name, args[1], funcs.Arg(args, 2))
			if err != nil {
				return nil, err
			}
			return MovingColumns(name, args[0], func(v *value.Vector) (*value.Vector, error) {
				return col(v, count(v.Len(), w, minP))
			})
		}}
}

// durationFrames reads a DURATION window of an m-function, which X, an
// indexed series or matrix, measures over its row labels
// (funcs/themes/mFunctions.md); ok is false for other windows.
func durationFrames(env funcs.Env, name string, x, w value.Value) (f *frames, ok bool, err error) {
	d, isScalar := funcs.ScalarArg(w)
	if m, isM := x.(*value.Matrix); isM && isScalar && !d.Null && d.T.Category() == value.CatIntegral &&
		m.Indexed != value.NotIndexed && m.RowLabels != nil && m.RowLabels.T.Category() == value.CatTemporal {
		// over an indexed series or matrix an integer window is a time
		// span in the labels' unit, as 3 is 3d over DATE labels
		// (funcs/themes/mFunctions.md)
		f, err = tmFrames(env, name, m.RowLabels, w)
		return f, true, err
	}
	if !isScalar || d.T != value.Duration || d.Null {
		return nil, false, nil
	}
	m, isM := x.(*value.Matrix)
	if !isM || m.RowLabels == nil {
		return nil, true, ddberr.Errorf("X of %s must be an indexed series or an indexed matrix when window is a DURATION.", name)
	}
	f, err = tmFrames(env, name, m.RowLabels, w)
	return f, true, err
}

// windowFrames reads window and minPeriods of an m-function: a count
// window gives count frames per column; a DURATION window, X's row-label
// frames (the same for every column), which minPeriods bounds likewise.
// minP is minPeriods as given (0 when left out).
func windowFrames(env funcs.Env, name string, x, window, minPeriods value.Value) (framesOf func(n int) *frames, minP int, err error) {
	if f, ok, err := durationFrames(env, name, x, window); ok {
		if err != nil {
			return nil, 0, err
		}
		if minP, err = minPeriodsDefault(name, minPeriods, 0); err != nil {
			return nil, 0, err
		}
		if minP > 0 {
			f.minCount = minP
		}
		return func(int) *frames { return f }, minP, nil
	}
	w, minP, err := movingArgs(name, window, minPeriods)
	if err != nil {
		return nil, 0, err
	}
	return func(n int) *frames { return countFrames(n, w, minP) }, minP, nil
}

// tmFrameSpec declares tmfunc(T, X, window) whose columns col computes
// over time windows, and seg over segments (nil: col on each).
func tmFrameSpec(name string, col frameColumn, seg segColumn) funcs.Spec {
	return timeSpec(name, col, seg, tmFrames)
}

// timeSpec is tmFrameSpec with the time windows from frame (tmFrames, or
// tmSpan for the loops that find the frames as they go).
func timeSpec(name string, col frameColumn, seg segColumn, frame timeWindows) funcs.Spec {
	if seg == nil {
		seg = perSegment(col)
	}
	return funcs.Spec{Name: name, Params: []string{"T", "X", "window"}, Min: 3, Max: 3, Props: funcs.Pure | funcs.OrderSensitive, Category: "time-moving",
		Segmented: timeSegmented(name, seg, frame),
		Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
			f, err := frame(env, name, args[0], args[2])
			if err != nil {
				return nil, err
			}
			return MovingColumns(name, args[1], func(v *value.Vector) (*value.Vector, error) {
				if v.Len() != f.rows() {
					return nil, ddberr.Errorf("The arguments [T] and [X] of %s must have the same length.", name)
				}
				return col(v, f)
			})
		}}
}

// mSpec declares mfunc(X, window, [minPeriods]) over a DOUBLE kernel
// and its forms over integers.
func mSpec(name string, k kernel, ik intKernels) funcs.Spec {
	seg := kernelSegments(name, k, ik)
	return countSpec(name, wholeColumn(seg), seg, countSpan)
}

// tmSpec declares tmfunc(T, X, window) over a DOUBLE kernel and its forms
// over integers.
func tmSpec(name string, k kernel, ik intKernels) funcs.Spec {
	seg := kernelSegments(name, k, ik)
	return timeSpec(name, wholeColumn(seg), seg, tmSpan)
}

// timeWindows reads T and window of a tm-function into its frames.
type timeWindows func(env funcs.Env, fn string, t, window value.Value) (*frames, error)

// tmFrames reads T and window of a tm-function. A window in calendar
// units (1M, 10y, a trading calendar) over dates has no fixed length:
// each row's window is (temporalAdd(Ti, -window), Ti]
// (funcs/themes/tmFunctions.md).
func tmFrames(env funcs.Env, fn string, t, window value.Value) (*frames, error) {
	f, err := tmSpan(env, fn, t, window)
	if err != nil {
		return nil, err
	}
	return f.materialize(), nil
}

// tmSpan is tmFrames without lo and ready where the windows have a fixed
// length (see frames).
func tmSpan(env funcs.Env, fn string, t, window value.Value) (*frames, error) {
	if d, ok := funcs.ScalarArg(window); ok && d.T == value.Duration && !d.Null && value.DurationNanos(value.DurationUnit(d)) == 0 {
		if tv, ok := t.(*value.Vector); ok && tv.T.Category() == value.CatTemporal && tv.T != value.Month {
			return calendarFrames(env, fn, tv, d)
		}
	}
	ts, w, err := tmWindow(fn, t, window)
	if err != nil {
		return nil, err
	}
	return timeSpan(ts, w), nil
}

// calendarFrames are the windows (temporalAdd(Ti, -d), Ti] of an
// ascending T.
func calendarFrames(env funcs.Env, fn string, tv *value.Vector, d *value.Scalar) (*frames, error) {
	if d.I <= 0 {
		return nil, ddberr.Errorf("The argument [window] of %s must be positive.", fn)
	}
	_, ts, err := higherorder.TemporalIndex(fn, tv)
	if err != nil {
		return nil, err
	}
	if err := ascending(fn, ts); err != nil {
		return nil, err
	}
	starts, _, err := higherorder.ShiftedTicks(env, fn, tv, ts, d, true)
	if err != nil {
		return nil, err
	}
	n := len(ts)
	f := &frames{lo: make([]int, n), ready: make([]bool, n), minCount: 1}
	lo := 0
	for i := range ts {
		for lo < i && ts[lo] <= starts[i] {
			lo++
		}
		f.lo[i] = lo
		f.ready[i] = true
	}
	return f, nil
}

// ascending checks that T does not decrease.
func ascending(fn string, ts []int64) error {
	for i := 1; i < len(ts); i++ {
		if ts[i] < ts[i-1] {
			return ddberr.Errorf("The argument [T] of %s must be increasing.", fn)
		}
	}
	return nil
}

// tmWindow reads T, which must be ascending, and window in T's ticks.
func tmWindow(fn string, t, window value.Value) ([]int64, int64, error) {
	tv, ts, err := temporalTicks(fn, t)
	if err != nil {
		return nil, 0, err
	}
	var w int64
	if d, ok := funcs.ScalarArg(window); ok && d.T == value.Duration && !d.Null {
		w, err = DurationInTicks(fn, d, tv.T)
	} else {
		w, err = higherorder.WindowTicks(fn, tv.T, window)
	}
	if err != nil {
		return nil, 0, err
	}
	if w <= 0 {
		return nil, 0, ddberr.Errorf("The argument [window] of %s must be positive.", fn)
	}
	if err := ascending(fn, ts); err != nil {
		return nil, 0, err
	}
	return ts, w, nil
}

// pickKernel returns, per frame, the index of the chosen element (first,
// last, extreme) or -1; the result gathers X's own elements so it keeps
// X's type.
type pickKernel func(v *value.Vector, f *frames) []int

func pickFirstLast(first bool) pickKernel {
	return func(v *value.Vector, f *frames) []int {
		idx := make([]int, v.Len())
		for i := range idx {
			if !f.ready[i] {
				idx[i] = -1
				continue
			}
			cnt := 0
			for j := f.lo[i]; j <= i; j++ {
				if !v.IsNull(j) {
					cnt++
				}
			}
			j := i
			if first {
				j = f.lo[i]
			}
			if cnt < f.minCount {
				j = -1
			}
			idx[i] = j
		}
		return idx
	}
}

// pickExtreme finds each frame's first maximum (dir 1) or minimum with a
// monotonic deque of indices: O(n) over the whole column.
func pickExtreme(dir int) pickKernel {
	return func(v *value.Vector, f *frames) []int {
		n := v.Len()
		idx := make([]int, n)
		dq := make([]int, 0, 16)
		cnt, lo := 0, 0
		for i := 0; i < n; i++ {
			if !v.IsNull(i) {
				cnt++
				for len(dq) > 0 && value.CompareAcross(v, i, v, dq[len(dq)-1])*dir > 0 {
					dq = dq[:len(dq)-1]
				}
				dq = append(dq, i)
			}
			for ; lo < f.lo[i]; lo++ {
				if !v.IsNull(lo) {
					cnt--
				}
			}
			for len(dq) > 0 && dq[0] < f.lo[i] {
				dq = dq[1:]
			}
			if !f.ready[i] || cnt < f.minCount || len(dq) == 0 {
				idx[i] = -1
				continue
			}
			idx[i] = dq[0]
		}
		return idx
	}
}

// pickColumn gathers the elements k picks, so the result keeps X's type.
func pickColumn(k pickKernel) frameColumn {
	return func(v *value.Vector, f *frames) (*value.Vector, error) {
		return value.GatherOrNull(v, k(v, f)), nil
	}
}

// mcount is the number of non-NULL values per window (INT).
func mcount(env funcs.Env, args []value.Value) (value.Value, error) {
	framesOf, minP, err := windowFrames(env, "mcount", args[0], args[1], funcs.Arg(args, 2))
	if err != nil {
		return nil, err
	}
	return MovingColumns("mcount", args[0], func(v *value.Vector) (*value.Vector, error) {
		// mcount has no leading NULLs ("mcount" page: mcount(7 4 5 8 9, 3)
		// is [1,2,3,3,3]); only minPeriods bounds the count.
		return countColumn(v, framesOf(v.Len()), minP), nil
	})
}

// tmcount counts the non-NULL values of each time window.
func tmcount(v *value.Vector, f *frames) (*value.Vector, error) {
	return countColumn(v, f, 0), nil
}

// pairLoop computes out (DOUBLE, NULL where no result) over the frames
// of two series; raw as for kernel.
type pairLoop func(xs, ys []float64, f *frames, out []float64) (raw bool)

// pairKernel returns the loop that writes g of each full frame's pair
// sums, NULL elsewhere, and says whether an infinity went through the
// sums (see pairInfinities). Called where it is made,
// pairKernel(g)(xs, ys, f, out), it inlines with g into one loop (see
// slidePairs); kept as a value, it calls g through a pointer every row,
// spilling the sums to memory around the call.
func pairKernel[T number](g func(p *stats.PairSums) float64) func(xs, ys []T, f *frames, out []float64) (infinities bool) {
	return func(xs, ys []T, f *frames, out []float64) bool {
		return slidePairs(xs, ys, f)(func(i int, p *stats.PairSums, full bool) {
			if !full || p.N == 0 {
				out[i] = value.NullFloat64
				return
			}
			out[i] = finiteOrNull(g(p))
		})
	}
}

// pairInfinities redoes the rows of a pair statistic whose sums took in
// an infinity: g of the finite pairs' sums, or inf of them and the
// frame's pairs holding an infinity where it has such pairs.
func pairInfinities(xs, ys []float64, f *frames, out []float64, g func(p *stats.PairSums) float64, inf func(p *stats.PairSums, q *stats.InfPairs) float64) {
	slidePairInfinities(xs, ys, f, func(i int, p *stats.PairSums, q *stats.InfPairs, full bool) {
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

// The pair statistics' kernels. Each one's loop, with its statistic
// inlined (see pairKernel), is in a function of its own (the ...Rows
// below) that pairStat calls: with the call to pairInfinities after it
// in the same function the loop ran 3 to 11% slower
// (BenchmarkMovingKernels; more values live across the loop).
var (
	kWsum  = pairStat(wsumRows[float64], (*stats.PairSums).SumXY, stats.WsumOver)
	kWavg  = pairStat(wavgRows[float64], wavg, stats.WavgOver)
	kCovar = pairStat(covarRows[float64], (*stats.PairSums).Covar, stats.NaNOver)
	kCorr  = pairStat(corrRows[float64], (*stats.PairSums).Corr, stats.NaNOver)
	kBeta  = pairStat(betaRows[float64], (*stats.PairSums).Beta, stats.NaNOver)

	iWsum  = intPairs{wsumRows[int32], wsumRows[int64]}
	iWavg  = intPairs{wavgRows[int32], wavgRows[int64]}
	iCovar = intPairs{covarRows[int32], covarRows[int64]}
	iCorr  = intPairs{corrRows[int32], corrRows[int64]}
	iBeta  = intPairs{betaRows[int32], betaRows[int64]}
)

// intPairs are a pair statistic's loops over two INT or LONG columns.
type intPairs struct {
	i32 func(xs, ys []int32, f *frames, out []float64) (infinities bool)
	i64 func(xs, ys []int64, f *frames, out []float64) (infinities bool)
}

// pairStat is the kernel of the pair statistic g: its loop rows, then
// pairInfinities with g and inf where an infinity went through the sums.
func pairStat(rows func(xs, ys []float64, f *frames, out []float64) (infinities bool), g func(p *stats.PairSums) float64, inf func(p *stats.PairSums, q *stats.InfPairs) float64) pairLoop {
	return func(xs, ys []float64, f *frames, out []float64) bool {
		if rows(xs, ys, f, out) {
			pairInfinities(xs, ys, f, out, g, inf)
			return true
		}
		return false
	}
}

func wsumRows[T number](xs, ys []T, f *frames, out []float64) bool {
	return pairKernel[T]((*stats.PairSums).SumXY)(xs, ys, f, out)
}

func wavgRows[T number](xs, ys []T, f *frames, out []float64) bool {
	return pairKernel[T](wavg)(xs, ys, f, out)
}

func wavg(p *stats.PairSums) float64 { return p.SumXY() / p.SumY() }

func covarRows[T number](xs, ys []T, f *frames, out []float64) bool {
	return pairKernel[T]((*stats.PairSums).Covar)(xs, ys, f, out)
}

func corrRows[T number](xs, ys []T, f *frames, out []float64) bool {
	return pairKernel[T]((*stats.PairSums).Corr)(xs, ys, f, out)
}

func betaRows[T number](xs, ys []T, f *frames, out []float64) bool {
	return pairKernel[T]((*stats.PairSums).Beta)(xs, ys, f, out)
}

// slidePairs returns the loop that keeps the sums of the (x, y) pairs with
// neither NULL inside each frame and hands them to each, row by row; full
// says the frame is ready and holds at least minCount pairs. The loop
// says whether an infinity went through the sums, after which the rows
// must be redone by slidePairInfinities. The loop is a returned closure,
// not a function taking each, because the compiler inlines a closure
// called once while it stays small: slidePairs, the loop and each then
// all inline into the caller, with no call per row.
func slidePairs[T number](xs, ys []T, f *frames) func(each func(i int, p *stats.PairSums, full bool)) (infinities bool) {
	return func(each func(i int, p *stats.PairSums, full bool)) bool {
		null := nullOf[T]()
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
		lead, minCount := f.lead, f.minCount
		var buf [batch]int
		lo := 0
		for s := 0; s < len(xs); s += batch {
			e := min(s+batch, len(xs))
			los := f.fill(s, e, lo, buf[:])
			for j, xt := range xs[s:e] {
				i := s + j
				// (NaN != NaN: NULL too)
				if yt := ys[i]; xt != null && xt == xt && yt != null && yt == yt {
					x, y := float64(xt), float64(yt)
					// rounding may have left the emptied sums a hair off
					// zero; sx - sx keeps an infinity's inf or NaN (as
					// NaN) for the test after the loop, sxx - sxx an
					// overflow's (1e200 * 1e200)
					if n == 0 {
						sx, sy, sxx, syy, sxy, kx, ky, ex, ey = sx-sx, sy-sy, sxx-sxx, syy-syy, sxy-sxy, x, y, 0, 0
					}
					x, y = x-kx, y-ky
					x2, y2 := x*x, y*y
					n, sx, sy, sxx, syy, sxy, ex, ey = n+1, sx+x, sy+y, sxx+x2, syy+y2, sxy+x*y, ex+x2, ey+y2
				}
				for l := los[j]; lo < l; lo++ {
					if xt, yt := xs[lo], ys[lo]; xt != null && xt == xt && yt != null && yt == yt {
						x, y := float64(xt)-kx, float64(yt)-ky
						x2, y2 := x*x, y*y
						n, sx, sy, sxx, syy, sxy, ex, ey = n-1, sx-x, sy-y, sxx-x2, syy-y2, sxy-x*y, ex+x2, ey+y2
					}
				}
				fn := float64(n)
				// (with one series' sums inf or NaN, the other's test may
				// pass: the rebased sums keep it as NaN)
				if n >= 2 && (fn*sxx-sx*sx < drift*fn*ex || fn*syy-sy*sy < drift*fn*ey) {
					inf := sx - sx + (sy - sy) + (sxx - sxx) + (syy - syy) + (sxy - sxy)
					rebase(&p, xs[lo:i+1], ys[lo:i+1])
					sx, sy, sxx, syy, sxy, kx, ky = p.Sx+inf, p.Sy, p.Sxx, p.Syy, p.Sxy, p.Kx, p.Ky
					n, fn, ex, ey = int(p.N), p.N, sxx, syy
				}
				// field by field: a struct literal is copied in 16-byte
				// moves that cannot forward from the 8-byte stores
				// building it
				p.N, p.Sx, p.Sy, p.Sxx, p.Syy, p.Sxy, p.Kx, p.Ky = fn, sx, sy, sxx, syy, sxy, kx, ky
				each(i, &p, i >= lead && n >= minCount)
			}
		}
		// (sxx and syy are live for the drift test, sxy for every
		// statistic: testing them costs the loop nothing)
		return sx-sx != 0 || sy-sy != 0 || sxx-sxx != 0 || syy-syy != 0 || sxy-sxy != 0
	}
}

// rebase is p.Rebase over a frame of T values, read as DOUBLE: a call
// of its own, so slidePairs' loop stays small enough to inline.
//
//go:noinline
func rebase[T number](p *stats.PairSums, xs, ys []T) { p.Rebase(doubles(xs), doubles(ys)) }

// slidePairInfinities is slidePairs' loop for series whose pairs went
// into the sums with an infinity among them (sx or sy stays inf or NaN
// once one has): it redoes every row with the pairs holding an infinity
// kept out of the sums, in q (see stats.InfPairs). A function of its
// own, each called through a pointer, so that slidePairs' closure stays
// small enough to inline; its callers pass it an each of its own.
func slidePairInfinities(xs, ys []float64, f *frames, each func(i int, p *stats.PairSums, q *stats.InfPairs, full bool)) {
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
		for l := frameStart(f.lo, f.ts, f.span, f.width, i, lo); lo < l; lo++ {
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
		each(i, &p, &q, i >= f.lead && n+q.N >= f.minCount)
	}
}

// m2Spec declares mfunc(X, Y, window, [minPeriods]) over pair sums.
func m2Spec(name string, params []string, k pairLoop, ik intPairs) funcs.Spec {
	return funcs.Spec{Name: name, Params: append(params, "window", "minPeriods"), Min: 3, Max: 4, Props: funcs.Pure | funcs.OrderSensitive, Category: "moving",
		Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
			// PairFrameColumns aligns indexed series on X's labels, which
			// a DURATION window measures
			if f, ok, err := durationFrames(env, name, args[0], args[2]); ok {
				if err != nil {
					return nil, err
				}
				return stats.PairColumns(name, args[0], args[1], func(xs, ys, out []float64) { pairRows(k, xs, ys, f, out) })
			}
			w, minP, err := movingArgs(name, args[2], funcs.Arg(args, 3))
			if err != nil {
				return nil, err
			}
			return pairColumns(name, args[0], args[1], ik, func(n int) *frames { return countSpan(n, w, minP) }, func(xs, ys, out []float64) {
				pairRows(k, xs, ys, countSpan(len(xs), w, minP), out)
			})
		},
		Segmented: func(_ funcs.Env, args []value.Value, starts []int) (value.Value, bool, error) {
			_, okx := segmentable(args[0])
			_, oky := segmentable(args[1])
			w, isScalar := args[2].(*value.Scalar)
			if !okx || !oky || !isScalar || w.T == value.Duration {
				return nil, false, nil
			}
			width, minP, err := movingArgs(name, args[2], funcs.Arg(args, 3))
			if err != nil {
				return nil, true, err
			}
			return pairSegments(name, args[0], args[1], k, starts, countSegments(starts, width, minP, countSpan))
		}}
}

// pairRows runs k over xs and ys into out, NULL where its result is not
// one (see kernelRows).
func pairRows(k pairLoop, xs, ys []float64, f *frames, out []float64) {
	if k(xs, ys, f, out) {
		stats.NullNonFinite(out, xs, ys, f.starts())
	}
}

// pairColumns is stats.PairColumns with loop, but over two INT or two
// LONG vectors of one length with frames (framesOf not nil) it runs ik
// over their own storage, where DoublesOf2 would copy both (integers
// never take an infinity into the sums, which would leave them to loop).
func pairColumns(name string, x, y value.Value, ik intPairs, framesOf func(n int) *frames, loop func(xs, ys, out []float64)) (value.Value, error) {
	xv, okx := x.(*value.Vector)
	yv, oky := y.(*value.Vector)
	if okx && oky && xv.T == yv.T && yv.Len() == xv.Len() && framesOf(xv.Len()) != nil {
		f, out := framesOf(xv.Len()), make([]float64, xv.Len())
		if xv.T == value.Int && len(xv.I32) == len(out) && len(yv.I32) == len(out) && !ik.i32(xv.I32, yv.I32, f, out) ||
			xv.T == value.Long && len(xv.I64) == len(out) && len(yv.I64) == len(out) && !ik.i64(xv.I64, yv.I64, f, out) {
			return value.NewDoubles(out), nil
		}
	}
	return stats.PairColumns(name, x, y, loop)
}

// tm2Spec declares tmfunc(T, X, Y, window) over pair sums.
func tm2Spec(name string, params []string, k pairLoop, ik intPairs) funcs.Spec {
	return funcs.Spec{Name: name, Params: append(append([]string{"T"}, params...), "window"), Min: 4, Max: 4, Props: funcs.Pure | funcs.OrderSensitive, Category: "time-moving",
		Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
			f, err := tmSpan(env, name, args[0], args[3])
			if err != nil {
				return nil, err
			}
			var lenErr error
			same := func(n int) *frames {
				if n != f.rows() {
					return nil
				}
				return f
			}
			r, err := pairColumns(name, args[1], args[2], ik, same, func(xs, ys, out []float64) {
				if len(xs) != f.rows() {
					lenErr = ddberr.Errorf("The arguments [T] and [X] of %s must have the same length.", name)
					return
				}
				pairRows(k, xs, ys, f, out)
			})
			if lenErr != nil {
				return nil, lenErr
			}
			return r, err
		},
		Segmented: func(env funcs.Env, args []value.Value, starts []int) (value.Value, bool, error) {
			t, isVec := args[0].(*value.Vector)
			x, okx := segmentable(args[1])
			_, oky := segmentable(args[2])
			if !isVec || !okx || !oky || t.Len() != x.Len() {
				return nil, false, nil
			}
			return pairSegments(name, args[1], args[2], k, starts, func(s, e int) (*frames, error) {
				return tmSpan(env, name, t.Slice(s, e), args[3])
			})
		}}
}

// quantileArg is fn's percent argument as a quantile in [0, 1].
func quantileArg(fn string, x value.Value) (float64, error) {
	p, ok := funcs.ScalarArg(x)
	if !ok || !p.T.IsNumeric() || p.Null || p.Float64() < 0 || p.Float64() > 100 {
		return 0, ddberr.Errorf("The percent of %s must be between 0 and 100.", fn)
	}
	return p.Float64() / 100, nil
}

// percentArgs reads a percentile's percent (as a quantile) and its
// interpolation method.
func percentArgs(fn string, percent, interpolation value.Value) (float64, string, error) {
	q, err := quantileArg(fn, percent)
	if err != nil {
		return 0, "", err
	}
	method, err := stats.Interpolation(fn, interpolation)
	return q, method, err
}

// mpercentile is the percentile of each window.
func mpercentile(env funcs.Env, args []value.Value) (value.Value, error) {
	q, err := quantileArg("mpercentile", args[1])
	if err != nil {
		return nil, err
	}
	framesOf, _, err := windowFrames(env, "mpercentile", args[0], args[2], funcs.Arg(args, 4))
	if err != nil {
		return nil, err
	}
	method, err := stats.Interpolation("mpercentile", funcs.Arg(args, 3))
	if err != nil {
		return nil, err
	}
	return orderColumns(env, "mpercentile", args[0], func(n int) (*frames, error) { return framesOf(n), nil }, orderstat.Quantile(q, method))
}

// mrank is each element's rank within its window.
func mrank(env funcs.Env, args []value.Value) (value.Value, error) {
	asc, err := funcs.BoolArg("mrank", "ascending", args[1], true)
	if err != nil {
		return nil, err
	}
	framesOf, _, err := windowFrames(env, "mrank", args[0], args[2], funcs.Arg(args, 6))
	if err != nil {
		return nil, err
	}
	o, err := stats.ParseRankOptions("mrank", append([]value.Value{args[1]}, args[3:min(len(args), 6)]...), 0)
	if err != nil {
		return nil, err
	}
	o.Ascending = asc
	// exact order, temporal X as its counts: ranks only compare
	return MovingColumns("mrank", args[0], exactkey.WithOrder("mrank", func(v *value.Vector, xs []float64) (*value.Vector, error) {
		out := make([]float64, len(xs))
		rankRows(xs, framesOf(len(xs)), o, out)
		return stats.RankResult(out, o), nil
	}))
}

// temporalTicks is higherorder.TemporalIndex, T's own storage where it
// holds the ticks as int64s (TIMESTAMP, NANOTIMESTAMP, LONG): the frames
// read it, where a copy would be written and read again.
func temporalTicks(fn string, t value.Value) (*value.Vector, []int64, error) {
	if v, ok := t.(*value.Vector); ok && v.T.Storage() == value.StInt64 && len(v.I64) == v.Len() &&
		(v.T.Category() == value.CatTemporal || v.T.Category() == value.CatIntegral) {
		return v, v.I64, nil
	}
	return higherorder.TemporalIndex(fn, t)
}

// DurationInTicks converts a DURATION window (3d, 4h ...) into ticks of
// T's temporal type; months and years apply to MONTH only.
func DurationInTicks(fn string, d *value.Scalar, t value.Type) (int64, error) {
	if t == value.Month {
		switch value.DurationUnit(d) {
		case "M":
			return d.I, nil
		case "y":
			return d.I * 12, nil
		}
	} else if per := value.TickNanos(t); per > 0 {
		if u := value.DurationNanos(value.DurationUnit(d)); u >= per {
			return d.I * u / per, nil
		}
	}
	return 0, ddberr.Errorf("The window %d%s of %s doesn't fit the type %s of T.", d.I, value.DurationUnit(d), fn, t)
}
