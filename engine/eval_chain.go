package engine

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/engine/litval"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// maxEvalNesting bounds how deeply expressions may nest when evaluated.
// The parser already bounds nesting it recurses on; this guards trees built
// otherwise (metacode, generated SQL) so that no script can exhaust the Go
// stack, which would kill the process.
const maxEvalNesting = 4000

var errTooDeep = ddberr.Errorf("The expression is too deeply nested.")

// evalChain evaluates a left-deep run of binary operators (1+1+...+1)
// with a loop instead of one recursive call per operator, so a script with
// a million terms needs no more stack than one with two.
func (in *interp) evalChain(n *ast.BinaryExpr) (value.Value, error) {
	if fn := callOperator(n); fn != "" {
		return in.evalCall(&ast.CallExpr{At: n.At, Fn: &ast.Ident{At: n.At, Name: fn}, Args: []ast.Expr{n.L, n.R}})
	}
	if !chainable(n) {
		return in.evalBinary(n)
	}
	l, ok := n.L.(*ast.BinaryExpr)
	if !ok || !chainable(l) {
		return in.evalBinary(n)
	}
	var stack []*ast.BinaryExpr
	var cur ast.Expr = n
	for {
		b, ok := cur.(*ast.BinaryExpr)
		if !ok || !chainable(b) {
			break
		}
		stack = append(stack, b)
		cur = b.L
	}
	acc, err := in.operand(cur)
	if err != nil {
		return nil, err
	}
	for i := len(stack) - 1; i >= 0; i-- {
		b := stack[i]
		if i%1024 == 0 {
			if err := in.ctx.Err(); err != nil {
				return nil, err
			}
		}
		r, err := in.operand(b.R)
		if err != nil {
			return nil, err
		}
		if acc, err = in.binary(b.Op, acc, r); err != nil {
			return nil, err
		}
		acc = litval.Owned(acc, b.R)
	}
	return litval.Owned(acc, cur), nil
}

// chainable reports whether b evaluates both operands unconditionally, so
// that its left operand may be computed first by a loop.
func chainable(b *ast.BinaryExpr) bool {
	switch b.Op {
	case "&&", "||", "and", "or", "AND", "OR":
		return false
	}
	return callOperator(b) == ""
}

// callOperator names the built-in that b's operator stands for: a <- b and
// a join b are join, a ** b is dot, and x $ r:c reshapes x into a matrix.
// It is asked twice for every operator evaluated: a switch, not a map,
// spares hashing the operator each time.
func callOperator(b *ast.BinaryExpr) string {
	switch b.Op {
	case "<-", "join":
		return "join"
	case "**":
		return "dot"
	case "$":
		if r, ok := b.R.(*ast.BinaryExpr); ok && r.Op == ":" {
			return "reshape"
		}
	}
	return ""
}
