package funcs

import (
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// TypeArg reads a type argument: a type constant (INT), DECIMAL32(s), a
// type name string (case-insensitive: "int", "STRING"), or a conversion
// function naming its type ([SYMBOL, nanotimestamp]).
func TypeArg(v value.Value) (value.Type, int32, error) {
	if f, ok := v.(interface{ FuncName() string }); ok {
		if t, ok := value.TypeByName(strings.ToUpper(f.FuncName())); ok {
			if t.Elem().IsDecimal() {
				// DECIMAL32 alone names no scale (error_codes/s05008.md)
				return 0, 0, ddberr.Errorf("Must specify scale for Decimal data type, e.g., DECIMAL32(2). RefId: S05008")
			}
			return t, 0, nil
		}
	}
	s, ok := v.(*value.Scalar)
	if !ok || s.Null {
		return 0, 0, ddberr.Errorf("The data type argument must be a type constant such as INT.")
	}
	if s.T.Category() == value.CatLiteral {
		t, ok := value.TypeByName(strings.ToUpper(s.S))
		if !ok {
			return 0, 0, ddberr.Errorf("Invalid data type %s", s.S)
		}
		return t, 0, nil
	}
	x, ok := s.Int64()
	if !ok || s.T.Category() != value.CatIntegral {
		return 0, 0, ddberr.Errorf("The data type argument must be a type constant such as INT.")
	}
	// A type constant is the type id, with a DECIMAL's scale above it.
	id := x & 0xffff
	if id >= 1<<8 || !value.Type(id).Known() {
		return 0, 0, ddberr.Errorf("Invalid data type: %d", x)
	}
	return value.Type(id), int32(x >> 16), nil
}

// ElemsArg is a scalar as a list of one or a vector's (or tuple's)
// elements; ok is false for any other form.
func ElemsArg(x value.Value) (elems []value.Value, ok bool) {
	switch t := x.(type) {
	case *value.Scalar:
		return []value.Value{t}, true
	case *value.Vector:
		for i := 0; i < t.Len(); i++ {
			elems = append(elems, t.Elem(i))
		}
		return elems, true
	}
	return nil, false
}

// TypesArg reads a scalar or vector of type arguments (a table's column
// types) with their decimal scales.
func TypesArg(v value.Value) ([]value.Type, []int32, error) {
	items, ok := ElemsArg(v)
	if !ok {
		return nil, nil, ddberr.Errorf("The column types must be a vector of data types.")
	}
	ts := make([]value.Type, len(items))
	scales := make([]int32, len(items))
	for i, it := range items {
		t, sc, err := TypeArg(it)
		if err != nil {
			return nil, nil, err
		}
		ts[i], scales[i] = t, sc
	}
	return ts, scales, nil
}

// TypeString is the name schema's colDefs gives a column of type t with
// decimal scale scale: INT, DECIMAL32(2), DECIMAL64(4)[].
func TypeString(t value.Type, scale int32) string {
	if !t.Elem().IsDecimal() {
		return t.String()
	}
	s := t.Elem().String() + "(" + strconv.Itoa(int(scale)) + ")"
	if t.IsArray() {
		s += "[]"
	}
	return s
}
