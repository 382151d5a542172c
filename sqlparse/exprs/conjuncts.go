package exprs

import "github.com/porpoisedb/porpoise/sqlparse/ast"

// Conjuncts splits conditions and their `and` chains ("&&" operators,
// also inside parentheses) into single conditions without their
// parentheses, in source order: a where clause's items, or one ON
// condition, as a flat conjunction. It keeps its own stack, so an `and`
// chain of any length needs no Go stack.
func Conjuncts(conds []ast.Expr) []ast.Expr {
	var out []ast.Expr
	stack := make([]ast.Expr, 0, len(conds))
	for i := len(conds) - 1; i >= 0; i-- {
		stack = append(stack, conds[i])
	}
	for len(stack) > 0 {
		e := Unparen(stack[len(stack)-1])
		stack = stack[:len(stack)-1]
		if b, ok := e.(*ast.BinaryExpr); ok && b.Op == "&&" {
			stack = append(stack, b.R, b.L)
			continue
		}
		out = append(out, e)
	}
	return out
}

// Unparen is e without the parentheses around it.
func Unparen(e ast.Expr) ast.Expr {
	for {
		p, ok := e.(*ast.ParenExpr)
		if !ok {
			return e
		}
		e = p.X
	}
}
