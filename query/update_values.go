package query

import (
	"github.com/porpoisedb/porpoise/query/updatecol"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// setValues evaluates the set expressions of an update without context
// by over the rows of t the where clause selects, as DolphinDB does
// (update.md example 5: an array vector as long as the selected rows).
// Each result is as long as t and valid at rows, or with ex.narrow one
// row per row of rows, as a point update of a large table would
// otherwise spread each value over the whole table.
func (ex *executor) setValues(t *value.Table, rows []int, sets []ast.SetClause) ([]*value.Vector, error) {
	sub, pos := t, []int(nil)
	if len(rows) > 0 && len(rows) < t.Rows() {
		sub = updatecol.Narrow(t, sets).Gather(rows)
	}
	if sub != t && !ex.narrow {
		pos = make([]int, t.Rows())
		for i, r := range rows {
			pos[r] = i
		}
	}
	out := make([]*value.Vector, len(sets))
	for k, set := range sets {
		v, err := ex.withTable(sub, set.X)
		if err != nil {
			return nil, err
		}
		if cell, ok := updatecol.ArrayCell(t.Column(set.Col), v); ok {
			v = cell.Gather(make([]int, sub.Rows()))
		}
		vec, err := value.Broadcast(v, sub.Rows())
		if err != nil {
			return nil, err
		}
		if pos != nil {
			vec = vec.Gather(pos)
		}
		out[k] = vec
	}
	return out, nil
}
