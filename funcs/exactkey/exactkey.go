package exactkey

import (
	"math"
	"math/bits"
	"slices"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// InDouble reports whether v's values as DOUBLEs keep their order and
// distinctness: integral and temporal values within 2^53 (a
// NANOTIMESTAMP's nanoseconds are past it, and two a nanosecond apart
// would tie), and DECIMAL32/64 values whose raw integers are within 2^50
// (dividing by the scale then rounds less than their distance).
func InDouble(v *value.Vector) bool {
	limit := int64(1) << 53
	if v.T.Category() == value.CatDecimal {
		limit = 1 << 50
	}
	switch v.T.Storage() {
	case value.StInt8, value.StInt16, value.StInt32:
		return true
	case value.StInt64:
		for _, x := range v.I64 {
			if x != value.NullInt64 && (x < -limit || x > limit) {
				return false
			}
		}
		return true
	}
	return false
}

// Order is v's elements as DOUBLEs that order and tie as the elements
// do, for a caller that only compares them: the values themselves where
// DOUBLE holds them apart (always for FLOAT and DOUBLE), else each
// element's place among v's sorted distinct values. NULL is
// value.NullFloat64. A v that is not numeric (temporal included: callers
// pass its counts when they take it) is funcs.DoublesOf's error.
func Order(fn string, v *value.Vector) ([]float64, error) {
	if !funcs.IsNumericVec(v) || v.T.Category() == value.CatFloating || InDouble(v) {
		return funcs.DoublesOf(fn, v)
	}
	out := make([]float64, v.Len())
	switch v.T.Storage() {
	case value.StInt64:
		distinct := make([]int64, 0, len(v.I64))
		for _, x := range v.I64 {
			if x != value.NullInt64 {
				distinct = append(distinct, x)
			}
		}
		slices.Sort(distinct)
		distinct = slices.Compact(distinct)
		for i, x := range v.I64 {
			if x == value.NullInt64 {
				out[i] = value.NullFloat64
				continue
			}
			k, _ := slices.BinarySearch(distinct, x)
			out[i] = float64(k)
		}
	default: // DECIMAL128
		idx := make([]int, 0, v.Len())
		for i := range v.Len() {
			if !v.IsNull(i) {
				idx = append(idx, i)
			}
			out[i] = value.NullFloat64
		}
		slices.SortFunc(idx, func(a, b int) int { return value.CompareElems(v, a, b) })
		k := 0
		for j, i := range idx {
			if j > 0 && value.CompareElems(v, idx[j-1], i) != 0 {
				k++
			}
			out[i] = float64(k)
		}
	}
	return out, nil
}

// CountOrder is Order over v, a temporal v read as its counts, which
// order as the times do.
func CountOrder(fn string, v *value.Vector) ([]float64, error) {
	if v.T.IsTemporal() {
		v = kernel.RawView(v)
	}
	return Order(fn, v)
}

// WithOrder adapts f to a per-column function that first reads the
// column with Order, as funcs.WithDoubles does with DoublesOf; temporal
// columns are read as their counts, which order as they do.
func WithOrder(fn string, f func(v *value.Vector, xs []float64) (*value.Vector, error)) func(*value.Vector) (*value.Vector, error) {
	return func(v *value.Vector) (*value.Vector, error) {
		xs, err := CountOrder(fn, v)
		if err != nil {
			return nil, err
		}
		return f(v, xs)
	}
}

// Longs reads vs as int64s comparable with one another: integral,
// logical and temporal elements as they are (temporal as their counts),
// DECIMAL32 and DECIMAL64 raw values at the largest scale among vs and
// the integers scaled with them; scale is that scale. NULL is
// value.NullInt64, below every value. ok is false when one of vs is
// floating, DECIMAL128, an array or not numeric, and when scaling
// overflows.
func Longs(vs ...*value.Vector) (out [][]int64, scale int32, ok bool) {
	for _, v := range vs {
		switch v.T.Category() {
		case value.CatLogical, value.CatIntegral, value.CatTemporal:
		case value.CatDecimal:
			if v.T.Storage() != value.StInt32 && v.T.Storage() != value.StInt64 {
				return nil, 0, false
			}
			scale = max(scale, v.Scale)
		default:
			return nil, 0, false
		}
		if v.T.IsArray() {
			return nil, 0, false
		}
	}
	out = make([][]int64, len(vs))
	for k, v := range vs {
		xs, from := raw(v)
		if from < scale {
			f := int64(math.Pow10(int(scale - from)))
			for i, x := range xs {
				if x == value.NullInt64 {
					continue
				}
				m := x
				if m < 0 {
					m = -m
				}
				hi, lo := bits.Mul64(uint64(m), uint64(f))
				if hi != 0 || lo > math.MaxInt64 {
					return nil, 0, false
				}
				xs[i] = x * f
			}
		}
		out[k] = xs
	}
	return out, scale, true
}

// raw is a fresh copy of v's elements as int64s (a DECIMAL's raw
// values, a temporal value's count) and the scale they are at.
func raw(v *value.Vector) ([]int64, int32) {
	xs := make([]int64, v.Len())
	switch v.T.Storage() {
	case value.StInt64:
		copy(xs, v.I64)
	case value.StInt32:
		for i, x := range v.I32 {
			xs[i] = int64(x)
			if x == value.NullInt32 {
				xs[i] = value.NullInt64
			}
		}
	default: // BOOL, CHAR, SHORT: cast keeps their NULLs
		if d, err := cast.Vector(v, value.Long, 0); err == nil {
			copy(xs, d.I64)
		}
	}
	if v.T.Category() == value.CatDecimal {
		return xs, v.Scale
	}
	return xs, 0
}
