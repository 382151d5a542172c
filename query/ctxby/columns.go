package ctxby

import (
	"strings"

	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
)

// Columns lists the positions of the columns of names that exprs may
// read: every column any of them names (as an identifier, a member t.c,
// a string or symbol literal that may name it), all of them when one has
// a star, and at least the first, which carries the row count. qual is a
// SQL join's qualification (table -> column -> result column, lower-case
// keys; nil for none): t.c of a joined table reads the column the join
// named for it (lsj(trade, entrust, ...)'s entrust.DateTime is
// entrust_DateTime; tutorials/l2_stk_data_proc.md).
func Columns(names []string, qual map[string]map[string]string, exprs ...ast.Expr) []int {
	named := map[string]bool{}
	all := false
	for _, e := range exprs {
		astwalk.Inspect(e, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.StarExpr:
				all = true
			case *ast.Ident:
				named[strings.ToLower(x.Name)] = true
			case *ast.MemberExpr:
				named[strings.ToLower(x.Name)] = true
				if t, ok := x.X.(*ast.Ident); ok {
					if to, ok := qual[strings.ToLower(t.Name)][strings.ToLower(x.Name)]; ok {
						named[strings.ToLower(to)] = true
					}
				}
			case *ast.Literal:
				if x.Kind == ast.LitString || x.Kind == ast.LitSymbol {
					named[strings.ToLower(x.Text)] = true
				}
			case *ast.SymbolVector:
				for _, s := range x.Items {
					named[strings.ToLower(s)] = true
				}
			}
			return !all
		})
	}
	var cols []int
	for i, c := range names {
		if all || i == 0 || named[strings.ToLower(c)] {
			cols = append(cols, i)
		}
	}
	return cols
}
