package stats

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// monotonic reports whether X never decreases (dir 1) or never increases
// (dir -1); NULL counts as the smallest value.
func monotonic(fn string, x value.Value, dir int) (value.Value, error) {
	v, ok := funcs.VectorArg(x)
	if !ok {
		return nil, ddberr.Errorf("X of %s must be a vector.", fn)
	}
	for i := 1; i < v.Len(); i++ {
		an, bn := v.IsNull(i-1), v.IsNull(i)
		var c int
		switch {
		case an && bn:
		case an:
			c = 1
		case bn:
			c = -1
		default:
			c = value.CompareAcross(v, i, v, i-1)
		}
		if c*dir < 0 {
			return value.NewBool(false), nil
		}
	}
	return value.NewBool(true), nil
}

// extremePoints marks peaks (dir 1) or valleys: both neighbours non-NULL
// and strictly (or, with strict=false, weakly) below (above) the element.
// A run of equal elements is a plateau: with strict=false each element of
// a plateau whose outer neighbours are lower is a peak.
func extremePoints(fn string, args []value.Value, dir int) (value.Value, error) {
	strict, err := funcs.BoolArg(fn, "strict", funcs.Arg(args, 1), true)
	if err != nil {
		return nil, err
	}
	f := func(v *value.Vector) (*value.Vector, error) {
		xs, err := funcs.DoublesOf(fn, v)
		if err != nil {
			return nil, err
		}
		n := len(xs)
		out := value.NewVector(value.Bool, n, n)
		for i := 1; i < n-1; i++ {
			x := xs[i]
			if funcs.IsNullF(x) {
				continue
			}
			if strict {
				a, b := xs[i-1], xs[i+1]
				if !funcs.IsNullF(a) && !funcs.IsNullF(b) && float64(dir)*(x-a) > 0 && float64(dir)*(x-b) > 0 {
					out.I8[i] = 1
				}
				continue
			}
			// Extend over the plateau of equal values around i.
			lo, hi := i, i
			for lo > 0 && xs[lo-1] == x {
				lo--
			}
			for hi < n-1 && xs[hi+1] == x {
				hi++
			}
			if lo == 0 || hi == n-1 {
				continue
			}
			a, b := xs[lo-1], xs[hi+1]
			if !funcs.IsNullF(a) && !funcs.IsNullF(b) && float64(dir)*(x-a) > 0 && float64(dir)*(x-b) > 0 {
				out.I8[i] = 1
			}
		}
		return out, nil
	}
	if t, ok := args[0].(*value.Table); ok {
		return mapNumericColumns(t, f)
	}
	return MapColumns(fn, args[0], f)
}

// difference is X's last element minus its first (funcs/d/difference.md):
// 0 for a scalar, NULL for an empty vector or a NULL end; integral X gives
// INT (LONG for LONG), floating X DOUBLE.
func difference(v *value.Vector) (value.Value, error) {
	if !funcs.IsNumericVec(v) {
		return nil, ddberr.Errorf("X of %s must be a numeric vector.", "difference")
	}
	n := v.Len()
	if funcs.IsIntegralVec(v) {
		t := value.Int
		if v.T == value.Long {
			t = value.Long
		}
		if n == 0 {
			return value.NullScalar(t), nil
		}
		ends := funcs.LongsOf(v.Gather([]int{0, n - 1}))
		if ends[0] == value.NullInt64 || ends[1] == value.NullInt64 {
			return value.NullScalar(t), nil
		}
		return funcs.FromLongs(t, []int64{ends[1] - ends[0]}).At(0), nil
	}
	if n == 0 {
		return value.NullScalar(value.Double), nil
	}
	ends, err := funcs.DoublesOf("difference", v.Gather([]int{0, n - 1}))
	if err != nil {
		return nil, err
	}
	return value.NewDoubles(funcs.Finite([]float64{ends[1] - ends[0]})).At(0), nil
}

// RunningDrawdown walks xs' non-NULL elements keeping the largest fall
// from their running peak (as a fraction of the peak with ratio), and
// returns it and whether any element was seen. With out (as long as xs),
// out[i] is the fall so far, NULL until the first element and where it is
// not finite: cummdd's column.
func RunningDrawdown(xs []float64, ratio bool, out []float64) (mdd float64, seen bool) {
	peak := 0.0
	for i, x := range xs {
		if !funcs.IsNullF(x) {
			if !seen || x > peak {
				peak, seen = x, true
			}
			d := peak - x
			if ratio {
				d /= peak
			}
			if d > mdd {
				mdd = d
			}
		}
		if out != nil {
			out[i] = value.NullFloat64
			if seen && mdd == mdd && !math.IsInf(mdd, 0) {
				out[i] = mdd
			}
		}
	}
	return mdd, seen
}

// maxDrawdown is the largest fall of X's non-NULL elements from their
// running peak (funcs/m/maxdrawdown.md): with ratio, as a fraction of the
// peak (DOUBLE), else in X's units and type.
func maxDrawdown(_ funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "maxDrawdown"
	ratio, err := funcs.BoolArg(fn, "ratio", funcs.Arg(args, 1), true)
	if err != nil {
		return nil, err
	}
	return aggregate(fn, args[0], func(v *value.Vector) (value.Value, error) {
		if !funcs.IsNumericVec(v) {
			return nil, ddberr.Errorf("X of %s must be a numeric vector.", fn)
		}
		xs, err := funcs.DoublesOf(fn, v)
		if err != nil {
			return nil, err
		}
		mdd, seen := RunningDrawdown(xs, ratio, nil)
		if !seen || mdd != mdd || math.IsInf(mdd, 0) {
			return value.NullScalar(value.Double), nil
		}
		if !ratio && v.T != value.Double {
			return cast.To(value.NewDouble(mdd), v.T, v.Scale)
		}
		return value.NewDouble(mdd), nil
	})
}
