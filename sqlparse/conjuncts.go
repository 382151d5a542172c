package sqlparse

// Conjuncts splits conditions and their `and` chains ("&&" operators,
// also inside parentheses) into single conditions without their
// parentheses, in source order: a where clause's items, or one ON
// condition, as a flat conjunction. It keeps its own stack, so an `and`
// chain of any length needs no Go stack.
func Conjuncts(conds []Expr) []Expr {
	var out []Expr
	stack := make([]Expr, 0, len(conds))
	for i := len(conds) - 1; i >= 0; i-- {
		stack = append(stack, conds[i])
	}
	for len(stack) > 0 {
		e := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for p, ok := e.(*ParenExpr); ok; p, ok = e.(*ParenExpr) {
			e = p.X
		}
		if b, ok := e.(*BinaryExpr); ok && b.Op == "&&" {
			stack = append(stack, b.R, b.L)
			continue
		}
		out = append(out, e)
	}
	return out
}
