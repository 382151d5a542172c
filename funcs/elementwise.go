package funcs

import (
	"slices"

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

// OverArrayCells applies f to the cells of y when y is an array vector,
// and cuts f's result (one element per cell) into y's rows: functions
// whose Y may be an array vector answer one per cell in the same shape
// (binsrch, find, asof, lowerBound, in: "Y 可以是...数组向量"). ok is false
// when y is not an array vector.
func OverArrayCells(y value.Value, f func(cells *value.Vector) (value.Value, error)) (out value.Value, ok bool, err error) {
	av, isVec := y.(*value.Vector)
	if !isVec || !av.T.IsArray() {
		return nil, false, nil
	}
	r, err := f(av.Cells())
	if err != nil {
		return nil, true, err
	}
	rv, isVec := r.(*value.Vector)
	if !isVec || rv.Len() != av.Cells().Len() || rv.T.IsArray() || rv.T == value.Any {
		return nil, true, ddberr.Errorf("Incompatible vector size")
	}
	return ArrayOf(rv, slices.Clone(av.Offsets)), true, nil
}

// CellsOf wraps impl so that its argument i may be an array vector,
// answered per cell in that array vector's shape (OverArrayCells).
func CellsOf(i int, impl Impl) Impl {
	return func(env Env, args []value.Value) (value.Value, error) {
		out, ok, err := OverArrayCells(args[i], func(cells *value.Vector) (value.Value, error) {
			a := slices.Clone(args)
			a[i] = cells
			return impl(env, a)
		})
		if ok {
			return out, err
		}
		return impl(env, args)
	}
}

// OverArrayShape computes an element-wise function over array vector
// av's cells: each argument that is an array vector of av's rows gives
// its cells, a vector of one value per row repeats that value over the
// row's cells, a scalar stays; f's result (one element per cell) is cut
// into av's rows (iif(a > 2, a, 0), mask(a, a > 4) on array vectors).
func OverArrayShape(av *value.Vector, args []value.Value, f func(args []value.Value) (value.Value, error)) (value.Value, error) {
	cells := av.Cells().Len()
	a := make([]value.Value, len(args))
	for i, x := range args {
		v, ok := x.(*value.Vector)
		switch {
		case !ok:
			a[i] = x
		case v.T.IsArray():
			if !slices.Equal(v.Offsets, av.Offsets) {
				return nil, ddberr.Errorf("Incompatible vector size")
			}
			a[i] = v.Cells()
		case v.Len() == av.Len():
			idx := make([]int, 0, cells)
			start := int64(0)
			for r, end := range av.Offsets {
				for range end - start {
					idx = append(idx, r)
				}
				start = end
			}
			a[i] = v.Gather(idx)
		default:
			return nil, ddberr.Errorf("Incompatible vector size")
		}
	}
	r, err := f(a)
	if err != nil {
		return nil, err
	}
	rv, ok := r.(*value.Vector)
	if !ok || rv.Len() != cells || rv.T.IsArray() || rv.T == value.Any {
		return nil, ddberr.Errorf("Incompatible vector size")
	}
	return ArrayOf(rv, slices.Clone(av.Offsets)), nil
}

// OverArray wraps an element-wise spec so that array vector arguments
// are computed over their cells (OverArrayShape on the first one), the
// result keeping that array vector's rows: arrayVector.md's binary
// arithmetic with scalars, vectors (one value a row) and array vectors,
// for functions as for operators (pow(x, xx) in tutorials/Array_Vector.md
// 2.3.3).
func OverArray(spec Spec) Spec {
	fn := spec.Fn
	var self Impl
	self = func(env Env, args []value.Value) (value.Value, error) {
		for _, a := range args {
			if av, ok := a.(*value.Vector); ok && av.T.IsArray() {
				return OverArrayShape(av, args, func(cells []value.Value) (value.Value, error) { return self(env, cells) })
			}
		}
		return fn(env, args)
	}
	spec.Fn = self
	return spec
}

// ArrayOf returns cells, a plain vector, cut into rows ending at offsets:
// an array vector sharing cells' memory.
func ArrayOf(cells *value.Vector, offsets []int64) *value.Vector {
	out := *cells
	out.T, out.Offsets = value.ArrayOffset+cells.T, offsets
	return &out
}
