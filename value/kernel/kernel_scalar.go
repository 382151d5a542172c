package kernel

import (
	"math"

	"github.com/porpoisedb/porpoise/value"
)

// ScalarBinary is the fast path of Binary for two non-NULL BOOL/CHAR/
// SHORT/INT/LONG/DOUBLE scalars under an arithmetic or comparison
// operator: the same result as Binary on one-element vectors, without
// building them. ok is false when the operands or operator are outside it
// (the caller then uses Binary).
func ScalarBinary(op Op, a, b *value.Scalar) (*value.Scalar, bool) {
	if a.Null || b.Null || !scalarFast(a.T) || !scalarFast(b.T) || op > OpGe {
		return nil, false
	}
	if a.T == value.Double || b.T == value.Double || op == OpRatio {
		x, y := scalarFloat(a), scalarFloat(b)
		if op.IsCompare() {
			return value.NewBool(cmpResult(op, cmpF64(x, y))), true
		}
		var r float64
		switch op {
		case OpAdd:
			r = x + y
		case OpSub:
			r = x - y
		case OpMul:
			r = x * y
		case OpDiv, OpRatio:
			if y == 0 {
				return value.NullScalar(value.Double), true
			}
			r = x / y
		case OpMod:
			if y == 0 {
				return value.NullScalar(value.Double), true
			}
			r = x - math.Floor(x/y)*y
		}
		if r-r != 0 {
			return value.NullScalar(value.Double), true
		}
		return value.NewDouble(r), true
	}
	x, y := a.I, b.I
	if op.IsCompare() {
		c := 0
		switch {
		case x < y:
			c = -1
		case x > y:
			c = 1
		}
		return value.NewBool(cmpResult(op, c)), true
	}
	t := value.Int
	if a.T == value.Long || b.T == value.Long {
		t = value.Long
	}
	var r int64
	switch op {
	case OpAdd:
		r = x + y
	case OpSub:
		r = x - y
	case OpMul:
		r = x * y
	case OpDiv:
		if y == 0 {
			return value.NullScalar(t), true
		}
		r = x / y
		if x%y != 0 && (x < 0) != (y < 0) {
			r--
		}
	case OpMod:
		if y == 0 {
			return value.NullScalar(t), true
		}
		r = x % y
		if r != 0 && (r < 0) != (y < 0) {
			r += y
		}
	}
	if t == value.Int {
		// INT arithmetic wraps like the vector kernel's int32 loop.
		return value.NewTyped(value.Int, int64(int32(r))), true
	}
	return value.NewTyped(value.Long, r), true
}

func scalarFast(t value.Type) bool {
	switch t {
	case value.Bool, value.Char, value.Short, value.Int, value.Long, value.Double:
		return true
	}
	return false
}

func scalarFloat(s *value.Scalar) float64 {
	if s.T == value.Double {
		return s.F
	}
	return float64(s.I)
}

func cmpF64(x, y float64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}
