package query

import (
	"time"

	"github.com/porpoisedb/porpoise/query/explainplan"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/lex"
	"github.com/porpoisedb/porpoise/value"
)

// explainSelect runs a select [HINT_EXPLAIN] query and returns, in place
// of its result, the JSON string of its plan (hint_explain.md,
// tutorials/DolphinDB_Explain.md). For a partitioned table the plan
// counts the partitions holding data that the where-clauses leave.
func (ex *executor) explainSelect(n *ast.SelectExpr) (value.Value, error) {
	plain := *n
	plain.Hints &^= lex.HintExplain
	start := time.Now()
	var plan explainplan.Plan
	switch n.From.(type) {
	case *ast.Ident, *ast.CallExpr, *ast.Literal:
		from, err := ex.sourceValue(n.From)
		if err != nil {
			return nil, err
		}
		plan.From = time.Since(start)
		if dt, ok := ex.env.DFSTable(from); ok {
			stored, err := dt.StoredPaths()
			if err != nil {
				return nil, err
			}
			have := make(map[string]bool, len(stored))
			for _, p := range stored {
				have[p] = true
			}
			for _, p := range dt.PartitionPaths(ex.pruneFilter(dt, n.Where)) {
				if have[p] {
					plan.Partitions++
				}
			}
			plan.Partitioned = true
		}
	}
	run := time.Now()
	v, err := ex.evalSelect(&plain)
	if err != nil {
		return nil, err
	}
	plan.Map, plan.Cost, plan.Rows = time.Since(run), time.Since(start), explainplan.Rows(v)
	return value.NewString(plan.JSON()), nil
}
