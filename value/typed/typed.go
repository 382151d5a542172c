package typed

import (
	"errors"
	"fmt"

	"github.com/porpoisedb/porpoise/value"
)

// ErrNull is returned (wrapped) by the scalar getters for a NULL scalar.
var ErrNull = errors.New("value is NULL")

// describe names v as DolphinDB does ("INT VECTOR", "TABLE").
func describe(v value.Value) string {
	if v == nil {
		return "nothing"
	}
	switch v.Form() {
	case value.FormTable:
		return "TABLE"
	case value.FormDictionary:
		return "DICTIONARY"
	}
	return v.Type().String() + " " + v.Form().String()
}

func mismatch(want string, v value.Value) error {
	return fmt.Errorf("value: want %s, got %s", want, describe(v))
}

// Scalar returns v as a *value.Scalar.
func Scalar(v value.Value) (*value.Scalar, error) { return as[*value.Scalar]("a SCALAR", v) }

// Vector returns v as a *value.Vector.
func Vector(v value.Value) (*value.Vector, error) { return as[*value.Vector]("a VECTOR", v) }

// Table returns v as a *value.Table.
func Table(v value.Value) (*value.Table, error) { return as[*value.Table]("a TABLE", v) }

func as[T value.Value](want string, v value.Value) (T, error) {
	x, ok := v.(T)
	if !ok {
		return x, mismatch(want, v)
	}
	return x, nil
}

// scalarOf is Scalar that also refuses NULL.
func scalarOf(want string, v value.Value) (*value.Scalar, error) {
	s, ok := v.(*value.Scalar)
	if !ok {
		return nil, mismatch(want, v)
	}
	if s.Null {
		return nil, fmt.Errorf("value: want %s, got a NULL %s: %w", want, s.T, ErrNull)
	}
	return s, nil
}

// Int64 returns an integral scalar (BOOL, CHAR, SHORT, INT, LONG or a
// temporal type's raw count) as an int64; floating, decimal and literal
// scalars are errors, as is NULL.
func Int64(v value.Value) (int64, error) {
	s, err := scalarOf("an integral scalar", v)
	if err != nil {
		return 0, err
	}
	switch s.T.Storage() {
	case value.StInt8, value.StInt16, value.StInt32, value.StInt64:
		if !s.T.IsDecimal() {
			return s.I, nil
		}
	}
	return 0, mismatch("an integral scalar", v)
}

// Float64 returns a numeric scalar (integral, floating, DECIMAL32 or
// DECIMAL64) as a float64; NULL, BOOL and DECIMAL128 are errors.
func Float64(v value.Value) (float64, error) {
	s, err := scalarOf("a numeric scalar", v)
	if err != nil {
		return 0, err
	}
	switch st := s.T.Storage(); {
	case s.T == value.Bool || !s.T.IsNumeric():
	case st == value.StInt8 || st == value.StInt16 || st == value.StInt32 || st == value.StInt64 || st == value.StFloat32 || st == value.StFloat64:
		return s.Float64(), nil
	}
	return 0, mismatch("a numeric scalar", v)
}

// String returns a STRING, SYMBOL or BLOB scalar's text; a NULL (empty)
// string is "" without error, as DolphinDB does not tell them apart.
func String(v value.Value) (string, error) {
	s, ok := v.(*value.Scalar)
	if !ok || s.T.Storage() != value.StString {
		return "", mismatch("a STRING scalar", v)
	}
	return s.S, nil
}

// Bool returns a BOOL scalar; NULL is an error.
func Bool(v value.Value) (bool, error) {
	s, err := scalarOf("a BOOL scalar", v)
	if err != nil {
		return false, err
	}
	if s.T != value.Bool {
		return false, mismatch("a BOOL scalar", v)
	}
	return s.I != 0, nil
}
