package pivot

import (
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/query/ctxby"
	"github.com/porpoisedb/porpoise/query/groupagg"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// CellRows computes the row expression x over each cell's own rows, so
// that no cell sees another's, and keeps each cell's last row (NULL in
// the cells without rows). eval gets src's rows that x reads arranged
// cell by cell, the cells with rows as its groups, and returns a value
// for each arranged row.
func CellRows(src *value.Table, cells *groupagg.Groups, x ast.Expr, eval func(*value.Table, *groupagg.Groups) (*value.Vector, error)) (*value.Vector, error) {
	// the cells with rows, numbered densely in cell order: an empty
	// cell is not evaluated (a function may refuse no rows)
	dense := make([]int32, cells.N)
	n := 0
	for c, first := range cells.First {
		dense[c] = -1
		if first >= 0 {
			dense[c] = int32(n)
			n++
		}
	}
	ids := make([]int32, len(cells.IDs))
	for r, id := range cells.IDs {
		ids[r] = dense[id]
	}
	arranged, groups := ctxby.Arrange(src, ctxby.Columns(src.Names, nil, x), &groupagg.Groups{N: n, IDs: ids})
	all, err := eval(arranged, groups)
	if err != nil {
		return nil, err
	}
	last := make([]int, cells.N)
	for c, d := range dense {
		last[c] = -1
		if d >= 0 {
			last[c] = groups.Starts[d+1] - 1
		}
	}
	return value.GatherOrNull(all, last), nil
}

// nullEmpty is v with NULL in the cells present leaves false. A cell
// already NULL is left as it is: an empty array vector cell stays empty.
func nullEmpty(v *value.Vector, present []bool) *value.Vector {
	var empty []int
	for i, p := range present {
		if !p && !insert.RowIsNull(v, i) {
			empty = append(empty, i)
		}
	}
	if len(empty) == 0 {
		return v
	}
	v = v.Clone()
	insert.SetNullRows(v, empty)
	return v
}
