package kernel

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// numericArith is an arithmetic or bitwise operator on two numeric
// operands. Integral operands compute in INT (LONG when either side is
// LONG); a FLOAT, DOUBLE or DECIMAL side (or ratio) computes in DOUBLE,
// FLOAT when both sides are FLOAT.
func numericArith(op Op, x, y Operand, n int) (*value.Vector, error) {
	xt, yt := x.V.T, y.V.T
	xc, yc := xt.Category(), yt.Category()
	floating := xc == value.CatFloating || yc == value.CatFloating || xc == value.CatDecimal || yc == value.CatDecimal || op == OpRatio
	if floating {
		if op.isBitwise() {
			return nil, ddberr.Errorf("The operator %s is not supported for floating values.", op)
		}
		t := value.Double
		if xt == value.Float && yt == value.Float {
			t = value.Float
		}
		x, y, err := castOperands(x, y, t)
		if err != nil {
			return nil, err
		}
		out := value.NewVector(t, n, n)
		if t == value.Float {
			floatArith(op, out.F32, x.V.F32, y.V.F32, mask(x), mask(y), value.NullFloat32)
		} else {
			floatArith(op, out.F64, x.V.F64, y.V.F64, mask(x), mask(y), value.NullFloat64)
		}
		return out, nil
	}
	t := value.Int
	if xt == value.Long || yt == value.Long {
		t = value.Long
	}
	x, y, err := castOperands(x, y, t)
	if err != nil {
		return nil, err
	}
	out := value.NewVector(t, n, n)
	if t == value.Long {
		intArith(op, out.I64, x.V.I64, y.V.I64, mask(x), mask(y), value.NullInt64)
	} else {
		intArith(op, out.I32, x.V.I32, y.V.I32, mask(x), mask(y), value.NullInt32)
	}
	return out, nil
}

type kernelInt interface{ ~int32 | ~int64 }

type kernelFloat interface{ ~float32 | ~float64 }

// intArith writes a op b into out. ma and mb are the operands' index masks
// (0 broadcasts element 0). NULL in either operand, and a zero divisor,
// give NULL; +, -, * wrap.
func intArith[T kernelInt](op Op, out, a, b []T, ma, mb int, null T) {
	broadcast(out, a, b, ma, mb, func(out, a, b []T) { intArithVV(op, out, a, b, null) })
}

// intArithVV is intArith over equal-length slices.
func intArithVV[T kernelInt](op Op, out, a, b []T, null T) {
	a, b = a[:len(out)], b[:len(out)]
	switch op {
	case OpAdd:
		intEach(out, a, b, null, func(x, y T) T { return x + y })
	case OpSub:
		intEach(out, a, b, null, func(x, y T) T { return x - y })
	case OpMul:
		intEach(out, a, b, null, func(x, y T) T { return x * y })
	case OpDiv:
		for i := range out {
			x, y := a[i], b[i]
			if x == null || y == null || y == 0 {
				out[i] = null
				continue
			}
			q := x / y
			if x%y != 0 && (x < 0) != (y < 0) {
				q--
			}
			out[i] = q
		}
	case OpMod:
		for i := range out {
			x, y := a[i], b[i]
			if x == null || y == null || y == 0 {
				out[i] = null
				continue
			}
			m := x % y
			if m != 0 && (m < 0) != (y < 0) {
				m += y
			}
			out[i] = m
		}
	case OpBitAnd, OpBitOr, OpBitXor, OpShl, OpShr:
		for i := range out {
			x, y := a[i], b[i]
			if x == null || y == null {
				out[i] = null
				continue
			}
			out[i] = bitOp(op, x, y)
		}
	}
}

func bitOp[T kernelInt](op Op, x, y T) T {
	switch op {
	case OpBitAnd:
		return x & y
	case OpBitOr:
		return x | y
	case OpBitXor:
		return x ^ y
	case OpShl:
		// uint keeps a negative count from panicking: it shifts everything out.
		return x << uint64(y)
	}
	return x >> uint64(y)
}

// floatArith writes a op b into out. NULL operands give NULL, and so do
// division by zero and a NaN result.
func floatArith[T kernelFloat](op Op, out, a, b []T, ma, mb int, null T) {
	broadcast(out, a, b, ma, mb, func(out, a, b []T) { floatArithVV(op, out, a, b, null) })
}

// floatArithVV is floatArith over equal-length slices.
func floatArithVV[T kernelFloat](op Op, out, a, b []T, null T) {
	a, b = a[:len(out)], b[:len(out)]
	switch op {
	case OpAdd:
		floatEach(out, a, b, null, func(x, y T) T { return x + y })
	case OpSub:
		floatEach(out, a, b, null, func(x, y T) T { return x - y })
	case OpMul:
		floatEach(out, a, b, null, func(x, y T) T { return x * y })
	case OpDiv, OpRatio:
		for i := range out {
			x, y := a[i], b[i]
			r := x / y
			if x == null || y == null || y == 0 || r != r {
				r = null
			}
			out[i] = r
		}
	case OpMod:
		for i := range out {
			x, y := a[i], b[i]
			r := T(float64(x) - math.Floor(float64(x)/float64(y))*float64(y))
			if x == null || y == null || y == 0 || r != r {
				r = null
			}
			out[i] = r
		}
	}
}

// intEach writes f(a[i], b[i]), NULL where either operand is NULL. It is
// small enough to inline, and f with it, so each operator stays one typed
// loop.
func intEach[T kernelInt](out, a, b []T, null T, f func(x, y T) T) {
	for i := range out {
		x, y := a[i], b[i]
		r := f(x, y)
		if x == null || y == null {
			r = null
		}
		out[i] = r
	}
}

// floatEach writes f(a[i], b[i]), NULL where either operand is NULL or the
// result is NaN (inf-inf, 0*inf); an infinite result stays infinite, as
// in DolphinDB, which orders -inf below NULL (progr/data_mani/sort_null.md).
// It inlines like intEach.
func floatEach[T kernelFloat](out, a, b []T, null T, f func(x, y T) T) {
	for i := range out {
		x, y := a[i], b[i]
		r := f(x, y)
		if x == null || y == null || r != r {
			r = null
		}
		out[i] = r
	}
}

// broadcastChunk is how many elements a kernel handles per call of its
// equal-length loop; a broadcast scalar is repeated into a buffer of this
// size once, so the loops need neither index masks nor bounds checks.
const broadcastChunk = 1024

// broadcast runs f over out in chunks, giving it equal-length slices of a
// and b; an operand with mask 0 is a scalar repeated to the chunk length.
func broadcast[T, U any](out []U, a, b []T, ma, mb int, f func(out []U, a, b []T)) {
	n := len(out)
	if n == 0 {
		return
	}
	if ma != 0 && mb != 0 {
		f(out, a[:n], b[:n])
		return
	}
	var abuf, bbuf []T
	if ma == 0 {
		abuf = repeat(a[0], min(n, broadcastChunk))
	}
	if mb == 0 {
		bbuf = repeat(b[0], min(n, broadcastChunk))
	}
	for lo := 0; lo < n; lo += broadcastChunk {
		hi := min(lo+broadcastChunk, n)
		as, bs := abuf, bbuf
		if ma != 0 {
			as = a[lo:hi]
		}
		if mb != 0 {
			bs = b[lo:hi]
		}
		f(out[lo:hi], as[:hi-lo], bs[:hi-lo])
	}
}

func repeat[T any](x T, n int) []T {
	s := make([]T, n)
	for i := range s {
		s[i] = x
	}
	return s
}
