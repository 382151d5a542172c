package explainplan

import (
	"time"

	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/lex"
	"github.com/porpoisedb/porpoise/value"
)

// Host is what Explain needs of the SQL executor.
type Host interface {
	// Source evaluates a query's FROM clause.
	Source(from ast.Expr) (value.Value, error)
	// Partitions counts the partitions of from that hold data and that
	// where leaves; partitioned is false for a table of another kind.
	Partitions(from value.Value, where []ast.Expr) (n int, partitioned bool, err error)
	// Run runs a query in the executor that explains it.
	Run(n *ast.SelectExpr) (value.Value, error)
}

// Explain runs a select [HINT_EXPLAIN] query and returns, in place of its
// result, the JSON string of its plan (hint_explain.md,
// tutorials/DolphinDB_Explain.md). For a partitioned table the plan
// counts the partitions holding data that the where-clauses leave.
func Explain(h Host, n *ast.SelectExpr) (value.Value, error) {
	plain := *n
	plain.Hints &^= lex.HintExplain
	start := time.Now()
	var plan Plan
	switch n.From.(type) {
	case *ast.Ident, *ast.CallExpr, *ast.Literal:
		from, err := h.Source(n.From)
		if err != nil {
			return nil, err
		}
		plan.From = time.Since(start)
		if t, ok := from.(interface{ DFSTable() *dfs.Table }); ok {
			plan.LastQuery, _ = t.DFSTable().LastQuery(n)
		}
		if plan.Partitions, plan.Partitioned, err = h.Partitions(from, n.Where); err != nil {
			return nil, err
		}
	}
	run := time.Now()
	v, err := h.Run(&plain)
	if err != nil {
		return nil, err
	}
	plan.Map, plan.Cost, plan.Rows = time.Since(run), time.Since(start), Rows(v)
	return value.NewString(plan.JSON()), nil
}
