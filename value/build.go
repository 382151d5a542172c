package value

import (
	"errors"
	"slices"
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

// GatherOrNull is v.Gather(rows) with NULL where a row is -1 (an
// unmatched row of a join, an empty group).
func GatherOrNull(v *Vector, rows []int) *Vector {
	var nulls []int
	for i, r := range rows {
		if r < 0 {
			nulls = append(nulls, i)
		}
	}
	if len(nulls) == 0 {
		return v.Gather(rows)
	}
	idx := slices.Clone(rows)
	if v.Len() == 0 || v.T.IsArray() {
		// an empty v has no row to gather, and an array row's NULL is an
		// empty row, which SetNull cannot write: gather it from one
		// appended to a copy of v
		ext := NewVector(v.T, 0, v.Len()+1)
		ext.Scale = v.Scale
		ext.AppendVector(v)
		ext.AppendNull()
		for _, i := range nulls {
			idx[i] = v.Len()
		}
		return ext.Gather(idx)
	}
	for _, i := range nulls {
		idx[i] = 0
	}
	out := v.Gather(idx)
	for _, i := range nulls {
		out.SetNull(i)
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
