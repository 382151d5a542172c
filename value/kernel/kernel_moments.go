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
		return sqDevInts(v.I8, value.NullInt8, mean), true
	case value.StInt16:
		return sqDevInts(v.I16, value.NullInt16, mean), true
	case value.StInt32:
		return sqDevInts(v.I32, value.NullInt32, mean), true
	case value.StInt64:
		return sqDevInts(v.I64, value.NullInt64, mean), true
	case value.StFloat32:
		return sqDevFloats(v.F32, value.NullFloat32, mean), true
	case value.StFloat64:
		return sqDevFloats(v.F64, value.NullFloat64, mean), true
	}
	return 0, false
}

func sqDevInts[T KernelInt](xs []T, null T, mean float64) float64 {
	ss := 0.0
	for _, x := range xs {
		if x != null {
			d := float64(x) - mean
			ss += d * d
		}
	}
	return ss
}

func sqDevFloats[T KernelFloat](xs []T, null T, mean float64) float64 {
	ss := 0.0
	for _, x := range xs {
		if x != null && x == x {
			d := float64(x) - mean
			ss += d * d
		}
	}
	return ss
}
