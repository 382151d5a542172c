package window

import (
	"cmp"
	"math"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/stats"
	"github.com/porpoisedb/porpoise/value"
)

// slideExtreme writes each frame's first maximum (max) or minimum of the
// non-NULL values of xs into out (null where the frame is not ready or
// holds fewer than minCount values) or, when pos is set, the extreme's
// row into pos instead (-1 there). NULL is null, or NaN (x != x, never true of
// an integer). The deque holds the rows whose value no later row has
// beaten, their values falling (rising for min) from head to tail: the
// head is the frame's extreme, every row enters and leaves once.
func slideExtreme[T cmp.Ordered](xs []T, null T, f *frames, max bool, out []T, pos []int32) {
	los, ready := f.lo[:len(xs)], f.ready[:len(xs)]
	// the deque's rows, and their values beside them: no load through
	// the row to compare
	dq, vals := make([]int32, 0, 64), make([]T, 0, 64)
	head, cnt, lo, minCount := 0, 0, 0, f.minCount
	for i, x := range xs {
		if x != null && x == x {
			cnt++
			// (two loops, the direction tested once a row)
			t := len(dq)
			if max {
				for t > head && x > vals[t-1] {
					t--
				}
			} else {
				for t > head && x < vals[t-1] {
					t--
				}
			}
			dq, vals = append(dq[:t], int32(i)), append(vals[:t], x)
		}
		for l := los[i]; lo < l; lo++ {
			if y := xs[lo]; y != null && y == y {
				cnt--
			}
		}
		for head < len(dq) && int(dq[head]) < lo {
			head++
		}
		if head == len(dq) {
			dq, vals, head = dq[:0], vals[:0], 0
		} else if head >= 1024 && 2*head >= len(dq) {
			// keep the live rows at the front, so the deque's memory
			// stays the size of its longest frame
			dq, vals, head = dq[:copy(dq, dq[head:])], vals[:copy(vals, vals[head:])], 0
		}
		ok := ready[i] && cnt >= minCount && head < len(dq)
		switch {
		case pos != nil && ok:
			pos[i] = dq[head]
		case pos != nil:
			pos[i] = -1
		case ok:
			out[i] = vals[head]
		default:
			out[i] = null
		}
	}
}

// blockExtreme is slideExtreme over count windows of f.width rows
// (van Herk/Gil-Werman): cut into blocks of width rows, a window is the
// end of one block and the start of the next, so its extreme is that of
// the block's suffix and the next block's prefix, three comparisons a row
// whatever the order of the values, with the built-in max and min, which
// do not branch (the deque's comparisons mispredict on values in random
// order). NULLs become the identity (-inf for max, +inf for min) in buf's
// first half; buf's second half holds the suffixes. A frame's count of
// non-NULL values says whether it has an extreme. The built-ins take +0
// over -0 in max and -0 in min whatever their order, where the first
// extreme is wanted: a zero result is looked up in its frame.
func blockExtreme[T number](xs []T, null T, f *frames, max bool, out, buf []T) {
	n, w := len(xs), f.width
	vals, suf := buf[:n], buf[n:2*n]
	fill, isFloat := identity[T](max)
	for i, x := range xs {
		if !(x != null && x == x) {
			x = fill
		}
		vals[i] = x
	}
	pick := func(a, b T) T {
		if max {
			return maxOf(a, b)
		}
		return minOf(a, b)
	}
	for s := 0; s < n; s += w {
		e := min(s+w, n)
		m := vals[e-1]
		suf[e-1] = m
		for i := e - 2; i >= s; i-- {
			m = pick(m, vals[i])
			suf[i] = m
		}
	}
	ready, minCount := f.ready[:n], f.minCount
	var cnt int32
	var m T
	for i, x := range xs {
		cnt += b2i(x != null) & b2i(x == x)
		if i >= w {
			y := xs[i-w]
			cnt -= b2i(y != null) & b2i(y == y)
		}
		if i%w == 0 {
			m = vals[i]
		} else {
			m = pick(m, vals[i])
		}
		r := m
		if i >= w {
			r = pick(suf[i-w+1], m)
		}
		if !ready[i] || int(cnt) < minCount {
			r = null
		} else if r == 0 && isFloat {
			r = firstZero(xs[max0(i-w+1):i+1], r)
		}
		out[i] = r
	}
}

