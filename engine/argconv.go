package engine

import (
	"errors"
	"fmt"
	"strings"

	"github.com/porpoisedb/porpoise/value"
)

// intArg reads an integral scalar argument.
func intArg(v value.Value, fn string) (int64, error) {
	s, ok := v.(*value.Scalar)
	if !ok {
		return 0, fmt.Errorf("The argument of %s must be an integer scalar.", fn)
	}
	x, ok := s.Int64()
	if !ok {
		return 0, fmt.Errorf("The argument of %s must be a non-null integer.", fn)
	}
	return x, nil
}

// stringArg reads a STRING/SYMBOL scalar argument.
func stringArg(v value.Value) (string, bool) {
	s, ok := v.(*value.Scalar)
	if !ok || s.T.Category() != value.CatLiteral {
		return "", false
	}
	return s.S, true
}

// stringsArg reads a STRING scalar or vector as a list of strings.
func stringsArg(v value.Value) ([]string, bool) {
	switch t := v.(type) {
	case *value.Scalar:
		if t.T.Category() == value.CatLiteral {
			return []string{t.S}, true
		}
	case *value.Vector:
		if t.T.Category() == value.CatLiteral {
			return append([]string(nil), t.Str...), true
		}
		if t.T == value.Any {
			out := make([]string, 0, t.Len())
			for _, e := range t.Any {
				s, ok := stringArg(e)
				if !ok {
					return nil, false
				}
				out = append(out, s)
			}
			return out, true
		}
	}
	return nil, false
}

// boolArg reads an optional BOOL argument (nil gives def).
func boolArg(v value.Value, def bool) bool {
	if v == nil {
		return def
	}
	s, ok := v.(*value.Scalar)
	if !ok || s.Null {
		return def
	}
	return s.Bool()
}

// typeArg reads a type argument: a type constant (INT), DECIMAL32(s), or a
// type name string.
func typeArg(v value.Value) (value.Type, int32, error) {
	if f, ok := v.(Function); ok {
		// [SYMBOL, nanotimestamp]: a conversion function names its type
		if t, ok := value.TypeByName(strings.ToUpper(f.FuncName())); ok {
			return t, 0, nil
		}
	}
	s, ok := v.(*value.Scalar)
	if !ok || s.Null {
		return 0, 0, errors.New("The data type argument must be a type constant such as INT.")
	}
	if s.T.Category() == value.CatLiteral {
		// type names are case-insensitive: ["string", "int"]
		t, ok := value.TypeByName(strings.ToUpper(s.S))
		if !ok {
			return 0, 0, fmt.Errorf("Invalid data type %s", s.S)
		}
		return t, 0, nil
	}
	x, ok := s.Int64()
	if !ok {
		return 0, 0, errors.New("The data type argument must be a type constant such as INT.")
	}
	return value.Type(x & 0xffff), int32(x >> 16), nil
}

// typesArg reads a vector of type codes.
func typesArg(v value.Value) ([]value.Type, []int32, error) {
	var items []value.Value
	switch t := v.(type) {
	case *value.Scalar:
		items = []value.Value{t}
	case *value.Vector:
		for i := 0; i < t.Len(); i++ {
			items = append(items, t.Elem(i))
		}
	default:
		return nil, nil, errors.New("The column types must be a vector of data types.")
	}
	ts := make([]value.Type, len(items))
	scales := make([]int32, len(items))
	for i, it := range items {
		t, sc, err := typeArg(it)
		if err != nil {
			return nil, nil, err
		}
		ts[i], scales[i] = t, sc
	}
	return ts, scales, nil
}
