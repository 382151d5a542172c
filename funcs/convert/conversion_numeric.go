package convert

import (
	"encoding/binary"
	"encoding/hex"
	"math"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Numeric conversions: rounding, angle units, hex, the halves of 16-byte
// values, POINT/COMPLEX construction and parseInteger.

// halvesSpec declares lowLong/highLong/lowDouble/highDouble: the low or
// high (high) 8 bytes of a 16-byte value, as LONG or DOUBLE (dbl).
func halvesSpec(name string, high, dbl bool) funcs.Spec {
	return funcs.Spec{Name: name, Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "types-conversion",
		Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return halves(name, args[0], high, dbl) }}
}

// pairSpec declares point/complex: a value of t from two DOUBLEs.
func pairSpec(name string, t value.Type) funcs.Spec {
	return funcs.Spec{Name: name, Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "types-conversion",
		Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			return pairOfDoubles(name, t, args[0], args[1])
		}}
}

// roundLike applies f to floating values; integral values are already
// whole and come back unchanged.
func roundLike(fn string, x value.Value, f func(float64) float64) (value.Value, error) {
	if x != nil {
		switch x.Type().Category() {
		case value.CatIntegral, value.CatLogical:
			return x, nil
		}
	}
	return funcs.MapFloat(fn, x, f)
}

// hexOf prints each value's bytes in hexadecimal, most significant first
// (reversed with reverse=true).
func hexOf(_ funcs.Env, args []value.Value) (value.Value, error) {
	rev, err := funcs.BoolArg("hex", "reverse", funcs.Arg(args, 1), false)
	if err != nil {
		return nil, err
	}
	var v *value.Vector
	scalar := false
	switch a := args[0].(type) {
	case *value.Scalar:
		v, scalar = a.Vector(), true
	case *value.Vector:
		v = a
	default:
		return nil, ddberr.Errorf("The argument [X] of hex must be an integral, floating, complex or binary scalar or vector.")
	}
	n := v.Len()
	out := make([]string, n)
	var buf [16]byte
	for i := 0; i < n; i++ {
		var b []byte
		switch v.T.Storage() {
		case value.StInt8:
			b = []byte{byte(v.I8[i])}
		case value.StInt16:
			binary.BigEndian.PutUint16(buf[:], uint16(v.I16[i]))
			b = buf[:2]
		case value.StInt32:
			binary.BigEndian.PutUint32(buf[:], uint32(v.I32[i]))
			b = buf[:4]
		case value.StInt64:
			binary.BigEndian.PutUint64(buf[:], uint64(v.I64[i]))
			b = buf[:8]
		case value.StFloat32:
			binary.BigEndian.PutUint32(buf[:], math.Float32bits(v.F32[i]))
			b = buf[:4]
		case value.StFloat64:
			binary.BigEndian.PutUint64(buf[:], math.Float64bits(v.F64[i]))
			b = buf[:8]
		case value.StBytes16:
			for k := 0; k < 16; k++ {
				buf[k] = v.B16[i][15-k]
			}
			b = buf[:16]
		case value.StPair2F64:
			binary.BigEndian.PutUint64(buf[:], math.Float64bits(v.F64[2*i+1]))
			binary.BigEndian.PutUint64(buf[8:], math.Float64bits(v.F64[2*i]))
			b = buf[:16]
		default:
			return nil, ddberr.Errorf("The argument [X] of hex must be an integral, floating, complex or binary scalar or vector.")
		}
		if rev {
			for l, r := 0, len(b)-1; l < r; l, r = l+1, r-1 {
				b[l], b[r] = b[r], b[l]
			}
		}
		out[i] = hex.EncodeToString(b)
	}
	r := value.NewStrings(value.String, out)
	if scalar {
		return r.At(0), nil
	}
	return r, nil
}

// halves returns the low or high 8 bytes of 16-byte values as LONG or
// DOUBLE (the real and imaginary parts of a COMPLEX, x and y of a POINT).
func halves(fn string, x value.Value, high, asDouble bool) (value.Value, error) {
	v, scalar := funcs.ScalarOrVector(x)
	if v == nil || (v.T.Storage() != value.StBytes16 && v.T.Storage() != value.StPair2F64) {
		return nil, ddberr.Errorf("The argument of %s must be a 16-byte scalar or vector.", fn)
	}
	n := v.Len()
	bits := make([]uint64, n)
	k := 0
	if high {
		k = 1
	}
	for i := 0; i < n; i++ {
		if v.T.Storage() == value.StPair2F64 {
			bits[i] = math.Float64bits(v.F64[2*i+k])
		} else {
			bits[i] = binary.LittleEndian.Uint64(v.B16[i][8*k:])
		}
	}
	var r *value.Vector
	if asDouble {
		f := make([]float64, n)
		for i, b := range bits {
			f[i] = math.Float64frombits(b)
		}
		r = value.NewDoubles(f)
	} else {
		l := make([]int64, n)
		for i, b := range bits {
			l[i] = int64(b)
		}
		r = value.NewLongs(l)
	}
	if scalar {
		return r.At(0), nil
	}
	return r, nil
}