// number is the element types blockExtreme takes.
type number interface {
	~int8 | ~int16 | ~int32 | ~int64 | ~float32 | ~float64
}

// identity is the value that never wins a max (min): the least (greatest)
// value of T, -inf (+inf) for a float, which isFloat says T is.
func identity[T number](max bool) (id T, isFloat bool) {
	sign := 1
	if max {
		sign = -1
	}
	var v any
	switch any(id).(type) {
	case float64:
		v, isFloat = math.Inf(sign), true
	case float32:
		v, isFloat = float32(math.Inf(sign)), true
	case int8:
		v = int8(math.MaxInt8)
		if max {
			v = int8(math.MinInt8)
		}
	case int16:
		v = int16(math.MaxInt16)
		if max {
			v = int16(math.MinInt16)
		}
	case int32:
		v = int32(math.MaxInt32)
		if max {
			v = int32(math.MinInt32)
		}
	default:
		v = int64(math.MaxInt64)
		if max {
			v = int64(math.MinInt64)
		}
	}
	return v.(T), isFloat
}

func maxOf[T number](a, b T) T { return max(a, b) }
func minOf[T number](a, b T) T { return min(a, b) }

// max0 is max(0, i), which blockExtreme's parameter max shadows.
func max0(i int) int {
	if i < 0 {
		return 0
	}
	return i
}

// firstZero is the first zero of frame (whose extreme r is zero): a
// float's -0 or +0 as it comes first, as the deque's extreme would.
func firstZero[T number](frame []T, r T) T {
	for _, y := range frame {
		if y == 0 {
			return y
		}
	}
	return r
}

// longest is the most rows of a segment.
func longest(starts []int) int {
	n := 0
	for i := 0; i+1 < len(starts); i++ {
		n = max(n, starts[i+1]-starts[i])
	}
	return n
}

// extremeOf runs slideExtreme over each segment of v's own storage when
// it is an ordered one (integers, temporal values, DECIMAL32/64,
// floats); ok is false for the rest (strings, symbols, 128-bit values),
// which pickExtreme takes. The result keeps v's type; with pos set, pos
// gets instead each extreme's place in its window (mimax), NULL where
// there is none, and the result no elements.
func extremeOf(v *value.Vector, starts []int, framesOf segmentFrames, max bool, pos []int32) (*value.Vector, bool, error) {
	if v.T == value.Void || v.T.IsArray() {
		return nil, false, nil
	}
	out := &value.Vector{T: v.T, Scale: v.Scale}
	var err error
	switch v.T.Storage() {
	case value.StInt8:
		out.I8, err = extremeSegments(v.I8, value.NullInt8, starts, framesOf, max, pos)
	case value.StInt16:
		out.I16, err = extremeSegments(v.I16, value.NullInt16, starts, framesOf, max, pos)
	case value.StInt32:
		out.I32, err = extremeSegments(v.I32, value.NullInt32, starts, framesOf, max, pos)
	case value.StInt64:
		out.I64, err = extremeSegments(v.I64, value.NullInt64, starts, framesOf, max, pos)
	case value.StFloat32:
		out.F32, err = extremeSegments(v.F32, value.NullFloat32, starts, framesOf, max, pos)
	case value.StFloat64:
		out.F64, err = extremeSegments(v.F64, value.NullFloat64, starts, framesOf, max, pos)
	default:
		return nil, false, nil
	}
	return out, true, err
}

