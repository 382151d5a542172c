package mutparam

import "github.com/porpoisedb/porpoise/value"

// Store makes a mutable parameter's new value visible to the caller by
// overwriting the object the caller passed; false when the old and new
// values are of different kinds.
func Store(old, v value.Value) bool {
	switch o := old.(type) {
	case *value.Scalar:
		if n, ok := v.(*value.Scalar); ok {
			*o = *n
			return true
		}
	case *value.Vector:
		if n, ok := v.(*value.Vector); ok {
			*o = *n
			return true
		}
	case *value.Matrix:
		if n, ok := v.(*value.Matrix); ok {
			*o = *n
			return true
		}
	}
	return false
}
