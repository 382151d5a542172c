package funcs

import (
	"context"
	"math"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// isNullF reports whether a DOUBLE element is NULL: DolphinDB's -DBL_MAX
// sentinel, or NaN, which DolphinDB also treats as NULL.
func IsNullF(f float64) bool { return f == value.NullFloat64 || f != f }

// vectorArg returns the elements of a scalar, vector or pair.
func VectorArg(x value.Value) (*value.Vector, bool) {
	switch t := x.(type) {
	case *value.Scalar:
		return ScalarVector(t), true
	case *value.Vector:
		return t, true
	case *value.Pair:
		return t.V, true
	}
	return nil, false
}

// VectorOrMatrixData returns the elements of a vector, or a matrix's
// column-major data; ok is false for other forms.
func VectorOrMatrixData(x value.Value) (v *value.Vector, ok bool) {
	switch t := x.(type) {
	case *value.Vector:
		return t, true
	case *value.Matrix:
		return t.V, true
	}
	return nil, false
}

// scalarVector is a one-element vector of s; a VOID NULL (a bare NULL
// literal), which has no element storage, becomes a DOUBLE NULL.
func ScalarVector(s *value.Scalar) *value.Vector {
	if s.T == value.Void {
		return value.NewDoubles([]float64{value.NullFloat64})
	}
	return s.Vector()
}

// shapeOf returns the element vector of a scalar, vector, pair or matrix
// and a function that wraps a result vector of the same length back into
// x's form (matrix labels kept).
func ShapeOf(x value.Value) (*value.Vector, func(*value.Vector) value.Value, bool) {
	switch t := x.(type) {
	case *value.Scalar:
		return ScalarVector(t), func(r *value.Vector) value.Value { return r.Elem(0) }, true
	case *value.Vector:
		return t, func(r *value.Vector) value.Value { return r }, true
	case *value.Pair:
		return t.V, func(r *value.Vector) value.Value { return &value.Pair{V: r} }, true
	case *value.Matrix:
		return t.V, func(r *value.Vector) value.Value {
			return t.WithData(r)
		}, true
	}
	return nil, nil, false
}

// isNumericVec reports whether v holds numbers (logical, integral,
// floating, decimal) or only NULLs of VOID type.
func IsNumericVec(v *value.Vector) bool {
	return (v.T == value.Void || v.T.IsNumeric()) && !v.T.IsArray()
}

// DoublesOf returns a numeric vector's elements as float64s with
// value.NullFloat64 for NULLs. The slice may be v's own storage: callers
// must not write to it.
func DoublesOf(fn string, v *value.Vector) ([]float64, error) {
	if !IsNumericVec(v) {
		return nil, ddberr.Errorf("The argument of %s must be numeric.", fn)
	}
	if v.T == value.Void {
		out := make([]float64, v.Len())
		for i := range out {
			out[i] = value.NullFloat64
		}
		return out, nil
	}
	d, err := cast.Vector(v, value.Double, 0)
	if err != nil {
		return nil, err
	}
	return d.F64, nil
}

// WithDoubles adapts f to a per-column function that first reads the
// column with DoublesOf; f still gets the column for its type.
func WithDoubles(fn string, f func(v *value.Vector, xs []float64) (*value.Vector, error)) func(*value.Vector) (*value.Vector, error) {
	return func(v *value.Vector) (*value.Vector, error) {
		xs, err := DoublesOf(fn, v)
		if err != nil {
			return nil, err
		}
		return f(v, xs)
	}
}

// DoublesOf2 is DoublesOf of x, then of y: the two sides of a pair
// function.
func DoublesOf2(fn string, x, y *value.Vector) (xs, ys []float64, err error) {
	if xs, err = DoublesOf(fn, x); err != nil {
		return nil, nil, err
	}
	if ys, err = DoublesOf(fn, y); err != nil {
		return nil, nil, err
	}
	return xs, ys, nil
}

// longsOf returns an integral or logical vector's elements as int64s with
// value.NullInt64 for NULLs (possibly v's own storage: read only).
func LongsOf(v *value.Vector) []int64 {
	if v.T == value.Void {
		out := make([]int64, v.Len())
		for i := range out {
			out[i] = value.NullInt64
		}
		return out
	}
	d, err := cast.Vector(v, value.Long, 0)
	if err != nil {
		return make([]int64, v.Len())
	}
	return d.I64
}

// isIntegralVec reports whether v is logical or integral (not temporal).
func IsIntegralVec(v *value.Vector) bool {
	c := v.T.Category()
	return !v.T.IsArray() && (c == value.CatIntegral || c == value.CatLogical)
}

// Stride is 0 for a one-element vector, which broadcasts against a longer
// operand, else 1: row i of the broadcast reads element i*Stride(v).
func Stride(v *value.Vector) int {
	if v.Len() == 1 {
		return 0
	}
	return 1
}

// MapVectors applies f to each of vs in order, stopping at the first
// error.
func MapVectors(vs []*value.Vector, f func(*value.Vector) (*value.Vector, error)) ([]*value.Vector, error) {
	out := make([]*value.Vector, len(vs))
	for i, v := range vs {
		r, err := f(v)
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

// mapForms applies f, which maps a vector to a vector of the same length,
// to x keeping x's form: a scalar, vector, pair or matrix directly, a
// table column by column, a dictionary on its values.
func MapForms(fn string, x value.Value, f func(*value.Vector) (*value.Vector, error)) (value.Value, error) {
	switch t := x.(type) {
	case *value.Table:
		cols, err := MapVectors(t.Cols, f)
		if err != nil {
			return nil, err
		}
		return value.NewTable(append([]string(nil), t.Names...), cols), nil
	case *value.Dict:
		r, err := f(t.Vals)
		if err != nil {
			return nil, err
		}
		return t.WithValues(r), nil
	}
	v, wrap, ok := ShapeOf(x)
	if !ok {
		return nil, ddberr.Errorf("The argument of %s must be numeric.", fn)
	}
	r, err := f(v)
	if err != nil {
		return nil, err
	}
	return wrap(r), nil
}

// mapDouble applies f to each non-NULL element of a numeric x (any form
// mapForms takes) and returns DOUBLE results; NULL stays NULL and a NaN
// or infinite-by-domain result is NULL, as DolphinDB prints log(0).
func MapDouble(fn string, x value.Value, f func(float64) float64) (value.Value, error) {
	return MapForms(fn, x, func(v *value.Vector) (*value.Vector, error) {
		in, err := DoublesOf(fn, v)
		if err != nil {
			return nil, err
		}
		return mapNonNull(in, f), nil
	})
}

// AbsInt is |x|.
func AbsInt[T int | int64](x T) T {
	if x < 0 {
		return -x
	}
	return x
}

// fromLongs builds a vector of integral type t from int64s holding
// value.NullInt64 for NULLs, narrowing with t's NULL sentinel.
func FromLongs(t value.Type, xs []int64) *value.Vector {
	v := value.NewLongs(xs)
	if t == value.Long {
		return v
	}
	r, err := cast.Vector(v, t, 0)
	if err != nil {
		return v
	}
	return r
}

// nullDoubles returns n DOUBLE NULLs.
func NullDoubles(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = value.NullFloat64
	}
	return out
}

// columnsOf splits a vector (one column), matrix (its columns) or table
// (its columns) into column vectors; wrap rebuilds x's form from result
// columns of any common length.
func ColumnsOf(x value.Value) ([]*value.Vector, func([]*value.Vector) value.Value, bool) {
	switch t := x.(type) {
	case *value.Vector:
		return []*value.Vector{t}, func(r []*value.Vector) value.Value { return r[0] }, true
	case *value.Pair:
		return []*value.Vector{t.V}, func(r []*value.Vector) value.Value { return r[0] }, true
	case *value.Scalar:
		return []*value.Vector{ScalarVector(t)}, func(r []*value.Vector) value.Value { return r[0].Elem(0) }, true
	case *value.Matrix:
		cols := make([]*value.Vector, t.Cols)
		for c := range cols {
			cols[c] = t.V.Slice(c*t.Rows, (c+1)*t.Rows)
		}
		return cols, func(r []*value.Vector) value.Value {
			if len(r) == 0 {
				return &value.Matrix{V: value.NewVector(t.V.T, 0, 0), Cols: 0, Rows: t.Rows}
			}
			flat := value.NewVector(r[0].T, 0, r[0].Len()*len(r))
			flat.Scale = r[0].Scale
			for _, c := range r {
				flat.AppendVector(c)
			}
			out := &value.Matrix{V: flat, Rows: r[0].Len(), Cols: len(r), ColLabels: t.ColLabels}
			if out.Rows == t.Rows {
				// a column-wise result keeps the rows' labels (an indexed series')
				out.RowLabels = t.RowLabels
				out.Indexed = t.Indexed
			}
			return out
		}, true
	case *value.Table:
		return t.Cols, func(r []*value.Vector) value.Value {
			return value.NewTable(append([]string(nil), t.Names...), r)
		}, true
	}
	return nil, nil, false
}

// NullsAsNaN is a copy of xs (as DoublesOf gives them) with NaN for
// NULL, the missing value of float arithmetic and numeric libraries.
func NullsAsNaN(xs []float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		if IsNullF(x) {
			x = math.NaN()
		}
		out[i] = x
	}
	return out
}

// Dot is the inner product of two equally long slices, summed in order.
func Dot(a, b []float64) float64 {
	s := 0.0
	for i, x := range a {
		s += x * b[i]
	}
	return s
}

// IdentityRows is the n×n identity matrix as rows.
func IdentityRows(n int) [][]float64 {
	out := make([][]float64, n)
	for i := range out {
		out[i] = make([]float64, n)
		out[i][i] = 1
	}
	return out
}

// AllFinite reports whether xs holds no NaN and no infinity.
func AllFinite(xs []float64) bool {
	for _, x := range xs {
		if x != x || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// Finite turns NaN and infinities into NULL in place.
func Finite(out []float64) []float64 {
	for i, r := range out {
		if r != r || math.IsInf(r, 0) {
			out[i] = value.NullFloat64
		}
	}
	return out
}

// NullNaN turns NaN into NULL in place and keeps infinities: for the
// statistics whose infinite results are what IEEE arithmetic gives over
// their values (a frame holding an infinity, finite values whose sum
// overflows).
func NullNaN(xs []float64) []float64 {
	for i, r := range xs {
		if r != r {
			xs[i] = value.NullFloat64
		}
	}
	return xs
}

// ScalarOrVector returns a scalar's one-element vector (scalar true) or a
// vector itself; v is nil for any other form.
func ScalarOrVector(x value.Value) (v *value.Vector, scalar bool) {
	switch a := x.(type) {
	case *value.Scalar:
		return a.Vector(), true
	case *value.Vector:
		return a, false
	}
	return nil, false
}

// Operand reads an operator's operand: a scalar (as a one-element vector,
// scalar true), a vector or a pair's elements; any other form is
// DolphinDB's error for an operator.
func Operand(x value.Value) (v *value.Vector, scalar bool, err error) {
	if v, scalar, ok := value.VectorOf(x); ok {
		return v, scalar, nil
	}
	return nil, false, ddberr.Errorf("The operator doesn't support a %s operand.", strings.ToLower(x.Form().String()))
}

// hornerCheck is how many multiply-adds Horner runs between looks at the
// context: a few milliseconds of work.
const hornerCheck = 1 << 22

// Horner evaluates coeffs[0] + coeffs[1]·x + coeffs[2]·x² + ... at each
// of xs, NULL staying NULL. A polynomial of as many coefficients as
// points is quadratic work (minutes at 200K of each), so it stops with
// ctx's error once ctx is cancelled.
func Horner(ctx context.Context, coeffs, xs []float64) ([]float64, error) {
	out := make([]float64, len(xs))
	rows := max(1, hornerCheck/max(1, len(coeffs)))
	for start := 0; start < len(xs); start += rows {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for i := start; i < min(len(xs), start+rows); i++ {
			x := xs[i]
			if IsNullF(x) {
				out[i] = value.NullFloat64
				continue
			}
			s := 0.0
			for j := len(coeffs) - 1; j >= 0; j-- {
				s = s*x + coeffs[j]
			}
			out[i] = s
		}
	}
	return out, nil
}
