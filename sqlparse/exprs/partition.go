package exprs

import "github.com/porpoisedb/porpoise/sqlparse/ast"

// PartitionCall reports whether e is a call partition(col, keys), with
// the column's name and the keys expression.
func PartitionCall(e ast.Expr) (col string, keys ast.Expr, ok bool) {
	c, isCall := e.(*ast.CallExpr)
	if !isCall || len(c.Args) != 2 {
		return "", nil, false
	}
	if fn, isIdent := c.Fn.(*ast.Ident); !isIdent || fn.Name != "partition" {
		return "", nil, false
	}
	id, isIdent := c.Args[0].(*ast.Ident)
	if !isIdent {
		return "", nil, false
	}
	return id.Name, c.Args[1], true
}
