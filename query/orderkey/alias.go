package orderkey

import (
	"strings"

	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
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

// OfResult orders t, a plain select's result whose rows are not its
// source's (exec distinct(x) as x from t order by x), by items when every
// item names one of its columns, with sort (the query's own ordering);
// t is returned otherwise. The fund tutorial pairs such a sorted list of
// codes with the columns of a pivot, which come sorted
// (tutorials/fund_factor_contrasted_by_py.md).
func OfResult(t *value.Table, items []ast.OrderItem, sort func(*value.Table, []ast.OrderItem, int) (*value.Table, error)) *value.Table {
	for _, it := range items {
		if id, ok := it.X.(*ast.Ident); !ok || t.Column(id.Name) == nil {
			return t
		}
	}
	if s, err := sort(t, items, -1); err == nil {
		return s
	}
	return t
}
