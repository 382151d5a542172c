package setpred

import (
	"fmt"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/value"
)

// The any/all predicates of where clauses (progr/sql/any.md): `x op
// any(q)` holds when x op s for some value s of the subquery or vector q,
// `x op all(q)` when it holds for every one. Each is rewritten to one
// vectorized comparison against the set's minimum, maximum, membership or
// single value, so no row is compared with the set one value at a time.

// Quantified reports whether b is a comparison whose right side is
// any(set) or all(set), the SQL predicate rather than the aggregates any
// and all.
func Quantified(b *ast.BinaryExpr) bool {
	switch b.Op {
	case "==", "!=", "<", "<=", ">", ">=":
	default:
		return false
	}
	c, ok := b.R.(*ast.CallExpr)
	if !ok || c.Method || len(c.Args) != 1 || c.Args[0] == nil {
		return false
	}
	id, ok := c.Fn.(*ast.Ident)
	return ok && (strings.EqualFold(id.Name, "any") || strings.EqualFold(id.Name, "all"))
}

// Prunable is the where conditions a partition pruner may evaluate: not
// those holding an any/all predicate outside a subquery, where any(set)
// as it stands would be the aggregate, a constant.
func Prunable(where []ast.Expr) []ast.Expr {
	var out []ast.Expr
	for _, w := range where {
		if !hasQuantified(w) {
			out = append(out, w)
		}
	}
	return out
}

// hasQuantified reports whether e holds an any/all predicate outside a
// subquery.
func hasQuantified(e ast.Expr) bool {
	found := false
	astwalk.Inspect(e, func(n ast.Node) bool {
		if _, sub := n.(*ast.SelectExpr); sub || found {
			return false
		}
		if b, ok := n.(*ast.BinaryExpr); ok && Quantified(b) {
			found = true
		}
		return !found
	})
	return found
}

// quantifier returns "any" or "all" when e is a comparison whose right
// side is such a predicate, with the comparison and the set's expression.
func (l Lowerer) quantifier(e ast.Expr) (kind string, cmp *ast.BinaryExpr, set ast.Expr) {
	b, ok := e.(*ast.BinaryExpr)
	if !ok || !Quantified(b) {
		return "", nil, nil
	}
	c := b.R.(*ast.CallExpr)
	id := c.Fn.(*ast.Ident)
	if l.H.IsUserFunction(id.Name) {
		return "", nil, nil
	}
	return strings.ToLower(id.Name), b, c.Args[0]
}

// quantified is one `x op any|all(set)` as a plain condition.
func (l Lowerer) quantified(t *value.Table, kind string, cmp *ast.BinaryExpr, set ast.Expr, vars map[string]value.Value) (ast.Expr, error) {
	v, err := l.H.EvalTable(t, set)
	if err != nil {
		return nil, err
	}
	if tb, ok := v.(*value.Table); ok && len(tb.Cols) == 1 {
		v = tb.Cols[0]
	}
	s, err := value.Broadcast(v, 1)
	if _, scalar := v.(*value.Scalar); !scalar {
		vec, ok := v.(*value.Vector)
		if !ok {
			return nil, ddberr.Errorf("The argument of %s must be a subquery or a vector.", kind)
		}
		s, err = vec, nil
	}
	if err != nil {
		return nil, err
	}
	at := cmp.At
	name := fmt.Sprintf("\x00set%d", len(vars))
	ref := &ast.Ident{At: at, Name: name}
	boolean := func(b bool) ast.Expr {
		return &ast.Literal{At: at, Kind: ast.LitBool, Text: fmt.Sprint(b)}
	}
	compare := func(op string, r ast.Expr) ast.Expr {
		return &ast.BinaryExpr{At: at, Op: op, L: cmp.L, R: r}
	}
	// the set's min or max, computed once and bound in the set's place:
	// inside a having clause a call of min would be a per-group aggregate
	extreme := func(fn string) (ast.Expr, error) {
		if fn == "min" {
			// NULL is the smallest value (progr/data_mani/func_null.md),
			// which min skips: x > any of a set holding NULL is true for
			// every x but NULL
			for i := range s.Len() {
				if s.IsNull(i) {
					vars[name] = s.At(i)
					return compare(cmp.Op, ref), nil
				}
			}
		}
		unbind := l.H.Bind(map[string]value.Value{name: s})
		v, err := l.H.Eval(&ast.CallExpr{At: at, Fn: &ast.Ident{At: at, Name: fn}, Args: []ast.Expr{ref}})
		unbind()
		if err != nil {
			return nil, err
		}
		vars[name] = v
		return compare(cmp.Op, ref), nil
	}
	isAny := kind == "any"
	if s.Len() == 0 {
		// nothing to compare with: any is false, all is true
		return boolean(!isAny), nil
	}
	vars[name] = s
	switch cmp.Op {
	case "==", "!=":
		if (cmp.Op == "==") == isAny {
			// = any is in; != all is not in
			in := compare("in", ref)
			if isAny {
				return in, nil
			}
			return &ast.UnaryExpr{At: at, Op: "!", X: in}, nil
		}
		// = all and != any turn on whether the set holds one value
		for i := 1; i < s.Len(); i++ {
			if value.CompareElems(s, 0, i) != 0 {
				return boolean(isAny), nil
			}
		}
		vars[name] = s.At(0)
		return compare(cmp.Op, ref), nil
	case "<", "<=":
		if isAny {
			return extreme("max")
		}
		return extreme("min")
	}
	if isAny {
		return extreme("min")
	}
	return extreme("max")
}
