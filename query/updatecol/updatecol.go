package updatecol

import (
	"strings"

	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Narrow is t narrowed to the columns the set expressions name, so
// evaluating them over the selected rows gathers only those.
func Narrow(t *value.Table, sets []ast.SetClause) *value.Table {
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

// ArrayCell is a plain vector set into an array vector column as one
// cell, the same in every row (update.md example 4: set a = [2,2,3]).
func ArrayCell(c *value.Vector, v value.Value) (*value.Vector, bool) {
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

// SetRows writes src's row srcRows[i] into row dst[i] of col, in place
// where rows have a fixed size; an array vector's rows change length, so
// it is rebuilt.
func SetRows(col *value.Vector, dst []int, src *value.Vector, srcRows []int) *value.Vector {
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
