package ctxby

import (
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Concat appends per-group vectors into one column, converting to
// the first group's type.
func Concat(parts []value.Value, rows int) (*value.Vector, error) {
	if len(parts) == 0 {
		return value.NewVector(value.Double, 0, 0), nil
	}
	first := parts[0].(*value.Vector)
	for _, p := range parts {
		if v := p.(*value.Vector); v.Len() > 0 && !allNull(v) {
			first = v
			break
		}
	}
	out := value.NewVector(first.T, 0, rows)
	out.Scale = first.Scale
	for _, p := range parts {
		if err := cast.AppendVector(out, p.(*value.Vector)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// allNull reports whether every element of v is NULL.
func allNull(v *value.Vector) bool {
	for i := 0; i < v.Len(); i++ {
		if !v.IsNull(i) {
			return false
		}
	}
	return true
}

// IsIota reports whether rows is 0, 1, ..., n-1: gathering them is a copy.
func IsIota(rows []int, n int) bool {
	if len(rows) != n {
		return false
	}
	for i, r := range rows {
		if r != i {
			return false
		}
	}
	return true
}

// SpreadRows places row r of vec (in group order) at row rows[perm[r]] of
// a vector of n rows, NULL elsewhere. An array vector's rows vary in
// length, so it is gathered rather than written row by row.
func SpreadRows(vec *value.Vector, perm, rows []int, n int) *value.Vector {
	if vec.T.IsArray() {
		at := make([]int, n)
		for i := range at {
			at[i] = -1
		}
		for r, sr := range perm {
			at[rows[sr]] = r
		}
		return value.GatherOrNull(vec, at)
	}
	full := value.NewNullVector(vec.T, n)
	full.Scale = vec.Scale
	for r, sr := range perm {
		full.SetFrom(rows[sr], vec, r)
	}
	return full
}
