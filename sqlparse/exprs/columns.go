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
	used := UsedNames(sel)
	if used == nil {
		return nil
	}
	var cols []int
	for i, n := range names {
		if used[strings.ToLower(n)] {
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

// UsedNames is the set of names, in lower case, that the identifiers and
// member accesses (t.col) of a query and of more spell: every column the
// query can refer to is among them. It is nil when the query reads every
// column (select *, t.*).
func UsedNames(sel *ast.SelectExpr, more ...ast.Expr) map[string]bool {
	for _, c := range sel.Cols {
		if _, ok := c.(*ast.StarExpr); ok {
			return nil
		}
	}
	used := map[string]bool{}
	mark := func(x ast.Expr) {
		if x == nil {
			return
		}
		astwalk.Inspect(x, func(n ast.Node) bool {
			switch v := n.(type) {
			case *ast.Ident:
				used[strings.ToLower(v.Name)] = true
			case *ast.MemberExpr:
				used[strings.ToLower(v.Name)] = true // t.col
			}
			return true
		})
	}
	for _, list := range [][]ast.Expr{sel.Cols, sel.Where, sel.GroupBy, sel.ContextBy, sel.PivotBy, sel.CGroupBy, more} {
		for _, x := range list {
			mark(x)
		}
	}
	for _, x := range []ast.Expr{sel.Having, sel.Top, sel.Limit, sel.Offset} {
		mark(x)
	}
	for _, o := range sel.OrderBy {
		mark(o.X)
	}
	for _, o := range sel.CSort {
		mark(o.X)
	}
	return used
}

// ColumnSet is the set of a table's column names in lower case, as
// Mentions takes them.
func ColumnSet(names []string) map[string]bool {
	cols := make(map[string]bool, len(names))
	for _, c := range names {
		cols[strings.ToLower(c)] = true
	}
	return cols
}

// Mentions reports whether an identifier of e names any of cols (lower
// case).
func Mentions(e ast.Expr, cols map[string]bool) bool {
	found := false
	astwalk.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && cols[strings.ToLower(id.Name)] {
			found = true
		}
		return !found
	})
	return found
}
