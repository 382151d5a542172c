package funcs

import (
	"fmt"

	"github.com/porpoisedb/porpoise/value"
)

// Arg returns args[i], or nil when the caller left it out.
func Arg(args []value.Value, i int) value.Value {
	if i < len(args) {
		return args[i]
	}
	return nil
}

// ScalarArg returns x as a non-nil scalar.
func ScalarArg(x value.Value) (*value.Scalar, bool) {
	s, ok := x.(*value.Scalar)
	return s, ok && s != nil
}

// StringArg returns the text of a STRING, SYMBOL or CHAR-free literal
// scalar.
func StringArg(x value.Value) (string, bool) {
	s, ok := ScalarArg(x)
	if !ok || (s.T != value.String && s.T != value.Symbol && s.T != value.Blob) {
		return "", false
	}
	return s.S, true
}

// StringsArg returns the elements of a STRING/SYMBOL scalar or vector.
func StringsArg(x value.Value) ([]string, bool) {
	switch v := x.(type) {
	case *value.Scalar:
		s, ok := StringArg(v)
		return []string{s}, ok
	case *value.Vector:
		if v.T != value.String && v.T != value.Symbol && v.T != value.Blob {
			return nil, false
		}
		return v.Str, true
	}
	return nil, false
}

// IntArg returns an integral scalar's value; def when x is nil (left
// out). A NULL or a non-integral value is an error.
func IntArg(fn, param string, x value.Value, def int64) (int64, error) {
	if x == nil {
		return def, nil
	}
	s, ok := ScalarArg(x)
	if ok && s.T.Category() == value.CatIntegral && !s.Null {
		return s.I, nil
	}
	return 0, fmt.Errorf("The argument [%s] of %s must be an integer.", param, fn)
}

// BoolArg returns a BOOL scalar's value; def when x is nil.
func BoolArg(fn, param string, x value.Value, def bool) (bool, error) {
	if x == nil {
		return def, nil
	}
	s, ok := ScalarArg(x)
	if ok && !s.Null && (s.T == value.Bool || s.T.Category() == value.CatIntegral) {
		return s.I != 0, nil
	}
	return false, fmt.Errorf("The argument [%s] of %s must be a boolean.", param, fn)
}

// IsFunction reports whether x is a function value the Env can call.
func IsFunction(x value.Value) bool {
	return x != nil && x.Type() == value.FunctionDef
}
