package stats

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
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
