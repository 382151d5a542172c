package exprs

import "github.com/porpoisedb/porpoise/sqlparse"

// RootName is the variable an assignment target writes into (x for x,
// x[i], x.col, x[i][j]) and its line, "" if none.
func RootName(e sqlparse.Expr) (string, int) {
	for {
		switch t := e.(type) {
		case *sqlparse.Ident:
			return t.Name, t.At.Line
		case *sqlparse.IndexExpr:
			e = t.X
		case *sqlparse.MemberExpr:
			e = t.X
		default:
			return "", 0
		}
	}
}
