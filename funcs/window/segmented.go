package window

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/stats"
	"github.com/porpoisedb/porpoise/value"
	vkernel "github.com/porpoisedb/porpoise/value/kernel"
)

// A segmented call (funcs.Spec.Segmented) computes a moving function over
// each group of a context by at once: the groups are consecutive
// segments of the columns, each with its own frames, and the results go
// into one column with no allocation per group where the column's kind
// allows.

// segmentFrames gives the frames of rows s up to e of a segmented call,
// relative to s.
type segmentFrames func(s, e int) (*frames, error)

// prefix is the frames of the first n rows: a count window's frames over
// n rows are the prefix of its frames over more.
func (f *frames) prefix(n int) *frames {
	p := *f
	p.n = n
	if f.lo != nil {
		p.lo, p.ready = f.lo[:n], f.ready[:n]
	}
	return &p
}

// countSegments are count windows (from count: countFrames or countSpan)
// over each segment: the frames of the longest, built once.
func countSegments(starts []int, w, minP int, count func(n, w, minPeriods int) *frames) segmentFrames {
	f := count(longest(starts), w, minP)
	return func(s, e int) (*frames, error) { return f.prefix(e - s), nil }
}

// segColumn computes one column of a moving function over each segment
// of v.
type segColumn func(v *value.Vector, starts []int, framesOf segmentFrames) (*value.Vector, error)

// perSegment is col run on each segment, the results joined: for the
// columns without a loop of their own over segments.
func perSegment(col frameColumn) segColumn {
	return func(v *value.Vector, starts []int, framesOf segmentFrames) (*value.Vector, error) {
		var out *value.Vector
		for i := 0; i+1 < len(starts); i++ {
			s, e := starts[i], starts[i+1]
			f, err := framesOf(s, e)
			if err != nil {
				return nil, err
			}
			r, err := col(v.Slice(s, e), f)
			if err != nil {
				return nil, err
			}
			if out == nil {
				out = value.NewVector(r.T, 0, v.Len())
				out.Scale = r.Scale
			}
			out.AppendVector(r)
		}
		return out, nil
	}
}

// kernelSegments runs a DOUBLE kernel, or its form over an integer
// column's own storage (ik), over each segment into one column.
func kernelSegments(fn string, k kernel, ik intKernels) segColumn {
	return func(v *value.Vector, starts []int, framesOf segmentFrames) (*value.Vector, error) {
		if !funcs.IsNumericVec(v) {
			return nil, ddberr.Errorf("The argument of %s must be numeric.", fn)
		}
		if v.T.IsDecimal() && decimalSums[fn] {
			return decimalSegments(fn, v, starts, framesOf)
		}
		var xs []float64
		out := make([]float64, v.Len())
		for i := 0; i+1 < len(starts); i++ {
			s, e := starts[i], starts[i+1]
			f, err := framesOf(s, e)
			if err != nil {
				return nil, err
			}
			switch {
			case ik.i32 != nil && v.T == value.Int && len(v.I32) == v.Len():
				if ik.i32(v.I32[s:e], f, out[s:e]) {
					nullResults(fn, doubles(v.I32[s:e]), f, out[s:e])
				}
			case ik.i64 != nil && v.T == value.Long && len(v.I64) == v.Len():
				if ik.i64(v.I64[s:e], f, out[s:e]) {
					nullResults(fn, doubles(v.I64[s:e]), f, out[s:e])
				}
			default:
				if xs == nil {
					if xs, err = funcs.DoublesOf(fn, v); err != nil {
						return nil, err
					}
				}
				kernelRows(fn, xs[s:e], f, k, out[s:e])
			}
		}
		return value.NewDoubles(out), nil
	}
}

// decimalSums are the sums and means a DECIMAL X gives exactly: the sums
// in sum's wider DECIMAL, the means from the exact sums
// (tutorials/DECIMAL_Calculation_Characteristics.md 1.2 and 4).
var decimalSums = map[string]bool{"msum": true, "mavg": true, "tmsum": true, "tmavg": true}