// pairOfDoubles builds POINT or COMPLEX values from two numeric
// arguments of the same form; a scalar pairs with every element.
func pairOfDoubles(fn string, t value.Type, x, y value.Value) (value.Value, error) {
	xs, wrap, err := funcs.Floats(fn, x)
	if err != nil {
		return nil, err
	}
	ys, wrapY, err := funcs.Floats(fn, y)
	if err != nil {
		return nil, err
	}
	_, xScalar := x.(*value.Scalar)
	if xScalar {
		wrap = wrapY
	}
	n := max(len(xs), len(ys))
	if (len(xs) != n && len(xs) != 1) || (len(ys) != n && len(ys) != 1) {
		return nil, ddberr.Errorf("The arguments [X] and [Y] of %s must have the same length.", fn)
	}
	out := make([]float64, 2*n)
	for i := 0; i < n; i++ {
		out[2*i] = xs[min(i, len(xs)-1)]
		out[2*i+1] = ys[min(i, len(ys)-1)]
	}
	r := &value.Vector{T: t, F64: out}
	if xScalar {
		if _, yScalar := y.(*value.Scalar); yScalar {
			return r.At(0), nil
		}
	}
	return wrap(r), nil
}

// parseInteger converts text in base radix: leading blanks and zeros are
// skipped, a sign may come first, and conversion stops at the first
// character that is not a digit of the base; blank text is NULL and text
// with no digit before an illegal character is an error.
func parseInteger(_ funcs.Env, args []value.Value) (value.Value, error) {
	t, _, err := funcs.TypeArg(args[1])
	if err != nil {
		return nil, err
	}
	switch t {
	case value.Char, value.Short, value.Int, value.Long:
	default:
		return nil, ddberr.Errorf("The argument [type] of parseInteger must be CHAR, SHORT, INT or LONG.")
	}
	radix, err := funcs.IntArg("parseInteger", "radix", funcs.Arg(args, 2), 10)
	if err != nil {
		return nil, err
	}
	if radix < 2 || radix > 16 {
		return nil, ddberr.Errorf("The argument [radix] of parseInteger must be between 2 and 16.")
	}
	in, err := funcs.StringInput("parseInteger", args[0])
	if err != nil {
		return nil, err
	}
	out := make([]int64, len(in.S))
	for i, s := range in.S {
		v, null, ok := parseRadix(s, radix)
		if !ok {
			return nil, ddberr.Errorf("Invalid string to parse.")
		}
		if null {
			out[i] = value.NullInt64
			continue
		}
		out[i] = v
	}
	r := value.NewLongs(out)
	c, err := cast.Vector(r, t, 0)
	if err != nil {
		return nil, err
	}
	return in.Wrap(c), nil
}

func parseRadix(s string, radix int64) (v int64, null, ok bool) {
	s = strings.TrimLeft(s, " ")
	if s == "" {
		return 0, true, true
	}
	neg := false
	if s[0] == '+' || s[0] == '-' {
		neg = s[0] == '-'
		s = s[1:]
	}
	if radix == 16 && len(s) > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		s = s[2:]
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		d := digitValue(s[i])
		if d < 0 || d >= radix {
			break
		}
		v = v*radix + d
		digits++
	}
	if digits == 0 {
		return 0, false, false
	}
	if neg {
		v = -v
	}
	return v, false, true
}

func digitValue(c byte) int64 {
	switch {
	case c >= '0' && c <= '9':
		return int64(c - '0')
	case c >= 'a' && c <= 'z':
		return int64(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int64(c-'A') + 10
	}
	return -1
}

func roundFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	p, err := funcs.IntArg("round", "precision", funcs.Arg(args, 1), 0)
	if err != nil {
		return nil, err
	}
	if p < 0 || p > 10 {
		return nil, ddberr.Errorf("The argument [precision] of round must be an integer between 0 and 10.")
	}
	scale := math.Pow10(int(p))
	return roundLike("round", args[0], func(f float64) float64 { return math.Round(f*scale) / scale })
}
