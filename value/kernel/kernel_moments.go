package kernel

import "github.com/porpoisedb/porpoise/value"

// Second-moment kernels: var, std and their population forms read the
// typed storage twice (mean, then squared deviations) instead of
// converting the vector to a []float64 and filtering its NULLs first.

// SumSqDev is the sum of (x - mean)² over the non-NULL elements of an
// integral, logical or floating vector; ok is false for other types
// (DECIMAL among them: their element value needs the scale).
func SumSqDev(v *value.Vector, mean float64) (ss float64, ok bool) {
	if v.T.IsArray() || !v.T.IsNumeric() || v.T.IsDecimal() {
		return 0, false
	}
	switch v.T.Storage() {
	case value.StInt8:
		return sqDev(v.I8, value.NullInt8, mean), true
	case value.StInt16:
		return sqDev(v.I16, value.NullInt16, mean), true
	case value.StInt32:
		return sqDev(v.I32, value.NullInt32, mean), true
	case value.StInt64:
		return sqDev(v.I64, value.NullInt64, mean), true
	case value.StFloat32:
		return sqDev(v.F32, value.NullFloat32, mean), true
	case value.StFloat64:
		return sqDev(v.F64, value.NullFloat64, mean), true
	}
	return 0, false
}

// sqDev is SumSqDev over one typed storage; x == x drops NaN, which
// counts as NULL in floating storage.
func sqDev[T kernelNum](xs []T, null T, mean float64) float64 {
	ss := 0.0
	for _, x := range xs {
		if x != null && x == x {
			d := float64(x) - mean
			ss += d * d
		}
	}
	return ss
}