// decimalSegments is a sum or mean of decimalSums over each segment's
// frames, every row's window read as rows of the whole column.
func decimalSegments(fn string, v *value.Vector, starts []int, framesOf segmentFrames) (*value.Vector, error) {
	n := v.Len()
	lo, ready := make([]int, n), make([]bool, n)
	minCount := 1
	for k := 0; k+1 < len(starts); k++ {
		s, e := starts[k], starts[k+1]
		f, err := framesOf(s, e)
		if err != nil {
			return nil, err
		}
		minCount = f.minCount
		for j, l := range f.starts() {
			lo[s+j] = s + l
			ready[s+j] = j >= f.lead
			if f.ready != nil {
				ready[s+j] = f.ready[j]
			}
		}
	}
	return vkernel.WindowDecimal(v, lo, ready, minCount, fn == "mavg" || fn == "tmavg")
}

// kernelRows runs k over xs into out, NULL where its result is not one
// (see runKernel).
func kernelRows(fn string, xs []float64, f *frames, k kernel, out []float64) {
	if k(xs, f, out) {
		nullResults(fn, xs, f, out)
	}
}

// nullResults makes a kernel's raw results over xs NULL where they are
// not one.
func nullResults(fn string, xs []float64, f *frames, out []float64) {
	if plainSums[fn] {
		// their inf is the IEEE sum of the frame's values, an infinity
		// among them or finite values that overflow (1e308 + 1e308)
		funcs.NullNaN(out)
	} else {
		stats.NullNonFinite(out, xs, nil, f.starts())
	}
}

// segmentable says whether a segmented call may take X as given: a
// numeric vector, which the per-group calls would take whole.
func segmentable(x value.Value) (*value.Vector, bool) {
	v, ok := x.(*value.Vector)
	return v, ok && v.T != value.Void && funcs.IsNumericVec(v)
}

// countSegmented is the Segmented of mfunc(X, window, [minPeriods]) over
// count windows, seg computing its column (durations, and windows that
// are not a scalar, as mavg's weights, go per segment).
func countSegmented(name string, seg segColumn, count func(n, w, minPeriods int) *frames) func(funcs.Env, []value.Value, []int) (value.Value, bool, error) {
	return func(_ funcs.Env, args []value.Value, starts []int) (value.Value, bool, error) {
		v, ok := segmentable(args[0])
		w, isScalar := args[1].(*value.Scalar)
		if !ok || !isScalar || w.T == value.Duration {
			return nil, false, nil
		}
		width, minP, err := movingArgs(name, args[1], funcs.Arg(args, 2))
		if err != nil {
			return nil, true, err
		}
		r, err := seg(v, starts, countSegments(starts, width, minP, count))
		return r, true, err
	}
}

// timeSegmented is the Segmented of tmfunc(T, X, window): each
// segment's frames from its own rows of T.
func timeSegmented(name string, seg segColumn, frame timeWindows) func(funcs.Env, []value.Value, []int) (value.Value, bool, error) {
	return func(env funcs.Env, args []value.Value, starts []int) (value.Value, bool, error) {
		t, isVec := args[0].(*value.Vector)
		v, ok := segmentable(args[1])
		if !ok || !isVec || t.Len() != v.Len() {
			return nil, false, nil
		}
		r, err := seg(v, starts, func(s, e int) (*frames, error) { return frame(env, name, t.Slice(s, e), args[2]) })
		return r, true, err
	}
}

// pairSegments runs a pair statistic's kernel over each segment of X and
// Y into one column, NULL where its result is not one.
func pairSegments(name string, x, y value.Value, k pairLoop, starts []int, framesOf segmentFrames) (value.Value, bool, error) {
	var ferr error
	r, err := stats.PairColumns(name, x, y, func(xs, ys, out []float64) {
		for i := 0; i+1 < len(starts) && ferr == nil; i++ {
			s, e := starts[i], starts[i+1]
			var f *frames
			if f, ferr = framesOf(s, e); ferr != nil {
				return
			}
			pairRows(k, xs[s:e], ys[s:e], f, out[s:e])
		}
	})
	if ferr != nil {
		return nil, true, ferr
	}
	return r, true, err
}
