package access

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// AssignsN reports whether x[r, c] = v assigns into x by AssignN: x is a
// matrix or an array vector.
func AssignsN(x value.Value) bool {
	v, ok := x.(*value.Vector)
	return x.Form() == value.FormMatrix || ok && (v.T.IsArray() || v.Columnar)
}

// AssignN is x[r, c] = v on a matrix, r or c nil for all rows or columns
// (m[1,] = 100, m[1:3, 5:10] = x, m[0 2, 0 2] = 101 in Matrix.md): the
// cells of the rows and columns selected, in the order selected, take v.
// On an array vector it is assignArrayCells.
func AssignN(x value.Value, sels []value.Value, v value.Value) error {
	if a, ok := x.(*value.Vector); ok && a.T.IsArray() && len(sels) == 2 {
		return assignArrayCells(a, sels[0], sels[1], v)
	}
	if a, ok := x.(*value.Vector); ok && a.Columnar && len(sels) == 2 {
		// a columnar tuple's cells are assigned as an array vector's
		// (columnarTuple.md)
		av := a.ColumnarArray()
		if err := assignArrayCells(av, sels[0], sels[1], v); err != nil {
			return err
		}
		a.SetColumnarRows(av)
		return nil
	}
	m, ok := x.(*value.Matrix)
	if !ok || len(sels) != 2 {
		return ddberr.Errorf("The object does not support indexed assignment.")
	}
	rows, cols, err := matrixSelection(m, sels[0], sels[1])
	if err != nil {
		return err
	}
	return assignCells(m, rows, cols, v)
}

// assignMatrix is m[i] = v: columns i (a position, a pair or a vector of
// positions), or the cells where a BOOL matrix of m's shape is true
// (a[a<5] = 5).
func assignMatrix(m *value.Matrix, i, v value.Value) error {
	if b, ok := i.(*value.Matrix); ok {
		if b.V.T != value.Bool || b.Rows != m.Rows || b.Cols != m.Cols {
			return ddberr.Errorf("The dimensions of the two matrices are not the same.")
		}
		var pos []int
		for k, t := range b.V.I8 {
			if t == 1 {
				pos = append(pos, k)
			}
		}
		return assignFlat(m, pos, v, nil)
	}
	rows, cols, err := matrixSelection(m, nil, i)
	if err != nil {
		return err
	}
	return assignCells(m, rows, cols, v)
}

// assignCells stores v in the cells of m at rows x cols, column by column.
func assignCells(m *value.Matrix, rows, cols []int, v value.Value) error {
	pos := make([]int, 0, len(rows)*len(cols))
	for _, c := range cols {
		for _, r := range rows {
			pos = append(pos, c*m.Rows+r)
		}
	}
	return assignFlat(m, pos, v, []int{len(rows), len(cols)})
}

// assignFlat stores v at positions pos of m's column-major data: a scalar
// in each, a vector of pos's length element by element, or, where shape
// gives the selection's rows and columns, a matrix of that shape. Values
// convert to m's type as a vector's assigned elements do.
func assignFlat(m *value.Matrix, pos []int, v value.Value, shape []int) error {
	switch src := v.(type) {
	case *value.Matrix:
		if shape == nil || src.Rows != shape[0] || src.Cols != shape[1] {
			return ddberr.Errorf("The dimensions of the two matrices are not the same.")
		}
		v = src.V
	case *value.Vector:
		if src.T == value.Any || src.T.IsArray() {
			return ddberr.Errorf("The value to assign must be a scalar or a vector.")
		}
		if src.Len() != len(pos) {
			return ddberr.Errorf("Incompatible vector size")
		}
	case *value.Scalar:
	default:
		return ddberr.Errorf("The value to assign must be a scalar or a vector.")
	}
	return AssignPositions(m.V, pos, v)
}
