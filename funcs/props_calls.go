package funcs

import (
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
)

// CallsAny reports whether e calls a built-in with any of the props, as
// an update of a partitioned table must know of aggregate and
// order-sensitive calls (progr/sql/update.md).
func CallsAny(e ast.Expr, props Props) bool {
	found := false
	astwalk.Inspect(e, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if id, ok := c.Fn.(*ast.Ident); ok {
				if s, ok := Lookup(id.Name); ok && s.Props&props != 0 {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
