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

// RootColumn is the variable a path expression starts from and the
// column it names on it, for a path into a table: t and x for t.x,
// t.x[0] and t[`x][1:3]; col is "" when the first step names none.
func RootColumn(e ast.Expr) (root, col string) {
	for {
		switch t := e.(type) {
		case *ast.Ident:
			return t.Name, col
		case *ast.IndexExpr:
			col = ""
			if lit, ok := t.Index.(*ast.Literal); ok && (lit.Kind == ast.LitString || lit.Kind == ast.LitSymbol) {
				col = lit.Text
			}
			e = t.X
		case *ast.MemberExpr:
			col, e = t.Name, t.X
		default:
			return "", ""
		}
	}
}
