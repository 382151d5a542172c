package query

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/macrovar"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Select runs a select or exec query, its macro variables (_$name,
// _$$names) expanded first.
func Select(env Env, n *ast.SelectExpr) (value.Value, error) {
	n, err := macrovar.Expand(n, func(name string) (value.Value, error) {
		return env.EvalIn(nil, &ast.Ident{Name: name})
	})
	if err != nil {
		return nil, err
	}
	return (&executor{env: env}).evalSelect(n)
}

// Subquery evaluates a query nested in an SQL clause (x in (select ...),
// x = (select max(y) ...)): a one-column result is its column, and a
// single value is a scalar. The inner query sees only its own table.
func Subquery(env Env, n *ast.SelectExpr) (value.Value, error) {
	v, err := Select(env, n)
	if err != nil {
		return nil, err
	}
	t, ok := v.(*value.Table)
	if !ok || len(t.Cols) != 1 {
		return v, nil
	}
	if t.Rows() == 1 {
		return t.Cols[0].Elem(0), nil
	}
	return t.Cols[0], nil
}

// Exists is exists(select ...): true when the query returns a row.
func Exists(env Env, q *ast.SelectExpr) (value.Value, error) {
	v, err := Select(env, q)
	if err != nil {
		return nil, err
	}
	switch x := v.(type) {
	case *value.Table:
		return value.NewBool(x.Rows() > 0), nil
	case *value.Vector:
		return value.NewBool(x.Len() > 0), nil
	}
	return value.NewBool(true), nil
}

// Union is `q1 union [all] q2`: the rows of both (the columns of the
// second are matched by position), duplicates removed unless all.
func Union(env Env, n *ast.UnionExpr) (value.Value, error) {
	lv, err := env.EvalIn(nil, n.L)
	if err != nil {
		return nil, err
	}
	rv, err := env.EvalIn(nil, n.R)
	if err != nil {
		return nil, err
	}
	l, ok1 := lv.(*value.Table)
	r, ok2 := rv.(*value.Table)
	if !ok1 || !ok2 {
		return nil, ddberr.Errorf("The operands of union must be tables.")
	}
	if len(l.Cols) != len(r.Cols) {
		return nil, ddberr.Errorf("The number of columns of the tables to union must be the same.")
	}
	out := l.EmptyLike(l.Rows() + r.Rows())
	for i, c := range l.Cols {
		out.Cols[i].AppendVector(c)
		if err := cast.AppendVector(out.Cols[i], r.Cols[i]); err != nil {
			return nil, err
		}
	}
	if !n.All {
		out = distinctRows(out)
	}
	return out, nil
}
