package stats

import (
	"errors"
	"fmt"
	"sort"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/distinct"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/mathfn"
	"github.com/porpoisedb/porpoise/ordstat"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// reducer reduces one column to a scalar.
type reducer func(v *value.Vector) (value.Value, error)

// aggregate lifts a reducer to every form an aggregate takes: a scalar,
// vector or pair reduces to a scalar, a matrix column by column to a
// vector, a table column by column to a one-row table.
func aggregate(fn string, x value.Value, f reducer) (value.Value, error) {
	if s, ok := x.(*value.Scalar); ok && s.IsNothing() {
		x = nil // a call that gave no value
	}
	switch t := x.(type) {
	case *value.Scalar, *value.Vector, *value.Pair:
		v, _ := funcs.VectorArg(t)
		return f(flatArray(v))
	case *value.Matrix:
		cols, _, _ := funcs.ColumnsOf(t)
		return reduceColumns(cols, f)
	case *value.Table:
		cols, err := funcs.MapVectors(t.Cols, func(c *value.Vector) (*value.Vector, error) {
			r, err := f(c)
			if err != nil {
				return nil, err
			}
			s, ok := r.(*value.Scalar)
			if !ok {
				return nil, fmt.Errorf("%s must reduce a column to a scalar.", fn)
			}
			return funcs.ScalarVector(s), nil
		})
		if err != nil {
			return nil, err
		}
		return value.NewTable(append([]string(nil), t.Names...), cols), nil
	case nil:
		return nil, ddberr.Errorf("The argument of %s must not be empty.", fn)
	}
	return nil, ddberr.Errorf("The argument of %s must be a vector, matrix or table, not a %s.", fn, x.Form())
}

// reduceColumns applies f to each column and gathers the scalars into a
// vector of the first result's type.
func reduceColumns(cols []*value.Vector, f reducer) (value.Value, error) {
	var out *value.Vector
	for _, c := range cols {
		r, err := f(c)
		if err != nil {
			return nil, err
		}
		s, ok := r.(*value.Scalar)
		if !ok {
			return nil, ddberr.Errorf("The aggregate must reduce a column to a scalar.")
		}
		if out == nil {
			t := s.T
			if t == value.Void {
				t = value.Double
			}
			out = value.NewVector(t, 0, len(cols))
			out.Scale = s.Scale
		}
		if s.T != out.T && !s.Null {
			c, err := cast.To(s, out.T, out.Scale)
			if err != nil {
				return nil, err
			}
			s = c.(*value.Scalar)
		}
		out.AppendScalar(s)
	}
	if out == nil {
		return value.NewDoubles(nil), nil
	}
	return out, nil
}

// aggSpec declares a one-argument aggregate.
func aggSpec(name, category string, f reducer) funcs.Spec {
	return funcs.Spec{
		Name: name, Params: []string{"X"}, Min: 1, Max: 1,
		Props: funcs.Aggregate | funcs.Pure, Category: category,
		Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			return aggregate(name, args[0], f)
		},
	}
}

// nonNull returns the non-NULL elements of a numeric vector as float64s.
func nonNull(fn string, v *value.Vector) ([]float64, error) {
	xs, err := funcs.DoublesOf(fn, v)
	if err != nil {
		return nil, err
	}
	out := make([]float64, 0, len(xs))
	for _, x := range xs {
		if !funcs.IsNullF(x) {
			out = append(out, x)
		}
	}
	return out, nil
}

// doubleAgg builds a reducer that returns DOUBLE from the non-NULL
// elements (NULL when f reports no result).
func doubleAgg(fn string, f func(xs []float64) (float64, bool)) reducer {
	return func(v *value.Vector) (value.Value, error) {
		xs, err := nonNull(fn, v)
		if err != nil {
			return nil, err
		}
		r, ok := f(xs)
		if !ok || r != r {
			return value.NullScalar(value.Double), nil
		}
		return value.NewDouble(r), nil
	}
}

