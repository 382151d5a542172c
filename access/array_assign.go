package access

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// assignArrayCells is a[r, c] = v on an array vector (arrayVector.md), r
// nil for all rows: in each row the elements at c take v when v is a
// scalar or has c's length, else element k of v (a scalar or c's length)
// in the k-th row selected.
func assignArrayCells(a *value.Vector, r, c, v value.Value) error {
	if c == nil {
		return ddberr.Errorf("Invalid index.")
	}
	rows, err := arraySelection(a, r)
	if err != nil {
		return err
	}
	flat := *a
	flat.T = a.T.Elem()
	flat.Offsets = nil
	for k, row := range rows {
		lo := int64(0)
		if row > 0 {
			lo = a.Offsets[row-1]
		}
		cols, err := Positions(c, int(a.Offsets[row]-lo))
		if err != nil {
			return err
		}
		rv, err := rowValue(v, k, len(rows), len(cols))
		if err != nil {
			return err
		}
		pos := make([]int, len(cols))
		for j, p := range cols {
			pos[j] = int(lo) + p
		}
		if tu, ok := rv.(*value.Vector); ok && tu.T == value.Any {
			// a tuple of scalars, one per column
			for j, p := range pos {
				if err := AssignPositions(&flat, []int{p}, tu.Any[j]); err != nil {
					return err
				}
			}
			continue
		}
		if err := AssignPositions(&flat, pos, rv); err != nil {
			return err
		}
	}
	return nil
}

// arraySelection is the rows r selects of a, all for nil.
func arraySelection(a *value.Vector, r value.Value) ([]int, error) {
	if r != nil {
		return Positions(r, a.Len())
	}
	rows := make([]int, a.Len())
	for i := range rows {
		rows[i] = i
	}
	return rows, nil
}

// rowValue is what row k of n selected rows takes from v for ncols
// columns: v itself when it is a scalar or has ncols elements (and is not
// a tuple of one value per row), else v's k-th element.
func rowValue(v value.Value, k, n, ncols int) (value.Value, error) {
	x, ok := v.(*value.Vector)
	if !ok {
		return v, nil
	}
	perRow := x.Len() == n
	if x.T == value.Any && perRow {
		for _, e := range x.Any {
			if _, scalar := e.(*value.Scalar); !scalar {
				return x.Any[k], nil
			}
		}
	}
	switch {
	case x.Len() == ncols:
		return x, nil
	case perRow:
		return x.Elem(k), nil
	}
	return nil, ddberr.Errorf("Incompatible vector size")
}
