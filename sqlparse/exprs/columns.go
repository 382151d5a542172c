package exprs

import (
	"strings"

	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
)

// NeededColumns lists, in schema order, the columns a query can refer to:
// those named by any identifier in it, at least one (count(*) needs the
// row count); nil when it reads them all (select *).
func NeededColumns(sel *ast.SelectExpr, names []string) []int {
	for _, c := range sel.Cols {
		if _, ok := c.(*ast.StarExpr); ok {
			return nil
		}
	}
	index := make(map[string]int, len(names))
	for i, n := range names {
		index[strings.ToLower(n)] = i
	}
	want := make([]bool, len(names))
	mark := func(x ast.Expr) {
		if x == nil {
			return
		}
		astwalk.Inspect(x, func(n ast.Node) bool {
			var name string
			switch v := n.(type) {
			case *ast.Ident:
				name = v.Name
			case *ast.MemberExpr:
				name = v.Name // t.col
			default:
				return true
			}
			if i, ok := index[strings.ToLower(name)]; ok {
				want[i] = true
			}
			return true
		})
	}
	for _, list := range [][]ast.Expr{sel.Cols, sel.Where, sel.GroupBy, sel.ContextBy, sel.PivotBy, sel.CGroupBy} {
		for _, x := range list {
			mark(x)
		}
	}
	mark(sel.Having)
	mark(sel.Top)
	mark(sel.Limit)
	mark(sel.Offset)
	for _, o := range sel.OrderBy {
		mark(o.X)
	}
	for _, o := range sel.CSort {
		mark(o.X)
	}
	var cols []int
	for i, w := range want {
		if w {
			cols = append(cols, i)
		}
	}
	if len(cols) == len(names) {
		return nil
	}
	if len(cols) == 0 {
		cols = []int{0}
	}
	return cols
}
