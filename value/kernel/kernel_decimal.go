package kernel

import (
	"math"
	"math/bits"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// DECIMAL arithmetic, from the DECIMAL tutorial ("算术运算规则"):
// DECIMAL32 op DECIMAL32 is DECIMAL32, any DECIMAL64 side gives DECIMAL64;
// an INT/LONG side converts to the DECIMAL side's type with scale 0. The
// result scale is max(S1, S2) for + and -, S1+S2 for *, S1 for /. A sum,
// difference or product whose scale or values leave its type moves up to
// DECIMAL64, then DECIMAL128 (tutorials/DECIMAL_Calculation_Characteristics.md:
// since 2.00.10 decimal32(4.0000,4) * decimal32(8.0000,4) is the DECIMAL64
// 32.00000000; funcs/d/decimalMultiply.md: decimal32(1\7, 8) *
// decimal32(1\6, 8) is a DECIMAL64 with scale 16); only DECIMAL128's
// overflow fails, with "Decimal math overflow".
// DECIMAL with a floating side, ratio and mod compute in DOUBLE.
// DECIMAL128 has its own exact kernel (decimal128Arith).

// ErrDecimalOverflow is a DECIMAL result that leaves its storage.
var ErrDecimalOverflow = ddberr.Errorf("Decimal math overflow")

var errScaleBounds = ddberr.Errorf("Scale is out of bounds")

// decimalArith handles +, -, *, / between DECIMAL32/64 and integral
// operands; ok is false when the operator or types are not its business.
func decimalArith(op Op, x, y Operand, n int) (*value.Vector, bool, error) {
	if op != OpAdd && op != OpSub && op != OpMul && op != OpDiv {
		return nil, false, nil
	}
	xt, yt := x.V.T, y.V.T
	decOrInt := func(t value.Type) bool {
		return t == value.Decimal32 || t == value.Decimal64 || t.Category() == value.CatIntegral || t == value.Bool
	}
	if !decOrInt(xt) || !decOrInt(yt) {
		return nil, false, nil
	}
	t := value.Decimal32
	if xt == value.Decimal64 || yt == value.Decimal64 {
		t = value.Decimal64
	}
	if op == OpDiv {
		return decimalArithIn(op, x, y, n, t)
	}
	return decimalWidening(op, x, y, n, t)
}

// decimalWidening is x op y in t or, where its scale or a value leaves t,
// in the next wider DECIMAL type that holds them all.
func decimalWidening(op Op, x, y Operand, n int, t value.Type) (*value.Vector, bool, error) {
	widths := []value.Type{value.Decimal32, value.Decimal64}
	if t == value.Decimal64 {
		widths = widths[1:]
	}
	for _, w := range widths {
		out, ok, err := decimalArithIn(op, x, y, n, w)
		if err != errScaleBounds && err != ErrDecimalOverflow {
			return out, ok, err
		}
	}
	return decimal128Of(op, x, y, n)
}

// decimalArithIn is op on DECIMAL32/64 or integral operands with a result
// of type t.
func decimalArithIn(op Op, x, y Operand, n int, t value.Type) (*value.Vector, bool, error) {
	xs, ys, scale, err := decimalScales(op, x, y, t)
	if err != nil {
		return nil, true, err
	}
	a, err := decimalRaw(x.V)
	if err != nil {
		return nil, true, err
	}
	b, err := decimalRaw(y.V)
	if err != nil {
		return nil, true, err
	}
	if op == OpAdd || op == OpSub {
		if a, err = rescaleRaw(a, scale-xs); err != nil {
			return nil, true, err
		}
		if b, err = rescaleRaw(b, scale-ys); err != nil {
			return nil, true, err
		}
	}
	out := make([]int64, n)
	ma, mb := mask(x), mask(y)
	lo, hi := int64(math.MinInt64+1), int64(math.MaxInt64)
	if t == value.Decimal32 {
		lo, hi = math.MinInt32+1, math.MaxInt32
	}
	p := int64(1)
	if op == OpDiv {
		p = pow10i(ys)
	}
	for i := range out {
		u, v := a[i&ma], b[i&mb]
		if u == value.NullInt64 || v == value.NullInt64 {
			out[i] = value.NullInt64
			continue
		}
		var r int64
		ok := true
		switch op {
		case OpAdd:
			r = u + v
			ok = (u >= 0) != (v >= 0) || (r >= 0) == (u >= 0)
		case OpSub:
			r = u - v
			ok = (u >= 0) == (v >= 0) || (r >= 0) == (u >= 0)
		case OpMul:
			r, ok = mulInt64(u, v)
		case OpDiv:
			if v == 0 {
				out[i] = value.NullInt64
				continue
			}
			var num int64
			num, ok = mulInt64(u, p)
			r = num / v
		}
		if !ok || r < lo || r > hi {
			return nil, true, ErrDecimalOverflow
		}
		out[i] = r
	}
	res := value.NewVector(t, 0, 0)
	res.Scale = scale
	if t == value.Decimal64 {
		res.I64 = out
		return res, true, nil
	}
	res.I32 = make([]int32, n)
	for i, r := range out {
		if r == value.NullInt64 {
			res.I32[i] = value.NullInt32
		} else {
			res.I32[i] = int32(r)
		}
	}
	return res, true, nil
}

// decimalScales is the scales of the operands of op (0 for an integral
// side) and of its result of type t: max(S1, S2) for + and -, S1+S2 for
// *, S1 for /. A result scale beyond t's fails.
func decimalScales(op Op, x, y Operand, t value.Type) (xs, ys, scale int32, err error) {
	xs, ys = x.V.Scale, y.V.Scale
	if !x.V.T.IsDecimal() {
		xs = 0
	}
	if !y.V.T.IsDecimal() {
		ys = 0
	}
	switch op {
	case OpAdd, OpSub:
		scale = max(xs, ys)
	case OpMul:
		scale = xs + ys
	case OpDiv:
		scale = xs
	}
	if int(scale) > t.MaxScale() {
		return 0, 0, 0, errScaleBounds
	}
	return xs, ys, scale, nil
}

// decimalRaw is a DECIMAL32/64 or integral vector's unscaled values as
// int64s, NULL as NullInt64.
func decimalRaw(v *value.Vector) ([]int64, error) {
	if v.T.Storage() == value.StInt64 {
		return v.I64, nil
	}
	r := RawView(v)
	w, err := cast.Vector(r, value.Long, 0)
	if err != nil {
		return nil, err
	}
	return w.I64, nil
}

// rescaleRaw multiplies unscaled values by 10^k (k ≥ 0), failing on
// overflow.
func rescaleRaw(xs []int64, k int32) ([]int64, error) {
	if k == 0 {
		return xs, nil
	}
	p := pow10i(k)
	out := make([]int64, len(xs))
	for i, x := range xs {
		if x == value.NullInt64 {
			out[i] = value.NullInt64
			continue
		}
		r, ok := mulInt64(x, p)
		if !ok {
			return nil, ErrDecimalOverflow
		}
		out[i] = r
	}
	return out, nil
}

func pow10i(k int32) int64 {
	p := int64(1)
	for ; k > 0; k-- {
		p *= 10
	}
	return p
}

// mulInt64 is a*b and whether it fits an int64 (other than its NULL).
func mulInt64(a, b int64) (int64, bool) {
	neg := (a < 0) != (b < 0)
	ua, ub := uint64(a), uint64(b)
	if a < 0 {
		ua = -ua
	}
	if b < 0 {
		ub = -ub
	}
	hi, lo := bits.Mul64(ua, ub)
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	r := int64(lo)
	if neg {
		r = -r
	}
	return r, true
}
