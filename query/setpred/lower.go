package setpred

import (
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// Host is what the rewrites need from the query running them.
type Host interface {
	// Eval evaluates e outside any table's scope.
	Eval(e ast.Expr) (value.Value, error)
	// EvalTable evaluates e with t's columns in scope.
	EvalTable(t *value.Table, e ast.Expr) (value.Value, error)
	// IsUserFunction reports whether name is a function the session
	// defined (which shadows any and all).
	IsUserFunction(name string) bool
	// Bind makes each name a variable holding its value until restore.
	Bind(vars map[string]value.Value) (restore func())
	// Select runs an inner query.
	Select(q *ast.SelectExpr) (value.Value, error)
}

// Lowerer rewrites the conditions of one query: From is the name its
// FROM gives the outer table (t1 in t1.sym), which a correlated subquery
// names; "" when it has none.
type Lowerer struct {
	H    Host
	From string
}

// Has reports whether a where condition over t holds an any/all
// predicate or a correlated subquery (at its top or under and/or/not),
// which Lower rewrites.
func (l Lowerer) Has(e ast.Expr, t *value.Table) bool {
	if k, _, _ := l.quantifier(e); k != "" {
		return true
	}
	if q := correlatedArg(e); q != nil {
		if _, ok := l.correlatedQuery(q, t); ok {
			return true
		}
	}
	switch x := e.(type) {
	case *ast.BinaryExpr:
		return (x.Op == "&&" || x.Op == "||" || x.Op == "or") && (l.Has(x.L, t) || l.Has(x.R, t))
	case *ast.UnaryExpr:
		return x.Op == "!" && l.Has(x.X, t)
	case *ast.ParenExpr:
		return l.Has(x.X, t)
	}
	return false
}

// Lower rewrites the any/all predicates and correlated subqueries of
// condition e over t; the sets they compare against (the semi-joins'
// flags) are bound to variables until restore.
func (l Lowerer) Lower(t *value.Table, e ast.Expr) (out ast.Expr, restore func(), err error) {
	vars := map[string]value.Value{}
	var lower func(e ast.Expr) (ast.Expr, error)
	lower = func(e ast.Expr) (ast.Expr, error) {
		if kind, cmp, set := l.quantifier(e); kind != "" {
			return l.quantified(t, kind, cmp, set, vars)
		}
		if x, ok, err := l.correlated(t, e, vars); ok {
			return x, err
		}
		switch x := e.(type) {
		case *ast.BinaryExpr:
			if x.Op != "&&" && x.Op != "||" && x.Op != "or" {
				return e, nil
			}
			a, err := lower(x.L)
			if err != nil {
				return nil, err
			}
			b, err := lower(x.R)
			if err != nil {
				return nil, err
			}
			return &ast.BinaryExpr{At: x.At, Op: x.Op, L: a, R: b}, nil
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
	return out, l.H.Bind(vars), nil
}

// LowerHaving rewrites the any/all predicates of a having clause over
// the grouped table t (any.md: where/having col op any(subquery));
// restore unbinds the sets they compare against.
func (l Lowerer) LowerHaving(t *value.Table, e ast.Expr) (ast.Expr, func(), error) {
	if !l.Has(e, t) {
		return e, func() {}, nil
	}
	return l.Lower(t, e)
}
