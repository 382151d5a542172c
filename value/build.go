package value

import (
	"errors"
	"strings"
)

// Broadcast makes a column of n elements from a scalar (repeated) or a
// vector (which must already have n elements); SQL clauses and
// element-wise built-ins use it to line results up with a table's rows.
func Broadcast(x Value, n int) (*Vector, error) {
	switch t := x.(type) {
	case *Scalar:
		one := NewVector(t.T, 0, 1)
		one.Scale = t.Scale
		one.AppendScalar(t)
		if n == 0 {
			return one.Slice(0, 0), nil
		}
		return one.Cycle(n), nil
	case *Vector:
		if t.Len() != n {
			return nil, errors.New("Incompatible vector size")
		}
		return t, nil
	}
	return nil, errors.New("Expected a scalar or vector.")
}

// FromScalars makes a vector from evaluated elements, as a vector literal
// does: a typed vector when every element is a scalar of compatible types
// (numbers promote, literals become STRING), otherwise a tuple.
func FromScalars(vals []Value) (Value, error) {
	if len(vals) == 0 {
		return NewTuple(nil), nil
	}
	t := Void
	for _, v := range vals {
		s, ok := v.(*Scalar)
		if !ok {
			return NewTuple(vals), nil
		}
		if s.T == Void {
			continue
		}
		switch {
		case t == Void:
			t = s.T
		case t == s.T:
		case t.IsNumeric() && s.T.IsNumeric() && t != Bool && s.T != Bool:
			t = Promote(t, s.T)
		case t.Category() == CatLiteral && s.T.Category() == CatLiteral:
			t = String
		default:
			return NewTuple(vals), nil
		}
	}
	if t == Void {
		return NewNullVector(Void, len(vals)), nil
	}
	// A DECIMAL vector has one scale; DECIMALs of different scales make a
	// tuple (funcs/d/decimal32.md: [1.23$DECIMAL32(4), 3.14$DECIMAL32(3)]
	// is ANY VECTOR).
	scale := int32(-1)
	if t.IsDecimal() {
		for _, v := range vals {
			if s := v.(*Scalar); s.T == t && !s.Null {
				if scale >= 0 && s.Scale != scale {
					return NewTuple(vals), nil
				}
				scale = s.Scale
			}
		}
	}
	out := NewVector(t, 0, len(vals))
	for _, v := range vals {
		s := v.(*Scalar)
		if s.T != t && !s.Null {
			to := s.Scale
			if scale >= 0 {
				to = scale
			}
			c, err := Cast(s, t, to)
			if err != nil {
				return nil, err
			}
			s = c.(*Scalar)
		}
		if scale < 0 {
			out.Scale = s.Scale
		}
		out.AppendScalar(s)
	}
	if scale >= 0 {
		out.Scale = scale
	}
	return out, nil
}

// GatherOrNull is v.Gather(rows) with NULL where a row is -1 (an
// unmatched row of a join, an empty group).
func GatherOrNull(v *Vector, rows []int) *Vector {
	idx := make([]int, len(rows))
	var nulls []int
	for i, r := range rows {
		if r < 0 {
			nulls = append(nulls, i)
			r = 0
		}
		idx[i] = r
	}
	if len(nulls) > 0 && v.Len() == 0 {
		return NewNullVector(v.T, len(rows))
	}
	out := v.Gather(idx)
	if len(nulls) > 0 {
		null := NewNullVector(v.T, 1)
		null.Scale = v.Scale
		for _, i := range nulls {
			out.SetFrom(i, null, 0)
		}
	}
	return out
}

// NameIndex is the position of the column called name (compared
// case-insensitively, as DolphinDB compares column names), or -1.
func NameIndex(names []string, name string) int {
	for i, c := range names {
		if strings.EqualFold(c, name) {
			return i
		}
	}
	return -1
}

// Iota is 0, 1, ..., n-1: the identity row order.
func Iota(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
