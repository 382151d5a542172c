package value

import (
	"math"
	"math/big"
)

// Scalar is one DolphinDB value of a fixed type. Integral, temporal, BOOL,
// CHAR and DECIMAL32/64 values live in I, FLOAT/DOUBLE in F, literals in S,
// 16-byte types (UUID, IPADDR, INT128, DECIMAL128) in B. Null is
// authoritative; the payload of a NULL scalar is meaningless.
type Scalar struct {
	T     Type
	Scale int32 // DECIMAL scale
	Null  bool
	I     int64
	F     float64
	S     string
	B     [16]byte
}

// Form implements Value.
func (s *Scalar) Form() Form { return FormScalar }

// Type implements Value.
func (s *Scalar) Type() Type { return s.T }

// NullScalar is the NULL of type t (VOID NULL for Void).
func NullScalar(t Type) *Scalar { return &Scalar{T: t, Null: true} }

// NewNothing returns DolphinDB's Nothing: the VOID object a function
// parameter holds when its argument slot was left empty (f(5,)), told
// apart from a VOID NULL by isNothing. A VOID scalar's I is otherwise
// unused, so it carries the mark through copies.
func NewNothing() *Scalar { return &Scalar{T: Void, Null: true, I: 1} }

// IsNothing reports whether s is the Nothing object (see NewNothing).
func (s *Scalar) IsNothing() bool { return s.T == Void && s.I == 1 }

// NewInt returns an INT scalar.
func NewInt(v int32) *Scalar { return intScalar(Int, int64(v), v == NullInt32) }

// NewLong returns a LONG scalar.
func NewLong(v int64) *Scalar { return intScalar(Long, v, v == NullInt64) }

// NewBool returns a BOOL scalar.
func NewBool(b bool) *Scalar {
	if b {
		return &Scalar{T: Bool, I: 1}
	}
	return &Scalar{T: Bool}
}

// NewDouble returns a DOUBLE scalar; -DBL_MAX and NaN are NULL.
func NewDouble(f float64) *Scalar {
	return &Scalar{T: Double, F: f, Null: f == NullFloat64 || math.IsNaN(f)}
}

// NewString returns a STRING scalar (the empty string is NULL).
func NewString(s string) *Scalar { return &Scalar{T: String, S: s, Null: s == ""} }

// NewTyped returns a scalar of an integer-backed type t (INT, DATE,
// TIMESTAMP, CHAR ...) with raw value v; the type's NULL sentinel gives NULL.
func NewTyped(t Type, v int64) *Scalar {
	s := &Scalar{T: t, I: v}
	switch t.Storage() {
	case StInt8:
		s.Null = v == int64(NullInt8)
	case StInt16:
		s.Null = v == int64(NullInt16)
	case StInt32:
		s.Null = v == int64(NullInt32)
	case StInt64:
		s.Null = v == NullInt64
	}
	return s
}

func intScalar(t Type, v int64, null bool) *Scalar { return &Scalar{T: t, I: v, Null: null} }

// IsNull reports whether the scalar is NULL.
func (s *Scalar) IsNull() bool { return s.Null }

// Bool reports the scalar's truth value (non-zero, non-null).
func (s *Scalar) Bool() bool {
	if s.Null {
		return false
	}
	switch s.T.Storage() {
	case StFloat32, StFloat64:
		return s.F != 0
	case StString:
		return s.S != ""
	}
	return s.I != 0
}

// Int64 returns the scalar as an int64 (floating values rounded), and
// false for NULL or non-numeric values.
func (s *Scalar) Int64() (int64, bool) {
	if s.Null {
		return 0, false
	}
	switch s.T.Storage() {
	case StInt8, StInt16, StInt32, StInt64:
		if s.T.IsDecimal() {
			return int64(math.Round(s.Float64())), true
		}
		return s.I, true
	case StFloat32, StFloat64:
		return int64(math.Round(s.F)), true
	}
	return 0, false
}

// Float64 returns the numeric value as a float64 (NaN for NULL or
// non-numeric values).
func (s *Scalar) Float64() float64 {
	if s.Null {
		return math.NaN()
	}
	switch s.T.Storage() {
	case StFloat32, StFloat64:
		return s.F
	case StInt8, StInt16, StInt32, StInt64:
		if s.T.IsDecimal() {
			return float64(s.I) / math.Pow10(int(s.Scale))
		}
		return float64(s.I)
	}
	return math.NaN()
}

// Vector returns a one-element vector holding the scalar.
func (s *Scalar) Vector() *Vector {
	v := NewVector(s.T, 0, 1)
	v.Scale = s.Scale
	v.AppendScalar(s)
	return v
}

// NewDuration returns a DURATION scalar: n units of unit, where unit is
// one of DolphinDB's duration units (ns, us, ms, s, m, H, d, w, M, y, B) or
// a trading calendar's identifier.
func NewDuration(n int64, unit string) *Scalar {
	if code, ok := DurationUnitCode(unit); ok {
		return &Scalar{T: Duration, I: n, S: unit, Scale: code}
	}
	return &Scalar{T: Duration, I: n, S: unit, Scale: -1}
}

// NewFloat returns a FLOAT scalar; -FLT_MAX and NaN are NULL.
func NewFloat(f float32) *Scalar {
	return &Scalar{T: Float, F: float64(f), Null: f == NullFloat32 || f != f}
}

// NewSymbol returns a SYMBOL scalar (the empty string is NULL).
func NewSymbol(s string) *Scalar { return &Scalar{T: Symbol, S: s, Null: s == ""} }

// NewDecimal returns a DECIMAL32 or DECIMAL64 scalar with the given
// unscaled value and scale.
func NewDecimal(t Type, unscaled int64, scale int32) *Scalar {
	s := NewTyped(t, unscaled)
	s.Scale = scale
	return s
}

// NewDecimal128 returns a DECIMAL128 scalar with the given unscaled value
// (which must fit in 128 bits) and scale.
func NewDecimal128(unscaled *big.Int, scale int32) *Scalar {
	b := Decimal128Bytes(unscaled)
	return &Scalar{T: Decimal128, Scale: scale, B: b, Null: b == NullBytes16(Decimal128)}
}
