package ctxby

import (
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
)

// Refs reports whether lowered argument e reads values with one per
// group (aggregates such as avg(x), calls whose value per group was one
// number, as constant says of the segmented calls) and values of each
// row (columns, calls such as prev(x)).
func Refs(e ast.Expr, cols map[string]bool, constant []bool) (agg, row bool) {
	astwalk.Inspect(e, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		switch {
		case !ok:
		case cols[strings.ToLower(id.Name)]:
			row = true
		case strings.HasPrefix(id.Name, "\x00agg"):
			agg = true
		case strings.HasPrefix(id.Name, "\x00seg"):
			k, _ := strconv.Atoi(id.Name[len("\x00seg"):])
			agg, row = agg || constant[k], row || !constant[k]
		}
		return true
	})
	return agg, row
}
