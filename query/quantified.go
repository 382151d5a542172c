package query

import (
	"fmt"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// The any/all predicates of where clauses (progr/sql/any.md): `x op
// any(q)` holds when x op s for some value s of the subquery or vector q,
// `x op all(q)` when it holds for every one. Each is rewritten to one
// vectorized comparison against the set's minimum, maximum, membership or
// single value, so no row is compared with the set one value at a time.

// quantifier returns "any" or "all" when e is a comparison whose right
// side is such a predicate, with the comparison and the set's expression.
func (ex *executor) quantifier(e ast.Expr) (kind string, cmp *ast.BinaryExpr, set ast.Expr) {
	b, ok := e.(*ast.BinaryExpr)
	if !ok {
		return "", nil, nil
	}
	switch b.Op {
	case "==", "!=", "<", "<=", ">", ">=":
	default:
		return "", nil, nil
	}
	c, ok := b.R.(*ast.CallExpr)
	if !ok || c.Method || len(c.Args) != 1 || c.Args[0] == nil {
		return "", nil, nil
	}
	id, ok := c.Fn.(*ast.Ident)
	if !ok || ex.env.IsUserFunction(id.Name) {
		return "", nil, nil
	}
	kind = strings.ToLower(id.Name)
	if kind != "any" && kind != "all" {
		return "", nil, nil
	}
	return kind, b, c.Args[0]
}

// hasPredicates reports whether a where condition over t holds an
// any/all predicate or a correlated subquery (at its top or under
// and/or/not), which lowerPredicates rewrites.
func (ex *executor) hasPredicates(e ast.Expr, t *value.Table) bool {
	if k, _, _ := ex.quantifier(e); k != "" {
		return true
	}
	if q := correlatedArg(e); q != nil {
		if _, ok := ex.correlatedQuery(q, t); ok {
			return true
		}
	}
	switch x := e.(type) {
	case *ast.BinaryExpr:
		return (x.Op == "&&" || x.Op == "||" || x.Op == "or") && (ex.hasPredicates(x.L, t) || ex.hasPredicates(x.R, t))
	case *ast.UnaryExpr:
		return x.Op == "!" && ex.hasPredicates(x.X, t)
	case *ast.ParenExpr:
		return ex.hasPredicates(x.X, t)
	}
	return false
}

// lowerPredicates rewrites the any/all predicates and correlated
// subqueries of condition e over t; the sets they compare against (the
// semi-joins' flags) are bound to variables until restore.
func (ex *executor) lowerPredicates(t *value.Table, e ast.Expr) (out ast.Expr, restore func(), err error) {
	vars := map[string]value.Value{}
	var lower func(e ast.Expr) (ast.Expr, error)
	lower = func(e ast.Expr) (ast.Expr, error) {
		if kind, cmp, set := ex.quantifier(e); kind != "" {
			return ex.quantified(t, kind, cmp, set, vars)
		}
		if x, ok, err := ex.correlated(t, e, vars); ok {
			return x, err
		}
		switch x := e.(type) {
		case *ast.BinaryExpr:
			if x.Op != "&&" && x.Op != "||" && x.Op != "or" {
				return e, nil
			}
			l, err := lower(x.L)
			if err != nil {
				return nil, err
			}
			r, err := lower(x.R)
			if err != nil {
				return nil, err
			}
			return &ast.BinaryExpr{At: x.At, Op: x.Op, L: l, R: r}, nil
		case *ast.UnaryExpr:
			if x.Op != "!" {
				return e, nil
			}
			y, err := lower(x.X)
			if err != nil {
				return nil, err
			}
			return &ast.UnaryExpr{At: x.At, Op: x.Op, X: y}, nil
		case *ast.ParenExpr:
			y, err := lower(x.X)
			if err != nil {
				return nil, err
			}
			return &ast.ParenExpr{At: x.At, X: y}, nil
		}
		return e, nil
	}
	if out, err = lower(e); err != nil {
		return nil, nil, err
	}
	return out, ex.env.Bind(vars), nil
}

// lowerHaving rewrites the any/all predicates of a having clause over
// the grouped table t (any.md: where/having col op any(subquery));
// restore unbinds the sets they compare against.
func (ex *executor) lowerHaving(t *value.Table, e ast.Expr) (ast.Expr, func(), error) {
	if !ex.hasPredicates(e, t) {
		return e, func() {}, nil
	}
	return ex.lowerPredicates(t, e)
}

// quantified is one `x op any|all(set)` as a plain condition.
func (ex *executor) quantified(t *value.Table, kind string, cmp *ast.BinaryExpr, set ast.Expr, vars map[string]value.Value) (ast.Expr, error) {
	v, err := ex.withTable(t, set)
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
		unbind := ex.env.Bind(map[string]value.Value{name: s})
		v, err := ex.eval(&ast.CallExpr{At: at, Fn: &ast.Ident{At: at, Name: fn}, Args: []ast.Expr{ref}})
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
