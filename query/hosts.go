package query

import (
	"github.com/porpoisedb/porpoise/query/groupagg"
	"github.com/porpoisedb/porpoise/query/setpred"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// host is the executor as the Host of the packages that run parts of a
// query (analytic functions, SQL joins, pivot by, set predicates) without importing query.
type host struct {
	Env
	ex *executor
}

func newHost(ex *executor) host { return host{Env: ex.env, ex: ex} }

func (h host) Eval(e ast.Expr) (value.Value, error) { return h.ex.eval(e) }

func (h host) EvalTable(t *value.Table, e ast.Expr) (value.Value, error) {
	return h.ex.withTable(t, e)
}

func (h host) Keys(t *value.Table, exprs []ast.Expr) ([]*value.Vector, error) {
	return h.ex.evalKeys(t, exprs, false)
}

func (h host) IsAggregate(name string) bool { return h.ex.isAggregateName(name) }

func (h host) IsUserFunction(name string) bool { return h.ex.isUserFunction(name) }

func (h host) PerGroup(t *value.Table, g *groupagg.Groups, call *ast.CallExpr, name string) (*value.Vector, error) {
	return newGroupEval(h.ex, t, g).perGroupScalar(call, name)
}

func (h host) Where(t *value.Table, qual map[string]map[string]string, conds []ast.Expr) ([]bool, error) {
	return (&executor{env: h.ex.env, qual: qual}).whereMask(t, conds)
}

func (h host) Cells(t *value.Table, g *groupagg.Groups, item ast.Expr) (*value.Vector, error) {
	return newGroupEval(h.ex, t, g).pivotCells(item)
}

// Select runs a correlated subquery once per outer row: a cancelled
// request stops at the next.
func (h host) Select(q *ast.SelectExpr) (value.Value, error) {
	if err := h.ex.env.Context().Err(); err != nil {
		return nil, err
	}
	return Select(h.ex.env, q)
}

// setpred rewrites the query's conditions that compare with a set.
func (ex *executor) setpred() setpred.Lowerer {
	return setpred.Lowerer{H: newHost(ex), From: ex.from}
}
