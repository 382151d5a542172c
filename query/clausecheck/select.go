package clausecheck

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/query/pivot"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
)

// Select gives DolphinDB's errors for clause combinations it refuses
// before reading any data: DISTINCT with a grouping clause (S02055), a
// literal vector as a where condition (S02034) and pivot by's refused
// calls (package pivot).
func Select(n *ast.SelectExpr) error {
	if n.Distinct && (len(n.GroupBy) > 0 || len(n.ContextBy) > 0 || len(n.PivotBy) > 0) {
		return ddberr.Errorf("The DISTINCT keyword cannot be used with group by, context by, or pivot by. RefId: S02055")
	}
	if err := Where(n.Where); err != nil {
		return err
	}
	return pivot.Check(n)
}
