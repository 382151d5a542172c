package access

import (
	"slices"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/value"
)

// Indexing tables as the Table page of DolphinDB's manual describes it:
// t[rows, cols] selects both (1:3 is rows 1 and 2, 2:0 rows 1 and 0),
// either side left empty for all; rows may also be a BOOL vector of the
// table's length (t[t.x > 2]); columns are positions or names. Assigning
// t[col, rows] = v changes the selected rows of one column.

// RowPositions is a table's row selection: a BOOL vector of length n
// keeps its true positions, anything else is a position, a pair or a
// vector of positions below n.
func RowPositions(r value.Value, n int) ([]int, error) {
	if v, ok := r.(*value.Vector); ok && v.T == value.Bool {
		if v.Len() != n {
			return nil, ddberr.Errorf("Incompatible vector size")
		}
		pos := make([]int, 0, n)
		for k, b := range v.I8 {
			if b == 1 {
				pos = append(pos, k)
			}
		}
		return pos, nil
	}
	return Positions(r, n)
}

// columnPositions is a table's column selection: a name or a position, or
// a vector of either, or a pair of positions.
func columnPositions(t *value.Table, c value.Value) ([]int, error) {
	var names []string
	switch k := c.(type) {
	case *value.Scalar:
		if k.T.Category() == value.CatLiteral {
			names = []string{k.S}
		}
	case *value.Vector:
		if k.T.Category() == value.CatLiteral {
			names = k.Strings()
		}
	}
	if names == nil {
		return Positions(c, len(t.Cols))
	}
	pos := make([]int, len(names))
	for k, name := range names {
		if pos[k] = t.ColumnIndex(name); pos[k] < 0 {
			return nil, ddberr.Errorf("The column [%s] doesn't exist in the table.", name)
		}
	}
	return pos, nil
}

// IndexTable is t[r, c] with r or c nil for all rows or columns: a table of
// the selected rows and columns, in the order selected.
func IndexTable(t *value.Table, r, c value.Value) (*value.Table, error) {
	cols := make([]int, len(t.Cols))
	for k := range cols {
		cols[k] = k
	}
	var err error
	if c != nil {
		if cols, err = columnPositions(t, c); err != nil {
			return nil, err
		}
	}
	var rows []int
	if r != nil {
		if rows, err = RowPositions(r, t.Rows()); err != nil {
			return nil, err
		}
	}
	out := &value.Table{Names: make([]string, len(cols)), Cols: make([]*value.Vector, len(cols))}
	for k, j := range cols {
		out.Names[k] = t.Names[j]
		if rows == nil {
			out.Cols[k] = t.Cols[j].Clone()
		} else {
			out.Cols[k] = t.Cols[j].Gather(rows)
		}
	}
	return out, nil
}

// assignTableCells is t[col, rows] = v: the selected rows of the column
// called name (or at a position) take v, a scalar or one value per
// selected row.
// IsKeyColumn reports whether name is a key column of t, a keyed or
// indexed table: changing one in place would leave the key index
// pointing at the wrong rows, so assignments refuse it as update does.
func IsKeyColumn(t *value.Table, name string) bool {
	j := t.ColumnIndex(name)
	return j >= 0 && slices.Contains(t.KeyCols, j)
}

func assignTableCells(t *value.Table, col, rows, v value.Value) error {
	cols, err := columnPositions(t, col)
	if err != nil {
		return err
	}
	if len(cols) != 1 {
		return ddberr.Errorf("A table column must be named by a string.")
	}
	if slices.Contains(t.KeyCols, cols[0]) {
		return insert.ErrUpdateKey
	}
	pos, err := RowPositions(rows, t.Rows())
	if err != nil {
		return err
	}
	return AssignPositions(t.Cols[cols[0]], pos, v)
}

// assignTableColumns is t[names] = v for a vector of names: column k
// takes element k of the tuple v (or v itself when it is not a tuple),
// added when the table lacks it.
func assignTableColumns(t *value.Table, names []string, v value.Value) error {
	tu, ok := v.(*value.Vector)
	if ok && tu.T == value.Any && tu.Len() != len(names) {
		return ddberr.Errorf("The number of columns to assign doesn't match the number of values.")
	}
	for k, name := range names {
		x := v
		if ok && tu.T == value.Any {
			x = tu.Any[k]
		}
		if err := Assign(t, value.NewString(name), x); err != nil {
			return err
		}
	}
	return nil
}
