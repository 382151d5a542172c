package groupkeys

import (
	"strings"

	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/query/interval"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
)

// Selected rewrites a group by query whose select list repeats a
// grouping expression (select sym, date(time) as d, sum(v) ... group by
// sym, date(time)): the item is that key's column, under the item's name
// and at the item's place, so the key takes the item's name as its alias
// and the item becomes a reference to it (group by sym, date(time) as d,
// selecting d). A key a bare column already names needs no rewrite, nor
// does an interval key. n itself is left as it is.
func Selected(n *ast.SelectExpr) *ast.SelectExpr {
	if len(n.GroupBy) == 0 {
		return n
	}
	var out *ast.SelectExpr
	claimed := make([]bool, len(n.GroupBy))
	for i, c := range n.Cols {
		k := matchingKey(n.GroupBy, claimed, c)
		if k < 0 {
			continue
		}
		claimed[k] = true
		name := colname.Of(c)
		if out == nil {
			cp := *n
			cp.Cols = append([]ast.Expr(nil), n.Cols...)
			cp.GroupBy = append([]ast.Expr(nil), n.GroupBy...)
			out = &cp
		}
		out.GroupBy[k] = &ast.AliasExpr{At: n.GroupBy[k].Pos(), X: colname.Strip(n.GroupBy[k]), Name: name}
		out.Cols[i] = &ast.Ident{At: c.Pos(), Name: name}
	}
	if out == nil {
		return n
	}
	return out
}

// matchingKey is the index of the first unclaimed key whose expression
// select item c repeats, -1 when there is none or c is a bare reference
// to a key's name (which selects it as is).
func matchingKey(keys []ast.Expr, claimed []bool, c ast.Expr) int {
	if id, ok := c.(*ast.Ident); ok {
		for _, k := range keys {
			if strings.EqualFold(colname.Of(k), id.Name) {
				return -1
			}
		}
	}
	x := colname.Strip(c)
	if _, ok := x.(*ast.StarExpr); ok {
		return -1
	}
	text := unparse.Format(x)
	for i, k := range keys {
		if _, iv := interval.Call(k); iv || claimed[i] {
			continue
		}
		if strings.EqualFold(unparse.Format(colname.Strip(k)), text) {
			return i
		}
	}
	return -1
}
