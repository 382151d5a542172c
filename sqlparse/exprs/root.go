package exprs

import "github.com/porpoisedb/porpoise/sqlparse/ast"

// RootName is the variable an assignment target writes into (x for x,
// x[i], x.col, x[i][j]) and its line, "" if none.
func RootName(e ast.Expr) (string, int) {
	for {
		switch t := e.(type) {
		case *ast.Ident:
			return t.Name, t.At.Line
		case *ast.IndexExpr:
			e = t.X
		case *ast.MemberExpr:
			e = t.X
		default:
			return "", 0
		}
	}
}
