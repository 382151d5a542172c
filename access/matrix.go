package access

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// indexList reads a pair or a vector of positions: a pair runs from its
// start up to its end, backwards when the start is past the end, and an
// open end is 0 or n. Positions are not checked against n.
func IndexList(i value.Value, n int) ([]int, error) {
	switch k := i.(type) {
	case *value.Pair:
		a, b := funcs.PairRange(k, n)
		var out []int
		if a <= b {
			for j := a; j < b; j++ {
				out = append(out, int(j))
			}
		} else {
			for j := a - 1; j >= b; j-- {
				out = append(out, int(j))
			}
		}
		return out, nil
	case *value.Vector:
		if k.T.Category() != value.CatIntegral {
			return nil, ddberr.Errorf("Invalid index.")
		}
		longs, err := cast.Vector(k, value.Long, 0)
		if err != nil {
			return nil, err
		}
		out := make([]int, len(longs.I64))
		for j, p := range longs.I64 {
			out[j] = int(p)
			if p == value.NullInt64 {
				out[j] = -1
			}
		}
		return out, nil
	}
	return nil, ddberr.Errorf("Invalid index.")
}

// positions is a row or column index (a scalar, a pair or a vector of
// positions) as positions below n; one outside is an error.
func Positions(i value.Value, n int) ([]int, error) {
	if k, ok := i.(*value.Scalar); ok {
		p, ok := k.Int64()
		if !ok || p < 0 || int(p) >= n {
			return nil, ddberr.Errorf("Index out of range.")
		}
		return []int{int(p)}, nil
	}
	out, err := IndexList(i, n)
	if err != nil {
		return nil, err
	}
	for _, p := range out {
		if p < 0 || p >= n {
			return nil, ddberr.Errorf("Index out of range.")
		}
	}
	return out, nil
}

// sliceMatrix is m[r, c] with r or c nil for all rows or columns: the
// sub-matrix of the selected rows and columns, in the order selected (a
// pair whose start is past its end runs backwards: m[3:1,] is rows 2, 1).
func SliceMatrix(m *value.Matrix, r, c value.Value) (value.Value, error) {
	rows, cols, err := matrixSelection(m, r, c)
	if err != nil {
		return nil, err
	}
	return m.Sub(rows, cols), nil
}

// matrixSelection is the row and column positions of m[r, c], r or c nil
// for all, each checked against m's shape.
func matrixSelection(m *value.Matrix, r, c value.Value) (rows, cols []int, err error) {
	all := func(n int) []int {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	}
	rows, cols = all(m.Rows), all(m.Cols)
	if r != nil {
		if rows, err = Positions(r, m.Rows); err != nil {
			return nil, nil, err
		}
	}
	if c != nil {
		if cols, err = Positions(c, m.Cols); err != nil {
			return nil, nil, err
		}
	}
	return rows, cols, nil
}

// matrixColumns is m[i]: column i as a vector, or for a pair or vector of
// column positions the sub-matrix of those columns.
func matrixColumns(m *value.Matrix, i value.Value) (value.Value, error) {
	if s, ok := i.(*value.Scalar); ok {
		j, ok := s.Int64()
		if !ok || j < 0 || int(j) >= m.Cols {
			return nil, ddberr.Errorf("Index out of range.")
		}
		return m.V.Slice(int(j)*m.Rows, int(j+1)*m.Rows).Clone(), nil
	}
	if k, ok := i.(*value.Matrix); ok && k.V.T == value.Bool && k.Rows == m.Rows && k.Cols == m.Cols {
		return maskMatrix(m, k), nil
	}
	if k, ok := i.(*value.Vector); ok && k.T.Category() == value.CatLiteral && m.ColLabels != nil && m.ColLabels.T.Category() == value.CatLiteral {
		// columns by label, in the order given (returnsMatrix[ids] in
		// tutorials/public_fund_basic_analysis.md)
		return labelledColumns(m, k)
	}
	return SliceMatrix(m, nil, i)
}

// labelledColumns is m's columns whose labels are names, in their order.
func labelledColumns(m *value.Matrix, names *value.Vector) (value.Value, error) {
	at := make(map[string]int, m.Cols)
	for j := 0; j < m.Cols; j++ {
		at[m.ColLabels.FormatElem(j)] = j
	}
	cols := make([]int, names.Len())
	for j := range cols {
		c, ok := at[names.FormatElem(j)]
		if !ok {
			return nil, ddberr.Errorf("Invalid index.")
		}
		cols[j] = c
	}
	rows := make([]int, m.Rows)
	for r := range rows {
		rows[r] = r
	}
	return m.Sub(rows, cols), nil
}

// maskMatrix is m[mask] for a BOOL matrix of m's shape: m with NULL where
// mask is not true (funcs/a/at.md's m[m>3]).
func maskMatrix(m, mask *value.Matrix) *value.Matrix {
	out := *m
	out.V = m.V.Clone()
	for j, b := range mask.V.I8 {
		if b != 1 {
			out.V.SetNull(j)
		}
	}
	return &out
}

// arrayColumns is av[j] on an array vector: element j of every row (NULL
// where a row is shorter) as a vector; for a pair or vector of positions,
// an array vector of those elements of every row.
func ArrayColumns(v *value.Vector, i value.Value) (value.Value, error) {
	elem := v.T.Elem()
	flat := *v
	flat.T = elem
	flat.Offsets = nil
	n := v.Len()
	var cols []int
	switch k := i.(type) {
	case *value.Scalar:
		j, ok := k.Int64()
		out := value.NewVector(elem, 0, n)
		out.Scale = v.Scale
		lo := int64(0)
		for r := 0; r < n; r++ {
			hi := v.Offsets[r]
			if ok && j >= 0 && lo+j < hi {
				out.AppendFrom(&flat, int(lo+j))
			} else {
				out.AppendNull()
			}
			lo = hi
		}
		return out, nil
	default:
		// columns past a row's end are NULL there, so positions are
		// not checked against a length; an open end is the longest row's
		width, lo := int64(0), int64(0)
		for _, hi := range v.Offsets {
			width = max(width, hi-lo)
			lo = hi
		}
		var err error
		if cols, err = IndexList(i, int(width)); err != nil {
			return nil, err
		}
	}
	out := value.NewVector(elem, 0, n*len(cols))
	out.Scale = v.Scale
	offs := make([]int64, n)
	lo := int64(0)
	for r := 0; r < n; r++ {
		hi := v.Offsets[r]
		for _, j := range cols {
			if j >= 0 && lo+int64(j) < hi {
				out.AppendFrom(&flat, int(lo+int64(j)))
			} else {
				out.AppendNull()
			}
		}
		offs[r] = int64((r + 1) * len(cols))
		lo = hi
	}
	out.T = v.T
	out.Offsets = offs
	return out, nil
}