// ofCounts has r read a temporal column as its counts, which order as the
// times do: the order statistics (med, percentile, quantile) take
// temporal X and give DOUBLE, as for numbers (funcs/p/percentile.md).
func ofCounts(r reducer) reducer {
	return func(v *value.Vector) (value.Value, error) { return r(mathfn.AsNumeric(v)) }
}

// Mean is the arithmetic mean of xs (NaN when xs is empty).
func Mean(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

// Variance is the sum of squared deviations over len(xs)-ddof; ok is
// false when len(xs) <= ddof.
func Variance(xs []float64, ddof int) (float64, bool) {
	n := len(xs)
	if n-ddof <= 0 || n == 0 {
		return 0, false
	}
	m := Mean(xs)
	ss := 0.0
	for _, x := range xs {
		d := x - m
		ss += d * d
	}
	return ss / float64(n-ddof), true
}

// SortedCopy returns xs sorted ascending in a new slice.
func SortedCopy(xs []float64) []float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s
}

// median of sorted values.
func Median(s []float64) float64 {
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

// quantileSorted picks the q-quantile (0..1) of sorted values with
// DolphinDB's interpolation methods; position = (n-1)q.
func QuantileSorted(s []float64, q float64, method string) float64 {
	lo, hi, frac := ordstat.Span(len(s), q)
	return ordstat.Pick(s[lo], s[hi], frac, method)
}

// extremeIndex returns the index of the first smallest (dir < 0) or
// largest (dir > 0) non-NULL element of xs, or -1.
func extremeIndex[T int8 | int16 | int32 | int64 | float32 | float64 | string](xs []T, null T, dir int) int {
	best := -1
	for i, x := range xs {
		if x == null || x != x {
			continue
		}
		if best < 0 || (dir > 0 && x > xs[best]) || (dir < 0 && x < xs[best]) {
			best = i
		}
	}
	return best
}

// extremeOf returns the index of the minimum or maximum element of v
// ignoring NULLs (-1 if none), with a typed loop over v's storage.
func extremeOf(v *value.Vector, dir int) (int, error) {
	if v.T.IsArray() {
		// a position among an array vector's elements indexes no row
		// (imax, atImax); min and max get the elements flattened
		return -1, ddberr.Errorf("The aggregate doesn't support array vectors.")
	}
	switch v.T.Storage() {
	case value.StInt8:
		return extremeIndex(v.I8, value.NullInt8, dir), nil
	case value.StInt16:
		return extremeIndex(v.I16, value.NullInt16, dir), nil
	case value.StInt32:
		return extremeIndex(v.I32, value.NullInt32, dir), nil
	case value.StInt64:
		return extremeIndex(v.I64, value.NullInt64, dir), nil
	case value.StFloat32:
		return extremeIndex(v.F32, value.NullFloat32, dir), nil
	case value.StFloat64:
		return extremeIndex(v.F64, value.NullFloat64, dir), nil
	case value.StString:
		return extremeIndex(v.Strings(), "", dir), nil
	case value.StNone:
		return -1, nil
	}
	best := -1
	for i := 0; i < v.Len(); i++ {
		if v.IsNull(i) {
			continue
		}
		if best < 0 || value.CompareElems(v, i, best)*dir > 0 {
			best = i
		}
	}
	return best, nil
}

// extremeReducer is min (dir -1) or max (dir 1), ignoring NULLs; the
// result keeps X's type.
func extremeReducer(dir int) reducer {
	return func(v *value.Vector) (value.Value, error) {
		i, err := extremeOf(v, dir)
		if err != nil {
			return nil, err
		}
		if i < 0 {
			if v.T == value.Void {
				return value.NullScalar(value.Void), nil
			}
			// a DECIMAL's NULL keeps its scale: the group's column does
			return &value.Scalar{T: v.T, Scale: v.Scale, Null: true}, nil
		}
		return v.Elem(i), nil
	}
}

// sumReducer is sum(X): integral inputs sum exactly into INT (LONG when
// X is LONG or the sum leaves INT's range), floating ones into DOUBLE,
// DECIMAL ones exactly into DECIMAL64 (from DECIMAL32) or DECIMAL128 of
// their scale (tutorials/DECIMAL_Calculation_Characteristics.md 1.2);
// all-NULL gives NULL.
func sumReducer(v *value.Vector) (value.Value, error) {
	switch {
	case v.T == value.Void:
		return value.NullScalar(value.Int), nil
	case v.T.IsDecimal():
		s, n, err := kernel.DecimalTotal(v)
		if err != nil {
			return nil, err
		}
		out, err := kernel.DecimalSums(v.T, v.Scale, []kernel.Int128{s}, []bool{n == 0})
		if err != nil {
			return nil, err
		}
		return out.Elem(0), nil
	}
	if r, ok := typedSum(v); ok {
		return r, nil
	}
	switch {
	case funcs.IsIntegralVec(v):
		var s int64
		n := 0
		for _, x := range funcs.LongsOf(v) {
			if x != value.NullInt64 {
				s += x
				n++
			}
		}
		return intSum(v.T, s, n), nil
	case v.T.IsNumeric():
		xs, err := nonNull("sum", v)
		if err != nil {
			return nil, err
		}
		if len(xs) == 0 {
			return value.NullScalar(value.Double), nil
		}
		s := 0.0
		for _, x := range xs {
			s += x
		}
		return value.NewDouble(s), nil
	}
	return nil, fmt.Errorf("sum doesn't support %s.", v.T)
}

// powerSum returns sum(x^k) over non-NULL elements as DOUBLE.
func powerSum(fn string, k int) reducer {
	return doubleAgg(fn, func(xs []float64) (float64, bool) {
		if len(xs) == 0 {
			return 0, false
		}
		s := 0.0
		for _, x := range xs {
			p := x
			for j := 1; j < k; j++ {
				p *= x
			}
			s += p
		}
		return s, true
	})
}

// prodReducer multiplies the non-NULL elements: LONG for integral X,
// DOUBLE otherwise.
func prodReducer(v *value.Vector) (value.Value, error) {
	if funcs.IsIntegralVec(v) {
		p, n := int64(1), 0
		for _, x := range funcs.LongsOf(v) {
			if x != value.NullInt64 {
				p *= x
				n++
			}
		}
		if n == 0 {
			return value.NullScalar(value.Long), nil
		}
		return value.NewLong(p), nil
	}
	return doubleAgg("prod", func(xs []float64) (float64, bool) {
		if len(xs) == 0 {
			return 0, false
		}
		p := 1.0
		for _, x := range xs {
			p *= x
		}
		return p, true
	})(v)
}

// indexSpec declares imin/imax, which refuse an array vector: a
// position among its elements indexes no row.
func indexSpec(name string, dir int) funcs.Spec {
	s := aggSpec(name, "statistics", indexReducer(dir))
	byVector := s.Fn
	s.Fn = func(env funcs.Env, args []value.Value) (value.Value, error) {
		if v, ok := args[0].(*value.Vector); ok && v.T.IsArray() {
			return nil, ddberr.Errorf("The aggregate doesn't support array vectors.")
		}
		return byVector(env, args)
	}
	return s
}

// indexReducer is imin/imax: the INT position of the first extreme
// element, -1 when there is none.
func indexReducer(dir int) reducer {
	return func(v *value.Vector) (value.Value, error) {
		i, err := extremeOf(v, dir)
		if err != nil {
			return nil, err
		}
		return value.NewInt(int32(i)), nil
	}
}

// pickReducer is first/last: the first or last element, NULL or not.
func pickReducer(first bool) reducer {
	return func(v *value.Vector) (value.Value, error) {
		if v.Len() == 0 {
			return value.NullScalar(v.T), nil
		}
		if first {
			return v.Elem(0), nil
		}
		return v.Elem(v.Len() - 1), nil
	}
}

// nunique counts distinct values of a vector (NULL counted as one value
// unless ignoreNull), or distinct keys across the equal-length vectors of
// a tuple.
func nunique(env funcs.Env, args []value.Value) (value.Value, error) {
	ignore, err := funcs.BoolArg("nunique", "ignoreNull", funcs.Arg(args, 1), false)
	if err != nil {
		return nil, err
	}
	if t, ok := args[0].(*value.Vector); ok && t.T.IsArray() && ignore {
		// nunique.md: ignoreNull can't be true for a tuple or an array vector
		return nil, errors.New("ignoreNull of nunique can't be true when X is a tuple or an array vector.")
	}
	if t, ok := args[0].(*value.Vector); ok && t.T == value.Any {
		if ignore {
			return nil, errors.New("ignoreNull of nunique can't be true when X is a tuple or an array vector.")
		}
		cols := make([]*value.Vector, len(t.Any))
		for i, e := range t.Any {
			v, ok := funcs.VectorArg(e)
			if !ok || (i > 0 && v.Len() != cols[0].Len()) {
				return nil, ddberr.Errorf("The elements of the tuple X of nunique must be vectors of the same length.")
			}
			cols[i] = v
		}
		if len(cols) == 0 {
			return value.NewInt(0), nil
		}
		seen := map[string]struct{}{}
		var key []byte
		ctx := funcs.ContextOf(env)
		for r := 0; r < cols[0].Len(); r++ {
			if r&0xffff == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			key = key[:0]
			for _, c := range cols {
				key = c.AppendKey(key, r)
				key = append(key, 0)
			}
			seen[string(key)] = struct{}{}
		}
		return value.NewInt(int32(len(seen))), nil
	}
	return aggregate("nunique", args[0], func(v *value.Vector) (value.Value, error) {
		v = flatArray(v)
		if codes, base, ok := v.CompactSymbolCodes(); ok {
			return value.NewInt(int32(distinctCodes(codes, len(base), ignore))), nil
		}
		_, first, err := distinct.VectorContext(funcs.ContextOf(env), v)
		if err != nil {
			return nil, err
		}
		n := len(first)
		if ignore {
			for _, r := range first {
				if v.IsNull(r) {
					n-- // NULL and NaN, when both are present
				}
			}
		}
		return value.NewInt(int32(n)), nil
	})
}

// distinctCodes counts the distinct codes of a coded SYMBOL vector whose
// base has n symbols, leaving NULL (code 0) out when ignoreNull.
func distinctCodes(codes []int32, n int, ignoreNull bool) int {
	seen := make([]bool, n)
	seen[0] = ignoreNull
	count := 0
	for _, c := range codes {
		if !seen[c] {
			seen[c] = true
			count++
		}
	}
	return count
}

// modeReducer is the most frequent non-NULL value (the first seen among
// ties).
func modeReducer(v *value.Vector) (value.Value, error) {
	codes, first := distinct.Vector(v)
	counts := make([]int, len(first))
	for _, c := range codes {
		counts[c]++
	}
	best := -1
	for c, r := range first {
		// among equal counts, the value seen first in X
		if !v.IsNull(r) && (best < 0 || counts[c] > counts[best]) {
			best = c
		}
	}
	if best < 0 {
		return value.NullScalar(v.T), nil
	}
	return v.Elem(first[best]), nil
}

// flatArray is an array vector's elements as one vector, which an
// aggregate reduces as a whole (var over a window of an array vector
// is the variance of all its elements: funcs/c/createReactiveStateEngine.md,
// example 4); other vectors are returned as they are.
func flatArray(v *value.Vector) *value.Vector {
	if v == nil || !v.T.IsArray() {
		return v
	}
	flat := *v
	flat.T, flat.Offsets = v.T.Elem(), nil
	return &flat
}
