package funcs

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// Floats returns x (a numeric scalar, vector, pair or matrix) as a DOUBLE
// vector, the element slice DOUBLE NULLs in place of NULLs, and a function
// that wraps a DOUBLE vector of the same shape back into x's form. The
// slice may be x's own storage: callers write results into a new slice.
func Floats(fn string, x value.Value) ([]float64, func(*value.Vector) value.Value, error) {
	v, wrap, ok := ShapeOf(x)
	if !ok {
		return nil, nil, ddberr.Errorf("The argument of %s must be numeric.", fn)
	}
	xs, err := DoublesOf(fn, v)
	if err != nil {
		return nil, nil, err
	}
	return xs, wrap, nil
}

// MapFloat applies f to every non-NULL element of a numeric x and returns
// DOUBLE results in x's form; NULL stays NULL and a NaN result is NULL.
func MapFloat(fn string, x value.Value, f func(float64) float64) (value.Value, error) {
	in, wrap, err := Floats(fn, x)
	if err != nil {
		return nil, err
	}
	return wrap(mapNonNull(in, f)), nil
}

// mapNonNull is the loop of MapFloat and MapDouble: f of each non-NULL
// element, NULL for NULL and for a NaN result.
func mapNonNull(in []float64, f func(float64) float64) *value.Vector {
	out := make([]float64, len(in))
	for i, a := range in {
		if IsNullF(a) {
			out[i] = value.NullFloat64
			continue
		}
		r := f(a)
		if r != r {
			r = value.NullFloat64
		}
		out[i] = r
	}
	return value.NewDoubles(out)
}

// OverTuple makes an element-wise spec map a tuple argument element by
// element (TupleANYVector.md: a pow 3 is (8,[27,125],1000) for
// a=(2, [3, 5], 10)): tuples of one length go together, other arguments
// whole to every call; the result is a tuple.
func OverTuple(spec Spec) Spec {
	fn := spec.Fn
	var each Impl
	each = func(env Env, args []value.Value) (value.Value, error) {
		n := -1
		for _, a := range args {
			if tu, ok := a.(*value.Vector); ok && tu.T == value.Any {
				if n >= 0 && tu.Len() != n {
					return nil, ddberr.Errorf("Incompatible vector size")
				}
				n = tu.Len()
			}
		}
		if n < 0 {
			return fn(env, args)
		}
		out := make([]value.Value, n)
		for i := range out {
			call := make([]value.Value, len(args))
			for k, a := range args {
				call[k] = a
				if tu, ok := a.(*value.Vector); ok && tu.T == value.Any {
					call[k] = tu.Any[i]
				}
			}
			var err error
			if out[i], err = each(env, call); err != nil {
				return nil, err
			}
		}
		return value.NewTuple(out), nil
	}
	spec.Fn = each
	return spec
}
