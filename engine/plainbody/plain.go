package plainbody

import (
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
)

// Plain reports whether a function of params and body is plain: its
// defaults and statements are assignments to names (not through an
// index or member, not &y = x), returns, ifs, loops and expression
// statements over literals, names, operators and calls of named
// functions. Anything else (a lambda, metacode, a query, x.y, x[i],
// c ? a : b, try) may hand the interpreter to what keeps it.
func Plain(params []ast.Param, body []ast.Stmt) bool {
	plain := true
	visit := func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.ExprStmt, *ast.ReturnStmt, *ast.IfStmt, *ast.ForStmt,
			*ast.WhileStmt, *ast.DoWhileStmt, *ast.BreakStmt, *ast.ContinueStmt,
			*ast.Literal, *ast.Ident, *ast.ParenExpr, *ast.UnaryExpr,
			*ast.BinaryExpr, *ast.NamedArg, *ast.VectorLit, *ast.ArrayExpr,
			*ast.TupleExpr, *ast.SymbolVector:
		case *ast.AssignStmt:
			plain = plain && !x.Ref && allNames(x.Targets)
		case *ast.CallExpr:
			_, named := x.Fn.(*ast.Ident)
			plain = plain && named
		default:
			plain = false
		}
		return plain
	}
	for _, p := range params {
		if p.Default != nil {
			astwalk.Inspect(p.Default, visit)
		}
	}
	for _, st := range body {
		if plain {
			astwalk.Inspect(st, visit)
		}
	}
	return plain
}

func allNames(targets []ast.Expr) bool {
	for _, t := range targets {
		if _, name := t.(*ast.Ident); !name {
			return false
		}
	}
	return true
}
