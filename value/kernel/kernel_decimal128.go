package kernel

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"math/big"

	"github.com/porpoisedb/porpoise/value"
)

// decimal128Arith handles +, -, *, / where one side is DECIMAL128 and the
// other DECIMAL or integral, exactly, with the scale rules of
// decimalArith (the DECIMAL tutorial: a DECIMAL128 side makes the result
// DECIMAL128; funcs/d/decimal128.md prints a*b of scales 2 and 6 with
// scale 8). ok is false when the operator or types are not its business.
func decimal128Arith(op Op, x, y Operand, n int) (*value.Vector, bool, error) {
	if op != OpAdd && op != OpSub && op != OpMul && op != OpDiv {
		return nil, false, nil
	}
	xt, yt := x.V.T, y.V.T
	if xt != value.Decimal128 && yt != value.Decimal128 {
		return nil, false, nil
	}
	return decimal128Of(op, x, y, n)
}

// decimal128Of computes op in DECIMAL128 whatever the operands' DECIMAL or
// integral types: a product that outgrows DECIMAL32/64 lands here.
func decimal128Of(op Op, x, y Operand, n int) (*value.Vector, bool, error) {
	xt, yt := x.V.T, y.V.T
	decOrInt := func(t value.Type) bool {
		return t.IsDecimal() || t.Category() == value.CatIntegral || t == value.Bool
	}
	if !decOrInt(xt) || !decOrInt(yt) {
		return nil, false, nil
	}
	xs, ys, scale, err := decimalScales(op, x, y, value.Decimal128)
	if err == errScaleBounds {
		return nil, true, ddberr.Errorf("Scale out of bound (valid range: [0, 38], but get: %d)", x.V.Scale+y.V.Scale)
	}
	if err != nil {
		return nil, true, err
	}
	ra, err := newDecimal128Reader(x.V)
	if err != nil {
		return nil, true, err
	}
	rb, err := newDecimal128Reader(y.V)
	if err != nil {
		return nil, true, err
	}
	// Operands and result reuse these across elements: no allocation per
	// element once their words have grown.
	var a, b, r, tmp big.Int
	two128 := new(big.Int).Lsh(big.NewInt(1), 128)
	pow10 := func(k int32) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil) }
	fa, fb, fd := pow10(scale-xs), pow10(scale-ys), pow10(ys)
	// A result holds at most 38 digits, though an int128 holds some of 39
	// (tutorials/DECIMAL_Calculation_Characteristics.md: decimal128(36, 8)
	// to the fourth power, 1679616 with scale 32, overflows).
	limit := pow10(38)
	ma, mb := mask(x), mask(y)
	null := value.NullBytes16(value.Decimal128)
	out := make([][16]byte, n)
	for i := range out {
		if !ra.read(&a, i&ma, two128) || !rb.read(&b, i&mb, two128) {
			out[i] = null
			continue
		}
		switch op {
		case OpAdd, OpSub:
			a.Mul(&a, fa)
			b.Mul(&b, fb)
			if op == OpAdd {
				r.Add(&a, &b)
			} else {
				r.Sub(&a, &b)
			}
		case OpMul:
			r.Mul(&a, &b)
		case OpDiv:
			if b.Sign() == 0 {
				out[i] = null
				continue
			}
			a.Mul(&a, fd)
			r.Quo(&a, &b)
		}
		if r.CmpAbs(limit) >= 0 {
			return nil, true, ErrDecimalOverflow
		}
		out[i] = putDecimal128(&r, &tmp, two128)
	}
	res := value.NewVector(value.Decimal128, 0, 0)
	res.Scale = scale
	res.B16 = out
	return res, true, nil
}

// decimal128Reader reads one operand's unscaled values.
type decimal128Reader struct {
	b16 [][16]byte // a DECIMAL128 side
	raw []int64    // any other side, NULL as value.NullInt64
}

func newDecimal128Reader(v *value.Vector) (decimal128Reader, error) {
	if v.T == value.Decimal128 {
		return decimal128Reader{b16: v.B16}, nil
	}
	raw, err := decimalRaw(v)
	return decimal128Reader{raw: raw}, err
}

// read sets z to element i's unscaled value; false for NULL.
func (d decimal128Reader) read(z *big.Int, i int, two128 *big.Int) bool {
	if d.b16 == nil {
		if d.raw[i] == value.NullInt64 {
			return false
		}
		z.SetInt64(d.raw[i])
		return true
	}
	b := d.b16[i]
	if b == value.NullBytes16(value.Decimal128) {
		return false
	}
	var be [16]byte
	for k := range be {
		be[k] = b[15-k]
	}
	z.SetBytes(be[:])
	if b[15]&0x80 != 0 {
		z.Sub(z, two128)
	}
	return true
}

// putDecimal128 encodes x (within 128 bits) as DECIMAL128's little-endian
// two's complement, using tmp as scratch.
func putDecimal128(x, tmp, two128 *big.Int) [16]byte {
	tmp.Set(x)
	if tmp.Sign() < 0 {
		tmp.Add(tmp, two128)
	}
	var be, b [16]byte
	tmp.FillBytes(be[:])
	for k := range b {
		b[k] = be[15-k]
	}
	return b
}
