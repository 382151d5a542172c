package kernel

import (
	"math"
	"math/bits"

	"github.com/porpoisedb/porpoise/value"
)

// A DECIMAL compared with an integer, or with a DECIMAL of another type
// or scale, compares exactly: the other side converts to DECIMAL
// (tutorials/DECIMAL.md 2.3), here both sides to 128-bit integers at the
// larger scale, which no DECIMAL or integer leaves. Through DOUBLE,
// decimal64("12345678.0000000001", 10) would equal 12345678.

// exactWithDecimal says whether a side of type t compares with a DECIMAL
// exactly: a DECIMAL, an integer or a BOOL.
func exactWithDecimal(t value.Type) bool {
	c := t.Category()
	return t.IsDecimal() || c == value.CatIntegral || c == value.CatLogical
}

// decimalCompare compares x and y, a DECIMAL and a DECIMAL or an
// integer, exactly at the larger of their scales.
func decimalCompare(op Op, x, y Operand, n int) *value.Vector {
	s := max(decimalScale(x.V), decimalScale(y.V))
	out := value.NewVector(value.Bool, n, n)
	// the usual filter, a DECIMAL column against a constant: the constant
	// at the column's scale, in its storage, compared in one typed loop
	if y.Scalar && !x.Scalar && x.V.T.IsDecimal() && x.V.Scale == s {
		if c, ok := scalarAs(x.V, y.V, s); ok {
			compareStorage(op, out.I8, x, Operand{V: c, Scalar: true})
			return out
		}
	}
	if x.Scalar && !y.Scalar && y.V.T.IsDecimal() && y.V.Scale == s {
		if c, ok := scalarAs(y.V, x.V, s); ok {
			compareStorage(op, out.I8, Operand{V: c, Scalar: true}, y)
			return out
		}
	}
	ma, mb := mask(x), mask(y)
	if a, b, ok := unscaled64At(x.V, y.V, s); ok {
		cmpLoop(op, out.I8, a, b, ma, mb, value.NullInt64)
		return out
	}
	a, b := unscaledAt(x.V, s), unscaledAt(y.V, s)
	for i := range out.I8 {
		out.I8[i] = BoolAs[int8](cmpResult(op, a[i&ma].Cmp(b[i&mb])))
	}
	return out
}

// decimalScale is a DECIMAL's scale, 0 for an integer.
func decimalScale(v *value.Vector) int32 {
	if v.T.IsDecimal() {
		return v.Scale
	}
	return 0
}

// scalarAs is scalar c at scale s in DECIMAL column v's type, when it
// fits v's storage without landing on its NULL.
func scalarAs(v, c *value.Vector, s int32) (*value.Vector, bool) {
	x := unscaledAt(c, s)[0]
	null := x == Int128{Hi: math.MinInt64}
	out := value.NewVector(v.T, 1, 1)
	out.Scale = s
	switch v.T.Storage() {
	case value.StInt32:
		w, ok := x.Int64()
		switch {
		case null:
			out.I32[0] = value.NullInt32
		case !ok || w <= math.MinInt32 || w > math.MaxInt32:
			return nil, false
		default:
			out.I32[0] = int32(w)
		}
	case value.StInt64:
		w, ok := x.Int64()
		switch {
		case null:
			out.I64[0] = value.NullInt64
		case !ok || w == value.NullInt64:
			return nil, false
		default:
			out.I64[0] = w
		}
	default:
		out.B16[0] = x.Bytes()
	}
	return out, true
}

// unscaled64At is x's and y's values (DECIMAL32/64s or integers) as
// int64s at scale s, NULL as LONG's; ok is false when a DECIMAL128 or a
// value that leaves 64 bits at s asks for 128.
func unscaled64At(x, y *value.Vector, s int32) (a, b []int64, ok bool) {
	if s > 18 || x.T == value.Decimal128 || y.T == value.Decimal128 {
		return nil, nil, false
	}
	at := func(v *value.Vector) ([]int64, error) {
		raw, err := decimalRaw(v)
		if err != nil {
			return nil, err
		}
		return rescaleRaw(raw, s-decimalScale(v))
	}
	a, errA := at(x)
	b, errB := at(y)
	return a, b, errA == nil && errB == nil
}

// unscaledAt is v's values (a DECIMAL's or an integer's) as 128-bit
// integers at scale s, at least theirs; NULL is the smallest, a value
// beyond 128 bits at s the largest or smallest of the rest, past every
// value another side holds at s.
func unscaledAt(v *value.Vector, s int32) []Int128 {
	out := make([]Int128, v.Len())
	null := Int128{Hi: math.MinInt64}
	if v.T.IsDecimal() {
		eachDecimal(v, func(i int, x Int128, isNull bool) bool {
			out[i] = x
			if isNull {
				out[i] = null
			}
			return true
		})
	} else {
		n := v.Len()
		switch v.T.Storage() {
		case value.StInt8:
			widen(out, v.I8[:n], value.NullInt8)
		case value.StInt16:
			widen(out, v.I16[:n], value.NullInt16)
		case value.StInt32:
			widen(out, v.I32[:n], value.NullInt32)
		case value.StInt64:
			widen(out, v.I64[:n], value.NullInt64)
		}
	}
	if k := s - decimalScale(v); k > 0 {
		for i, x := range out {
			if x != null {
				out[i] = x.mulPow10(int(k))
			}
		}
	}
	return out
}

// widen writes integers xs into out, NULL as DECIMAL128's.
func widen[T int8 | int16 | int32 | int64](out []Int128, xs []T, null T) {
	for i, x := range xs {
		out[i] = Int128From(int64(x))
		if x == null {
			out[i] = Int128{Hi: math.MinInt64}
		}
	}
}

// mulPow10 is a * 10^k, held at the largest or smallest value above
// DECIMAL128's NULL where it leaves 128 bits.
func (a Int128) mulPow10(k int) Int128 {
	neg := a.Hi < 0
	m := a
	if neg {
		m = a.neg()
	}
	for ; k > 0; k -= 19 {
		p := uint64(1)
		for range min(k, 19) {
			p *= 10
		}
		hi1, lo := bits.Mul64(m.Lo, p)
		hh, hl := bits.Mul64(uint64(m.Hi), p)
		hi, c := bits.Add64(hi1, hl, 0)
		if hh != 0 || c != 0 || hi>>63 != 0 {
			if neg {
				return Int128{Hi: math.MinInt64, Lo: 1}
			}
			return Int128{Hi: math.MaxInt64, Lo: math.MaxUint64}
		}
		m = Int128{Hi: int64(hi), Lo: lo}
	}
	if neg {
		return m.neg()
	}
	return m
}

// neg is -a.
func (a Int128) neg() Int128 {
	lo, b := bits.Sub64(0, a.Lo, 0)
	return Int128{Hi: -a.Hi - int64(b), Lo: lo}
}