// extremeSegments is slideExtreme over each segment, into a new slice or
// into pos alone (as places in the windows).
func extremeSegments[T number](xs []T, null T, starts []int, framesOf segmentFrames, max bool, pos []int32) ([]T, error) {
	var out, buf []T
	if pos == nil {
		out = make([]T, len(xs))
	}
	for i := 0; i+1 < len(starts); i++ {
		s, e := starts[i], starts[i+1]
		f, err := framesOf(s, e)
		if err != nil {
			return nil, err
		}
		if pos == nil && f.width > 0 {
			if buf == nil {
				buf = make([]T, 2*longest(starts))
			}
			blockExtreme(xs[s:e], null, f, max, out[s:e], buf)
			continue
		}
		if pos == nil {
			slideExtreme(xs[s:e], null, f, max, out[s:e], nil)
			continue
		}
		seg := pos[s:e]
		slideExtreme(xs[s:e], null, f, max, nil, seg)
		for r, j := range seg {
			if j < 0 {
				seg[r] = value.NullInt32
			} else {
				seg[r] = j - int32(f.lo[r])
			}
		}
	}
	return out, nil
}

// whole is a column's one segment and its frames.
func whole(n int, f *frames) ([]int, segmentFrames) {
	return []int{0, n}, func(int, int) (*frames, error) { return f, nil }
}

// wholeColumn is seg over a column as its one segment.
func wholeColumn(seg segColumn) frameColumn {
	return func(v *value.Vector, f *frames) (*value.Vector, error) {
		starts, framesOf := whole(v.Len(), f)
		return seg(v, starts, framesOf)
	}
}

// extremeColumn is mmax/mmin (dir 1/-1) and tmmax/tmmin: each frame's
// extreme, of X's type.
func extremeColumn(dir int) frameColumn { return wholeColumn(extremeSegmented(dir)) }

// extremeSegmented is extremeColumn over segments.
func extremeSegmented(dir int) segColumn {
	return func(v *value.Vector, starts []int, framesOf segmentFrames) (*value.Vector, error) {
		if out, ok, err := extremeOf(v, starts, framesOf, dir > 0, nil); ok {
			return out, err
		}
		return perSegment(func(v *value.Vector, f *frames) (*value.Vector, error) {
			return value.GatherOrNull(v, pickExtreme(dir)(v, f)), nil
		})(v, starts, framesOf)
	}
}

// extremeIndexColumn is mimax/mimin: the extreme's position inside its
// window (INT).
func extremeIndexColumn(dir int) frameColumn { return wholeColumn(extremeIndexSegmented(dir)) }

// extremeIndexSegmented is extremeIndexColumn over segments.
func extremeIndexSegmented(dir int) segColumn {
	return func(v *value.Vector, starts []int, framesOf segmentFrames) (*value.Vector, error) {
		out := make([]int32, v.Len())
		if _, ok, err := extremeOf(v, starts, framesOf, dir > 0, out); ok {
			return value.NewInts(out), err
		}
		return perSegment(func(v *value.Vector, f *frames) (*value.Vector, error) {
			out := make([]int32, v.Len())
			for i, j := range pickExtreme(dir)(v, f) {
				out[i] = value.NullInt32
				if j >= 0 {
					out[i] = int32(j - f.lo[i])
				}
			}
			return value.NewInts(out), nil
		})(v, starts, framesOf)
	}
}

// countColumn is each frame's count of non-NULL values (INT), NULL where
// it is below minP.
func countColumn(v *value.Vector, f *frames, minP int) *value.Vector {
	out := make([]int32, v.Len())
	switch st := v.T.Storage(); {
	case v.T == value.Void || v.T.IsArray():
		slideCount(nonNull(v), false, f, minP, out)
	case st == value.StInt8:
		slideCount(v.I8, value.NullInt8, f, minP, out)
	case st == value.StInt16:
		slideCount(v.I16, value.NullInt16, f, minP, out)
	case st == value.StInt32:
		slideCount(v.I32, value.NullInt32, f, minP, out)
	case st == value.StInt64:
		slideCount(v.I64, value.NullInt64, f, minP, out)
	case st == value.StFloat32:
		slideCount(v.F32, value.NullFloat32, f, minP, out)
	case st == value.StFloat64:
		slideCount(v.F64, value.NullFloat64, f, minP, out)
	default:
		slideCount(nonNull(v), false, f, minP, out)
	}
	return value.NewInts(out)
}

