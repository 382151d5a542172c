package value

import "math"

// ScalarBinary is the fast path of Binary for two non-NULL BOOL/CHAR/
// SHORT/INT/LONG/DOUBLE scalars under an arithmetic or comparison
// operator: the same result as Binary on one-element vectors, without
// building them. ok is false when the operands or operator are outside it
// (the caller then uses Binary).
func ScalarBinary(op Op, a, b *Scalar) (*Scalar, bool) {
	if a.Null || b.Null || !scalarFast(a.T) || !scalarFast(b.T) || op > OpGe {
		return nil, false
	}
	if a.T == Double || b.T == Double || op == OpRatio {
		x, y := scalarFloat(a), scalarFloat(b)
		if op.IsCompare() {
			return NewBool(cmpResult(op, cmpF64(x, y))), true
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
				return NullScalar(Double), true
			}
			r = x / y
		case OpMod:
			if y == 0 {
				return NullScalar(Double), true
			}
			r = x - math.Floor(x/y)*y
		}
		if r-r != 0 {
			return NullScalar(Double), true
		}
		return NewDouble(r), true
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
		return NewBool(cmpResult(op, c)), true
	}
	t := Int
	if a.T == Long || b.T == Long {
		t = Long
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
			return NullScalar(t), true
		}
		r = x / y
		if x%y != 0 && (x < 0) != (y < 0) {
			r--
		}
	case OpMod:
		if y == 0 {
			return NullScalar(t), true
		}
		r = x % y
		if r != 0 && (r < 0) != (y < 0) {
			r += y
		}
	}
	if t == Int {
		// INT arithmetic wraps like the vector kernel's int32 loop.
		return NewTyped(Int, int64(int32(r))), true
	}
	return NewTyped(Long, r), true
}

func scalarFast(t Type) bool {
	switch t {
	case Bool, Char, Short, Int, Long, Double:
		return true
	}
	return false
}

func scalarFloat(s *Scalar) float64 {
	if s.T == Double {
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
