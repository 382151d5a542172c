package query

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// With runs `with t1[(cols)] as (q1), ... final-query` (progr/sql/with.md):
// each query's result is bound to its name for the queries after it and
// the final query, and unbound when the statement ends.
func With(env Env, n *ast.WithExpr) (value.Value, error) {
	for _, wt := range n.Tables {
		v, err := env.EvalIn(nil, wt.Query)
		if err != nil {
			return nil, err
		}
		if wt.Cols != nil {
			t, ok := v.(*value.Table)
			if !ok || len(t.Cols) != len(wt.Cols) {
				return nil, ddberr.Errorf("The number of column names after with must match the number of columns its query returns.")
			}
			v = value.NewTable(append([]string(nil), wt.Cols...), t.Cols)
		}
		defer env.Bind(map[string]value.Value{wt.Name: v})()
	}
	return env.EvalIn(nil, n.Body)
}
