package cast

import (
	"math"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/digits"
)

// Whole-column conversions between text and numbers or temporal values:
// a typed loop a column that writes every row's text into a few shared
// buffers (digits.Column), and a parsing loop that converts each distinct
// string of a coded column once.

// textWidth is the usual length of t's text, to size the buffers.
func textWidth(t value.Type) int {
	switch t {
	case value.Bool, value.Char:
		return 4
	case value.Date, value.Second, value.Time:
		return 10
	case value.DateTime, value.DateHour, value.DateMinute, value.NanoTime:
		return 19
	case value.Timestamp:
		return 23
	case value.NanoTimestamp:
		return 29
	}
	return 8
}

// textColumn converts v (BOOL, CHAR, integral, temporal, FLOAT, DOUBLE,
// DECIMAL32/64) to the literal type t as convertCell would element by
// element; ok is false for the other types.
func textColumn(v *value.Vector, t value.Type) (out *value.Vector, ok bool) {
	from, scale := v.T, v.Scale
	if from == value.Duration || from == value.Void {
		return nil, false
	}
	var strs []string
	switch from.Storage() {
	case value.StInt8:
		if from == value.Char {
			xs := v.I8
			strs = digits.Column(len(xs), 1, func(b []byte, i int) []byte {
				if c := xs[i]; c != value.NullInt8 {
					b = appendChar(b, c)
				}
				return b
			})
			break
		}
		strs = intTexts(v.I8, value.NullInt8, from, scale)
	case value.StInt16:
		strs = intTexts(v.I16, value.NullInt16, from, scale)
	case value.StInt32:
		strs = intTexts(v.I32, value.NullInt32, from, scale)
	case value.StInt64:
		strs = intTexts(v.I64, value.NullInt64, from, scale)
	case value.StFloat32:
		strs = floatTexts(v.F32, value.NullFloat32)
	case value.StFloat64:
		strs = floatTexts(v.F64, value.NullFloat64)
	default:
		return nil, false
	}
	return value.NewStrings(t, strs), true
}

// appendChar appends value.FormatChar's text of c.
func appendChar(b []byte, c int8) []byte {
	if c > 31 && c < 127 {
		return append(b, byte(c))
	}
	return digits.AppendPadded(b, int64(c), 0)
}

func intTexts[S sint](xs []S, null S, t value.Type, scale int32) []string {
	return digits.Column(len(xs), textWidth(t), func(b []byte, i int) []byte {
		if x := xs[i]; x != null {
			b = value.AppendRaw(b, t, int64(x), scale)
		}
		return b
	})
}

func floatTexts[S sfloat](xs []S, null S) []string {
	return digits.Column(len(xs), 8, func(b []byte, i int) []byte {
		if x := xs[i]; x != null && x == x {
			b = digits.AppendFloat(b, float64(x), 6)
		}
		return b
	})
}

// parseColumn converts the literal vector v to the non-literal type t
// (scale as in Vector) as convertCell would element by element, but
// without a scalar per element, and converting each string of a coded
// vector's base once.
func parseColumn(v *value.Vector, t value.Type, scale int32) (*value.Vector, error) {
	if codes, base, ok := v.CompactSymbolCodes(); ok {
		conv, errs, err := parseStrings(base, t, scale, true)
		if err != nil {
			return nil, err
		}
		if errs != nil {
			for _, c := range codes {
				if errs[c] != nil {
					return nil, errs[c]
				}
			}
		}
		return GatherCodes(conv, codes), nil
	}
	out, _, err := parseStrings(v.Strings(), t, scale, false)
	return out, err
}

// parseStrings converts strs to type t. With keep, a string that fails
// to convert is left NULL and its error kept in errs (nil when none
// failed), since a coded vector's base may hold strings none of its rows
// use; otherwise the first error is returned.
func parseStrings(strs []string, t value.Type, scale int32, keep bool) (out *value.Vector, errs []error, err error) {
	out = value.NewVector(t, len(strs), len(strs))
	out.Scale = scale
	// the types whose text never fails to convert have loops of their own
	switch {
	case t == value.Short:
		parseInts(out.I16, strs, t)
		return out, nil, nil
	case t == value.Int:
		parseInts(out.I32, strs, t)
		return out, nil, nil
	case t == value.Long:
		parseInts(out.I64, strs, t)
		return out, nil, nil
	case t == value.Float:
		parseFloats(out.F32, strs, value.NullFloat32)
		return out, nil, nil
	case t == value.Double:
		parseFloats(out.F64, strs, value.NullFloat64)
		return out, nil, nil
	case t.IsTemporal() && t.Storage() == value.StInt32:
		parseTemporals(out.I32, strs, t, value.NullInt32)
		return out, nil, nil
	case t.IsTemporal() && t.Storage() == value.StInt64:
		parseTemporals(out.I64, strs, t, value.NullInt64)
		return out, nil, nil
	}
	var c cell
	for i, s := range strs {
		if s == "" {
			out.SetNull(i)
			continue
		}
		c = cell{s: s}
		if err := fromString(&c, t, scale); err != nil {
			if !keep {
				return nil, nil, err
			}
			if errs == nil {
				errs = make([]error, len(strs))
			}
			errs[i] = err
			c.null = true
		}
		writeCell(out, i, &c)
	}
	return out, errs, nil
}

// parseInts reads SHORT, INT or LONG values as fromString does: the
// leading integer, wrapped to the type.
func parseInts[D sint](dst []D, strs []string, t value.Type) {
	null := D(nullRaw(t))
	for i, s := range strs {
		v, ok := leadingInt(s)
		if !ok {
			dst[i] = null
			continue
		}
		dst[i] = D(wrapInt(t, v))
	}
}

// parseFloats reads FLOAT or DOUBLE values as fromString does: the
// leading number, NULL when it overflows the type without spelling
// infinity.
func parseFloats[D sfloat](dst []D, strs []string, null D) {
	for i, s := range strs {
		f, ok := leadingFloat(s)
		if !ok {
			dst[i] = null
			continue
		}
		x := D(f)
		if math.IsInf(float64(x), 0) && !infText(s) {
			x = null
		}
		dst[i] = x
	}
}

// parseTemporals reads values of temporal type t with textTemporal.
func parseTemporals[D int32 | int64](dst []D, strs []string, t value.Type, null D) {
	for i, s := range strs {
		v, ok := textTemporal(s, t)
		if !ok {
			dst[i] = null
			continue
		}
		dst[i] = D(v)
	}
}

// GatherCodes is the vector of conv's elements at codes: a coded
// column's rows, from conv converted from its base one string at a time.
func GatherCodes(conv *value.Vector, codes []int32) *value.Vector {
	n := len(codes)
	out := value.NewVector(conv.T, n, n)
	out.Scale = conv.Scale
	switch conv.T.Storage() {
	case value.StInt8:
		gather(out.I8, conv.I8, codes)
	case value.StInt16:
		gather(out.I16, conv.I16, codes)
	case value.StInt32:
		gather(out.I32, conv.I32, codes)
	case value.StInt64:
		gather(out.I64, conv.I64, codes)
	case value.StFloat32:
		gather(out.F32, conv.F32, codes)
	case value.StFloat64:
		gather(out.F64, conv.F64, codes)
	case value.StBytes16:
		gather(out.B16, conv.B16, codes)
	}
	return out
}

func gather[T any](dst, src []T, codes []int32) {
	for i, c := range codes {
		dst[i] = src[c]
	}
}
