package query

import (
	"strings"

	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// setValues evaluates the set expressions of an update without context
// by over the rows of t the where clause selects, as DolphinDB does
// (update.md example 5: an array vector as long as the selected rows).
// Each result is as long as t and valid at rows.
func (ex *executor) setValues(t *value.Table, rows []int, sets []ast.SetClause) ([]*value.Vector, error) {
	sub, pos := t, []int(nil)
	if len(rows) > 0 && len(rows) < t.Rows() {
		sub = setColumns(t, sets).Gather(rows)
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
		if cell, ok := arrayCell(t.Column(set.Col), v); ok {
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

// setColumns is t narrowed to the columns the set expressions name, so
// evaluating them over the selected rows gathers only those.
func setColumns(t *value.Table, sets []ast.SetClause) *value.Table {
	used := map[string]bool{}
	for _, set := range sets {
		astwalk.Inspect(set.X, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Ident:
				used[strings.ToLower(x.Name)] = true
			case *ast.MemberExpr:
				used[strings.ToLower(x.Name)] = true // t.col
			}
			return true
		})
	}
	var names []string
	var cols []*value.Vector
	for i, n := range t.Names {
		// the first column keeps the row count when no other is named
		if used[strings.ToLower(n)] || i == 0 {
			names = append(names, n)
			cols = append(cols, t.Cols[i])
		}
	}
	return value.NewTable(names, cols)
}

// arrayCell is a plain vector set into an array vector column as one
// cell, the same in every row (update.md example 4: set a = [2,2,3]).
func arrayCell(c *value.Vector, v value.Value) (*value.Vector, bool) {
	if c == nil || !c.T.IsArray() {
		return nil, false
	}
	x, ok := v.(*value.Vector)
	if !ok || x.T.IsArray() || x.T == value.Any {
		return nil, false
	}
	elems, err := cast.Vector(x, c.T.Elem(), c.Scale)
	if err != nil {
		return nil, false
	}
	cell := *elems
	cell.T = c.T
	cell.Offsets = []int64{int64(elems.Len())}
	return &cell, true
}

// setRows writes src's row srcRows[i] into row dst[i] of col, in place
// where rows have a fixed size; an array vector's rows change length, so
// it is rebuilt.
func setRows(col *value.Vector, dst []int, src *value.Vector, srcRows []int) *value.Vector {
	if !col.T.IsArray() {
		for i, r := range srcRows {
			col.SetFrom(dst[i], src, r)
		}
		return col
	}
	both := col.Clone()
	both.AppendVector(src)
	idx := value.Iota(col.Len())
	for i, r := range srcRows {
		idx[dst[i]] = col.Len() + r
	}
	return both.Gather(idx)
}
