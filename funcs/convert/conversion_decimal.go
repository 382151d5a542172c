package convert

import (
	"math/big"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// decimalMultiply multiplies DECIMALs keeping scale digits: the exact
// product is cut (toward zero) to scale, in the wider operand
// type or the next wider one when it does not fit. A scale outside
// [min(S1,S2), S1+S2] (or different from the one DECIMAL's scale) gives
// the plain product; a floating operand gives a DOUBLE product.

// decimalOperand is a numeric argument as exact unscaled integers.
type decimalOperand struct {
	vals   []*big.Int // nil for NULL
	scale  int32
	t      value.Type
	scalar bool
}

func readDecimalOperand(x value.Value) (decimalOperand, bool, error) {
	var v *value.Vector
	op := decimalOperand{}
	switch a := x.(type) {
	case *value.Scalar:
		v, op.scalar = a.Vector(), true
	case *value.Vector:
		v = a
	default:
		return op, false, ddberr.Errorf("The arguments of decimalMultiply must be scalars or vectors.")
	}
	if v.T.Category() == value.CatFloating {
		return op, true, nil
	}
	if !v.T.IsDecimal() && v.T.Category() != value.CatIntegral {
		return op, false, ddberr.Errorf("The arguments of decimalMultiply must be numeric.")
	}
	op.t, op.scale = v.T, v.Scale
	if !v.T.IsDecimal() {
		op.scale = 0
	}
	d, err := cast.Vector(v, value.Decimal128, op.scale)
	if err != nil {
		return op, false, err
	}
	op.vals = make([]*big.Int, d.Len())
	for i := range op.vals {
		if !d.IsNull(i) {
			op.vals[i] = value.Decimal128Big(d.B16[i])
		}
	}
	return op, false, nil
}

func decimalMultiply(env funcs.Env, args []value.Value) (value.Value, error) {
	x, xf, err := readDecimalOperand(args[0])
	if err != nil {
		return nil, err
	}
	y, yf, err := readDecimalOperand(args[1])
	if err != nil {
		return nil, err
	}
	scale, err := funcs.IntArg("decimalMultiply", "scale", args[2], 0)
	if err != nil || scale < 0 {
		return nil, ddberr.Errorf("The argument [scale] of decimalMultiply must be a non-negative integer.")
	}
	if xf || yf {
		a, _, err := funcs.Floats("decimalMultiply", args[0])
		if err != nil {
			return nil, err
		}
		b, _, err := funcs.Floats("decimalMultiply", args[1])
		if err != nil {
			return nil, err
		}
		if !sameLenOrScalar(args[0], args[1], len(a), len(b)) {
			return nil, ddberr.Errorf("The arguments of decimalMultiply must have the same length.")
		}
		return productOf(a, b, args[0], args[1]), nil
	}
	if !x.t.IsDecimal() && !y.t.IsDecimal() {
		return nil, ddberr.Errorf("At least one argument of decimalMultiply must be a DECIMAL.")
	}
	exact := x.scale + y.scale
	s := int32(scale)
	switch {
	case x.t.IsDecimal() && y.t.IsDecimal():
		if s < min(x.scale, y.scale) || s > exact {
			s = exact
		}
	case s != exact:
		s = exact
	}
	n := max(len(x.vals), len(y.vals))
	if (!x.scalar && len(x.vals) != n) || (!y.scalar && len(y.vals) != n) {
		return nil, ddberr.Errorf("The arguments of decimalMultiply must have the same length.")
	}
	div := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(exact-s)), nil)
	out := make([]*big.Int, n)
	for i := range out {
		a, b := x.vals[min(i, len(x.vals)-1)], y.vals[min(i, len(y.vals)-1)]
		if a != nil && b != nil {
			out[i] = new(big.Int).Mul(a, b)
		}
	}
	// The type widens when the exact product does not fit (DECIMAL32
	// operands whose product needs 64 bits give a DECIMAL64).
	rt := value.Decimal32
	for _, t := range []value.Type{x.t, y.t} {
		if t == value.Decimal64 && rt == value.Decimal32 || t == value.Decimal128 {
			rt = t
		}
	}
	for ; !fitsDecimal(out, rt); rt++ {
		if rt == value.Decimal128 {
			return nil, ddberr.Errorf("Decimal math overflow")
		}
	}
	for _, p := range out {
		if p == nil {
			continue
		}
		if div.Cmp(big.NewInt(1)) > 0 {
			p.Quo(p, div) // truncates toward zero, as DolphinDB does
		}
	}
	v := value.NewVector(rt, 0, n)
	v.Scale = s
	for _, p := range out {
		switch {
		case p == nil:
			v.AppendNull()
		case rt == value.Decimal128:
			v.AppendScalar(value.NewDecimal128(p, s))
		default:
			v.AppendScalar(value.NewDecimal(rt, p.Int64(), s))
		}
	}
	if x.scalar && y.scalar {
		return v.At(0), nil
	}
	return v, nil
}

// fitsDecimal reports whether every product fits t's unscaled range
// (its NULL sentinel excluded).
func fitsDecimal(xs []*big.Int, t value.Type) bool {
	var lo, hi *big.Int
	switch t {
	case value.Decimal32:
		lo, hi = big.NewInt(-(1<<31 - 1)), big.NewInt(1<<31-1)
	case value.Decimal64:
		lo, hi = big.NewInt(-(1<<63 - 1)), big.NewInt(1<<63-1)
	default:
		hi = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 127), big.NewInt(1))
		lo = new(big.Int).Neg(hi)
	}
	for _, x := range xs {
		if x != nil && (x.Cmp(lo) < 0 || x.Cmp(hi) > 0) {
			return false
		}
	}
	return true
}

// productOf multiplies two DOUBLE slices (one may be a single value) into
// x's or y's form.
func productOf(a, b []float64, x, y value.Value) value.Value {
	n := max(len(a), len(b))
	if len(a) == 0 || len(b) == 0 {
		n = 0 // an empty vector times anything is empty
	}
	out := make([]float64, n)
	for i := range out {
		p, q := a[min(i, len(a)-1)], b[min(i, len(b)-1)]
		if p == value.NullFloat64 || q == value.NullFloat64 {
			out[i] = value.NullFloat64
			continue
		}
		out[i] = p * q
	}
	r := value.NewDoubles(out)
	_, xs := x.(*value.Scalar)
	_, ys := y.(*value.Scalar)
	if xs && ys {
		return r.At(0)
	}
	return r
}

// sameLenOrScalar reports operands that pair up element by element: a
// scalar with anything, vectors of one length.
func sameLenOrScalar(x, y value.Value, nx, ny int) bool {
	_, xs := x.(*value.Scalar)
	_, ys := y.(*value.Scalar)
	return xs || ys || nx == ny
}
