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
			return value.NewBool(cmpResult(op, cmp3(x, y))), true
		}
		r, ok := ringOp(op, x, y)
		if !ok {
			if y == 0 {
				return value.NullScalar(value.Double), true
			}
			if op == OpMod {
				r = x - math.Floor(x/y)*y
			} else {
				r = x / y
			}
		}
		if r != r {
			return value.NullScalar(value.Double), true
		}
		return value.NewDouble(r), true
	}
	x, y := a.I, b.I
	if op.IsCompare() {
		return value.NewBool(cmpResult(op, cmp3(x, y))), true
	}
	t := value.Int
	if a.T == value.Long || b.T == value.Long {
		t = value.Long
	}
	r, ok := ringOp(op, x, y)
	if !ok {
		if y == 0 {
			return value.NullScalar(t), true
		}
		if op == OpMod {
			r = x % y
			if r != 0 && (r < 0) != (y < 0) {
				r += y
			}
		} else {
			r = x / y
			if x%y != 0 && (x < 0) != (y < 0) {
				r--
			}
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

// ringOp is x op y for +, - and *; ok is false for the other operators.
func ringOp[T int64 | float64](op Op, x, y T) (r T, ok bool) {
	switch op {
	case OpAdd:
		return x + y, true
	case OpSub:
		return x - y, true
	case OpMul:
		return x * y, true
	}
	return 0, false
}

// cmp3 is -1, 0 or 1 as x is less than, equal to or greater than y (0
// when a NaN makes them unordered).
func cmp3[T int64 | float64](x, y T) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}
