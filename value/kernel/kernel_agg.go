package kernel

import (
	"github.com/porpoisedb/porpoise/value"
)

// Aggregate kernels over typed slices: one pass, NULLs skipped (process_null.md:
// aggregates ignore NULL), nothing allocated. The engine's sum/avg/min/max/
// count (and SQL group-by per group) call these instead of reading
// elements one by one.

// KernelInt is an integer element type of a vector's storage.
type KernelInt interface {
	~int8 | ~int16 | ~int32 | ~int64
}

// KernelFloat is a floating element type of a vector's storage.
type KernelFloat interface{ ~float32 | ~float64 }

// SumFloat64 is the sum of the non-NULL elements of xs (NaN counts as
// NULL) and how many there were.
func SumFloat64(xs []float64) (sum float64, n int) {
	return SumFloats(xs, value.NullFloat64)
}

// SumFloats is SumFloat64 for FLOAT or DOUBLE storage, null the type's
// sentinel; the sum is accumulated in float64.
func SumFloats[T KernelFloat](xs []T, null T) (sum float64, n int) {
	for _, x := range xs {
		if x != null && x == x {
			sum += float64(x)
			n++
		}
	}
	return sum, n
}

// SumInts is the int64 sum (wrapping) of the non-NULL elements of xs and
// how many there were; null is the storage's NULL sentinel.
func SumInts[T KernelInt](xs []T, null T) (sum int64, n int) {
	for _, x := range xs {
		if x != null {
			sum += int64(x)
			n++
		}
	}
	return sum, n
}

// MinMaxInts is the smallest and largest non-NULL element of xs; ok is
// false when every element is NULL.
func MinMaxInts[T KernelInt](xs []T, null T) (lo, hi T, ok bool) {
	first := true
	for _, x := range xs {
		if x == null {
			continue
		}
		if first {
			lo, hi, first = x, x, false
			continue
		}
		lo = min(lo, x)
		hi = max(hi, x)
	}
	return lo, hi, !first
}

// MinMaxFloats is the smallest and largest non-NULL (non-NaN) element of
// xs; ok is false when every element is NULL.
func MinMaxFloats[T KernelFloat](xs []T, null T) (lo, hi T, ok bool) {
	first := true
	for _, x := range xs {
		if x == null || x != x {
			continue
		}
		if first {
			lo, hi, first = x, x, false
			continue
		}
		if x < lo {
			lo = x
		}
		if x > hi {
			hi = x
		}
	}
	return lo, hi, !first
}

// CountNotNull is the number of non-NULL elements of a vector (rows of an
// array vector).
func CountNotNull(v *value.Vector) int {
	if v.T.IsArray() {
		return v.Len()
	}
	switch v.T.Storage() {
	case value.StInt8:
		return countNot(v.I8, value.NullInt8)
	case value.StInt16:
		return countNot(v.I16, value.NullInt16)
	case value.StInt32:
		return countNot(v.I32, value.NullInt32)
	case value.StInt64:
		return countNot(v.I64, value.NullInt64)
	case value.StFloat32:
		_, n := SumFloats(v.F32, value.NullFloat32)
		return n
	case value.StFloat64:
		_, n := SumFloats(v.F64, value.NullFloat64)
		return n
	case value.StString:
		n := 0
		for _, s := range v.Strings() {
			if s != "" {
				n++
			}
		}
		return n
	}
	n := 0
	for i, l := 0, v.Len(); i < l; i++ {
		if !v.IsNull(i) {
			n++
		}
	}
	return n
}

func countNot[T KernelInt](xs []T, null T) int {
	n := 0
	for _, x := range xs {
		if x != null {
			n++
		}
	}
	return n
}

// SumAsFloat is the sum of a numeric vector's non-NULL elements as a
// float64 (DECIMALs by their value) and their count; ok is false for a
// non-numeric vector. avg is sum/n.
func SumAsFloat(v *value.Vector) (sum float64, n int, ok bool) {
	if !v.T.IsNumeric() || v.T.IsArray() {
		return 0, 0, false
	}
	switch v.T.Storage() {
	case value.StFloat32:
		sum, n = SumFloats(v.F32, value.NullFloat32)
		return sum, n, true
	case value.StFloat64:
		sum, n = SumFloats(v.F64, value.NullFloat64)
		return sum, n, true
	}
	if v.T.IsDecimal() {
		// The exact sum, converted once: unscaled DECIMAL64 sums
		// overflow int64, and float64 running sums lose the digits
		// DolphinDB keeps (DECIMAL_Calculation_Characteristics.md 1.1).
		s, n, err := DecimalTotal(v)
		if err != nil {
			return 0, 0, false
		}
		return DecimalValue(s, v.Scale), n, true
	}
	s, n, ok := sumIntegral(v)
	if !ok {
		return 0, 0, false
	}
	return float64(s), n, true
}

// SumAsInt is the int64 sum of an integral or BOOL vector's non-NULL
// elements and their count; ok is false for other types.
func SumAsInt(v *value.Vector) (sum int64, n int, ok bool) {
	if v.T.IsArray() || (v.T.Category() != value.CatIntegral && v.T != value.Bool) {
		return 0, 0, false
	}
	return sumIntegral(v)
}

// sumIntegral is SumInts over an integral storage; ok is false for others.
func sumIntegral(v *value.Vector) (sum int64, n int, ok bool) {
	switch v.T.Storage() {
	case value.StInt8:
		sum, n = SumInts(v.I8, value.NullInt8)
	case value.StInt16:
		sum, n = SumInts(v.I16, value.NullInt16)
	case value.StInt32:
		sum, n = SumInts(v.I32, value.NullInt32)
	case value.StInt64:
		sum, n = SumInts(v.I64, value.NullInt64)
	default:
		return 0, 0, false
	}
	return sum, n, true
}

// IntsOf is xs as an INT vector: row positions, or counts of rows.
func IntsOf[T int | int64](xs []T) *value.Vector {
	out := make([]int32, len(xs))
	for i, x := range xs {
		out[i] = int32(x)
	}
	return value.NewInts(out)
}
