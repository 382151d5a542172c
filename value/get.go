package value

import (
	"errors"
	"fmt"
)

// The typed getters below let a Go caller take a result apart without a
// type assertion that panics when a script returns something else: each
// returns an error naming what the value is instead.

// ErrNull is returned (wrapped) by the scalar getters for a NULL scalar.
var ErrNull = errors.New("value is NULL")

// describe names v as DolphinDB does ("INT VECTOR", "TABLE").
func describe(v Value) string {
	if v == nil {
		return "nothing"
	}
	switch v.Form() {
	case FormTable:
		return "TABLE"
	case FormDictionary:
		return "DICTIONARY"
	}
	return v.Type().String() + " " + v.Form().String()
}

func mismatch(want string, v Value) error {
	return fmt.Errorf("value: want %s, got %s", want, describe(v))
}

// AsScalar returns v as a *Scalar.
func AsScalar(v Value) (*Scalar, error) { return as[*Scalar]("a SCALAR", v) }

// AsVector returns v as a *Vector.
func AsVector(v Value) (*Vector, error) { return as[*Vector]("a VECTOR", v) }

// AsTable returns v as a *Table.
func AsTable(v Value) (*Table, error) { return as[*Table]("a TABLE", v) }

func as[T Value](want string, v Value) (T, error) {
	x, ok := v.(T)
	if !ok {
		return x, mismatch(want, v)
	}
	return x, nil
}

// scalarOf is AsScalar that also refuses NULL.
func scalarOf(want string, v Value) (*Scalar, error) {
	s, ok := v.(*Scalar)
	if !ok {
		return nil, mismatch(want, v)
	}
	if s.Null {
		return nil, fmt.Errorf("value: want %s, got a NULL %s: %w", want, s.T, ErrNull)
	}
	return s, nil
}

// GetInt64 returns an integral scalar (BOOL, CHAR, SHORT, INT, LONG or a
// temporal type's raw count) as an int64; floating, decimal and literal
// scalars are errors, as is NULL.
func GetInt64(v Value) (int64, error) {
	s, err := scalarOf("an integral scalar", v)
	if err != nil {
		return 0, err
	}
	switch s.T.Storage() {
	case StInt8, StInt16, StInt32, StInt64:
		if !s.T.IsDecimal() {
			return s.I, nil
		}
	}
	return 0, mismatch("an integral scalar", v)
}

// GetFloat64 returns a numeric scalar (integral, floating, DECIMAL32 or
// DECIMAL64) as a float64; NULL, BOOL and DECIMAL128 are errors.
func GetFloat64(v Value) (float64, error) {
	s, err := scalarOf("a numeric scalar", v)
	if err != nil {
		return 0, err
	}
	switch st := s.T.Storage(); {
	case s.T == Bool || !s.T.IsNumeric():
	case st == StInt8 || st == StInt16 || st == StInt32 || st == StInt64 || st == StFloat32 || st == StFloat64:
		return s.Float64(), nil
	}
	return 0, mismatch("a numeric scalar", v)
}

// GetString returns a STRING, SYMBOL or BLOB scalar's text; a NULL (empty)
// string is "" without error, as DolphinDB does not tell them apart.
func GetString(v Value) (string, error) {
	s, ok := v.(*Scalar)
	if !ok || s.T.Storage() != StString {
		return "", mismatch("a STRING scalar", v)
	}
	return s.S, nil
}

// GetBool returns a BOOL scalar; NULL is an error.
func GetBool(v Value) (bool, error) {
	s, err := scalarOf("a BOOL scalar", v)
	if err != nil {
		return false, err
	}
	if s.T != Bool {
		return false, mismatch("a BOOL scalar", v)
	}
	return s.I != 0, nil
}
