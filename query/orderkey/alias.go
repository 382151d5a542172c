package orderkey

import (
	"strings"

	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
)

// Aliased rewrites the order by items of a plain select that name a
// select item's alias (select x * 2 as z ... order by z) into that item's
// expression, so the rows can be ordered before the select list is
// evaluated; isColumn reports the table's own columns, which keep
// precedence over an alias of the same name. items is returned unchanged
// when no item names an alias.
func Aliased(items []ast.OrderItem, cols []ast.Expr, isColumn func(string) bool) []ast.OrderItem {
	var out []ast.OrderItem
	for i, it := range items {
		id, ok := it.X.(*ast.Ident)
		if !ok || isColumn(id.Name) {
			continue
		}
		for _, c := range cols {
			if a, ok := c.(*ast.AliasExpr); ok && strings.EqualFold(a.Name, id.Name) {
				if out == nil {
					out = append([]ast.OrderItem(nil), items...)
				}
				out[i].X = a.X
				break
			}
		}
	}
	if out == nil {
		return items
	}
	return out
}

// Desc reports whether the order by item that names the column name
// (by the name colname gives it) sorts it descending.
func Desc(items []ast.OrderItem, name string) bool {
	for _, it := range items {
		if colname.Of(it.X) == name {
			return it.Desc
		}
	}
	return false
}
