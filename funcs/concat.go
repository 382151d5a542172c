package funcs

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// commonType is the type two vectors join into: their own when equal,
// the wider numeric one, STRING for mixed literals; ok is false when they
// don't mix.
func xcommonType(a, b value.Type) (value.Type, bool) {
	switch {
	case a == b:
		return a, true
	case a == value.Void:
		return b, true
	case b == value.Void:
		return a, true
	case a.Category() == value.CatLiteral && b.Category() == value.CatLiteral:
		return value.String, true
	case a.IsNumeric() && b.IsNumeric() && a.Category() != value.CatTemporal && b.Category() != value.CatTemporal && a != value.Bool && b != value.Bool:
		return value.Promote(a, b), true
	}
	return 0, false
}

// JoinVectors concatenates vectors into a new one of their common type.
func JoinVectors(vs ...*value.Vector) (*value.Vector, error) {
	t := value.Void
	total := 0
	for _, v := range vs {
		nt, ok := xcommonType(t, v.T)
		if !ok {
			return nil, ddberr.Errorf("The data types of the vectors to join are incompatible.")
		}
		t = nt
		total += v.Len()
	}
	out := value.NewVector(t, 0, total)
	for _, v := range vs {
		if v.T != t {
			if v.T == value.Void {
				for i := 0; i < v.Len(); i++ {
					out.AppendNull()
				}
				continue
			}
			c, err := cast.Vector(v, t, v.Scale)
			if err != nil {
				return nil, err
			}
			v = c
		}
		out.Scale = v.Scale
		out.AppendVector(v)
	}
	return out, nil
}

// StackMatrices joins matrices one below the other, column by column
// (concatMatrix's vertical form), without labels; ok is false when their
// column counts differ.
func StackMatrices(ms []*value.Matrix) (m *value.Matrix, ok bool, err error) {
	cols := ms[0].Cols
	rows := 0
	for _, m := range ms {
		if m.Cols != cols {
			return nil, false, nil
		}
		rows += m.Rows
	}
	parts := make([]*value.Vector, 0, cols*len(ms))
	for c := 0; c < cols; c++ {
		for _, m := range ms {
			parts = append(parts, MatrixColumn(m, c))
		}
	}
	data, err := JoinVectors(parts...)
	if err != nil {
		return nil, true, err
	}
	return &value.Matrix{V: data, Rows: rows, Cols: cols}, true, nil
}

// replaceVector makes dst hold src's contents in place, so every variable
// that refers to dst sees the change (the '!' functions).
func ReplaceVector(dst, src *value.Vector) { *dst = *src }
