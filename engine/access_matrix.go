package engine

import (
	"github.com/porpoisedb/porpoise/access"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/value"
)

// Indexing matrices and array vectors, as the Matrix and arrayVector pages
// of DolphinDB's manual describe it: a single index selects columns
// (m[1] is column 1 as a vector, m[1:3] and m[0 2] sub-matrices of those
// columns; av[1] is element 1 of every row), and m[rows, cols] selects
// both, either side left empty for all (m[,1], m[0,]).

// evalIndex2 is x[r, c]; ok is false when x is neither a matrix nor an
// array vector, and the caller indexes it the general way.
func (in *interp) evalIndex2(x value.Value, tu *sqlparse.TupleExpr) (value.Value, bool, error) {
	switch v := x.(type) {
	case *value.Matrix:
	case *value.Vector:
		if !v.T.IsArray() {
			return nil, false, nil
		}
	default:
		return nil, false, nil
	}
	var sel [2]value.Value
	for k, e := range tu.Elems {
		if e == nil {
			continue
		}
		s, err := in.eval(e)
		if err != nil {
			return nil, true, err
		}
		sel[k] = s
	}
	switch v := x.(type) {
	case *value.Matrix:
		r, rok := sel[0].(*value.Scalar)
		c, cok := sel[1].(*value.Scalar)
		if rok && cok {
			// one cell
			i, iok := r.Int64()
			j, jok := c.Int64()
			if !iok || !jok || i < 0 || j < 0 || int(i) >= v.Rows || int(j) >= v.Cols {
				return nil, true, ddberr.Errorf("Index out of range.")
			}
			return v.V.At(int(j)*v.Rows + int(i)), true, nil
		}
		out, err := access.SliceMatrix(v, sel[0], sel[1])
		return out, true, err
	case *value.Vector:
		rows := v
		if sel[0] != nil {
			pos, err := access.Positions(sel[0], v.Len())
			if err != nil {
				return nil, true, err
			}
			rows = v.Gather(pos)
		}
		if sel[1] == nil {
			return rows, true, nil
		}
		out, err := access.ArrayColumns(rows, sel[1])
		return out, true, err
	}
	return nil, false, nil
}