// nonNull flags v's non-NULL elements.
func nonNull(v *value.Vector) []bool {
	present := make([]bool, v.Len())
	for i := range present {
		present[i] = !v.IsNull(i)
	}
	return present
}

// slideCount writes the count of each frame's values other than null
// (and NaN) into out, NULL where it is below minP.
func slideCount[T comparable](xs []T, null T, f *frames, minP int, out []int32) {
	los := f.lo[:len(xs)]
	out = out[:len(xs)]
	var cnt int32
	lo := 0
	for i, x := range xs {
		cnt += b2i(x != null) & b2i(x == x)
		for l := los[i]; lo < l; lo++ {
			y := xs[lo]
			cnt -= b2i(y != null) & b2i(y == y)
		}
		if int(cnt) < minP {
			out[i] = value.NullInt32
		} else {
			out[i] = cnt
		}
	}
}

// rankRows writes each row's rank within its frame into out (NULL where
// the frame is not ready, holds fewer than minCount non-NULL values, or
// the row is NULL and o.IgnoreNA): stats.RankCounts' counts, NULLs lowest,
// taken in one pass over the frame that counts without branching (b2i),
// then stats.RankOf.
func rankRows(xs []float64, f *frames, o stats.RankOptions, out []float64) {
	los, ready := f.lo[:len(xs)], f.ready[:len(xs)]
	out = out[:len(xs)]
	minCount := f.minCount
	// the frame's NULLs (NullFloat64) and NaNs (also NULL), kept as rows
	// enter and leave: the pass over the frame then needs no NULL test
	var nulls, nans int32
	lo := 0
	for i, x := range xs {
		nulls += b2i(x == value.NullFloat64)
		nans += b2i(x != x)
		for l := los[i]; lo < l; lo++ {
			y := xs[lo]
			nulls -= b2i(y == value.NullFloat64)
			nans -= b2i(y != y)
		}
		xn := funcs.IsNullF(x)
		if !ready[i] || xn && o.IgnoreNA {
			out[i] = value.NullFloat64
			continue
		}
		win := xs[lo : i+1]
		size, missing := int32(len(win)), nulls+nans
		valid := size - missing
		if int(valid) < minCount {
			out[i] = value.NullFloat64
			continue
		}
		var less, equal, n int32
		if xn {
			// NULL x ties with the frame's NULLs, below every value
			equal, n = missing, size
			if !o.Ascending {
				less = valid
			}
		} else {
			// below x: the values, and the NULLs (the least double) unless
			// x is -inf; NaN compares false
			lt, eq := rankCounts(win, x)
			lt -= nulls * b2i(x > value.NullFloat64)
			if o.Ascending {
				less, equal, n = lt, eq, valid
				if !o.IgnoreNA {
					less, n = less+missing, size
				}
			} else {
				less, equal, n = valid-lt-eq, eq, valid
				if !o.IgnoreNA {
					n = size
				}
			}
		}
		out[i] = stats.RankOf(x, float64(less), float64(equal), float64(n), o)
	}
}

// rankCounts counts the elements of win below x and equal to it. A
// function of its own: inside rankRows's loop, with its many live
// values, the counts lived in memory, a store and load an element.
func rankCounts(win []float64, x float64) (lt, eq int32) {
	for _, y := range win {
		lt += b2i(y < x)
		eq += b2i(y == x)
	}
	return lt, eq
}

// b2i is 1 for true: counting with it compiles to a flag set, not a
// branch, which a column of NULLs and values in random order mispredicts
// half the time (4x the time of the count).
func b2i(b bool) int32 {
	var i int32
	if b {
		i = 1
	}
	return i
}
