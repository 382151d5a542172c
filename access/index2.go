package access

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// Index2 is x[r, c], r or c nil where left empty: a matrix's cells or
// sub-matrix (m[,1], m[0,]), an array vector's rows then elements of
// each row, a table's rows then columns, a dictionary's values at keys r
// each indexed by c (d[`a`b, 1 2]). ok is false for any other x, which
// the caller indexes by the pair of values as one index.
func Index2(x, r, c value.Value) (v value.Value, ok bool, err error) {
	switch b := x.(type) {
	case *value.Matrix:
		v, err = matrixCells(b, r, c)
	case *value.Vector:
		if !b.T.IsArray() {
			return nil, false, nil
		}
		rows := b
		if r != nil {
			pos, err := Positions(r, b.Len())
			if err != nil {
				return nil, true, err
			}
			rows = b.Gather(pos)
		}
		if c == nil {
			return rows, true, nil
		}
		v, err = ArrayColumns(rows, c)
	case *value.Table:
		v, err = IndexTable(b, r, c)
	case *value.Dict:
		v, err = dictCells(b, r, c)
	default:
		return nil, false, nil
	}
	return v, true, err
}

// matrixCells is m[r, c]: one cell for two scalars, else a sub-matrix.
func matrixCells(m *value.Matrix, r, c value.Value) (value.Value, error) {
	rs, rok := r.(*value.Scalar)
	cs, cok := c.(*value.Scalar)
	if !rok || !cok {
		return SliceMatrix(m, r, c)
	}
	i, iok := rs.Int64()
	j, jok := cs.Int64()
	if !iok || !jok || i < 0 || j < 0 || int(i) >= m.Rows || int(j) >= m.Cols {
		return nil, ddberr.Errorf("Index out of range.")
	}
	return m.V.At(int(j)*m.Rows + int(i)), nil
}

// dictCells is d[keys, c]: the values at keys, each indexed by c.
func dictCells(d *value.Dict, keys, c value.Value) (value.Value, error) {
	if keys == nil {
		return nil, ddberr.Errorf("Invalid index.")
	}
	got, err := DictGet(d, keys)
	if err != nil || c == nil {
		return got, err
	}
	tu, ok := got.(*value.Vector)
	if !ok || tu.T != value.Any {
		return Index(got, c)
	}
	out := make([]value.Value, tu.Len())
	for k, e := range tu.Any {
		if out[k], err = Index(e, c); err != nil {
			return nil, err
		}
	}
	return value.NewTuple(out), nil
}

// IndexTuple is x[i, j, ...] on a tuple (TupleANYVector.md): the first
// index selects elements of x (nil for all); one element is indexed on by
// the rest, several give a tuple of each indexed by the rest. A scalar
// indexed further is itself.
func IndexTuple(x *value.Vector, sels []value.Value) (value.Value, error) {
	if len(sels) == 0 {
		return x, nil
	}
	s, rest := sels[0], sels[1:]
	if k, ok := s.(*value.Scalar); ok {
		e, err := IndexVector(x, k)
		if err != nil {
			return nil, err
		}
		return indexDeeper(e, rest)
	}
	picked := x
	if s != nil {
		v, err := IndexVector(x, s)
		if err != nil {
			return nil, err
		}
		tu, ok := v.(*value.Vector)
		if !ok || tu.T != value.Any {
			return nil, ddberr.Errorf("Invalid index.")
		}
		picked = tu
	}
	out := make([]value.Value, picked.Len())
	for k, e := range picked.Any {
		var err error
		if out[k], err = indexDeeper(e, rest); err != nil {
			return nil, err
		}
	}
	return value.NewTuple(out), nil
}

// indexDeeper indexes one element of a tuple by the remaining indexes.
func indexDeeper(e value.Value, sels []value.Value) (value.Value, error) {
	switch v := e.(type) {
	case *value.Vector:
		if v.T == value.Any {
			return IndexTuple(v, sels)
		}
	case *value.Scalar:
		return v, nil
	}
	for _, s := range sels {
		if s == nil {
			continue
		}
		var err error
		if e, err = Index(e, s); err != nil {
			return nil, err
		}
		if sc, ok := e.(*value.Scalar); ok {
			return sc, nil
		}
	}
	return e, nil
}
