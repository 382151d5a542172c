package funcs

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Floats returns x (a numeric scalar, vector, pair or matrix) as a DOUBLE
// vector, the element slice DOUBLE NULLs in place of NULLs, and a function
// that wraps a DOUBLE vector of the same shape back into x's form. The
// slice may be x's own storage: callers write results into a new slice.
func Floats(fn string, x value.Value) ([]float64, func(*value.Vector) value.Value, error) {
	var v *value.Vector
	var wrap func(*value.Vector) value.Value
	switch t := x.(type) {
	case *value.Scalar:
		v = t.Vector()
		wrap = func(r *value.Vector) value.Value { return r.At(0) }
	case *value.Vector:
		v = t
		wrap = func(r *value.Vector) value.Value { return r }
	case *value.Pair:
		v = t.V
		wrap = func(r *value.Vector) value.Value { return &value.Pair{V: r} }
	case *value.Matrix:
		v = t.V
		wrap = func(r *value.Vector) value.Value {
			return t.WithData(r)
		}
	default:
		return nil, nil, ddberr.Errorf("The argument of %s must be numeric.", fn)
	}
	if v.T != value.Void && !v.T.IsNumeric() || v.T.IsArray() {
		return nil, nil, ddberr.Errorf("The argument of %s must be numeric.", fn)
	}
	if v.T == value.Void {
		out := make([]float64, v.Len())
		for i := range out {
			out[i] = value.NullFloat64
		}
		return out, wrap, nil
	}
	d, err := cast.Vector(v, value.Double, 0)
	if err != nil {
		return nil, nil, err
	}
	return d.F64, wrap, nil
}

// MapFloat applies f to every non-NULL element of a numeric x and returns
// DOUBLE results in x's form; NULL stays NULL and a NaN result is NULL.
func MapFloat(fn string, x value.Value, f func(float64) float64) (value.Value, error) {
	in, wrap, err := Floats(fn, x)
	if err != nil {
		return nil, err
	}
	out := make([]float64, len(in))
	for i, a := range in {
		if a == value.NullFloat64 {
			out[i] = value.NullFloat64
			continue
		}
		r := f(a)
		if math.IsNaN(r) {
			r = value.NullFloat64
		}
		out[i] = r
	}
	return wrap(value.NewDoubles(out)), nil
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
