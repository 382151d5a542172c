package query

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/sqlparse"
)

// selectRules gives DolphinDB's errors for clause combinations it refuses
// before reading any data: DISTINCT with a grouping clause (S02055) and,
// under pivot by, the row-reduction, null-filling and toArray calls its
// error pages list (S02028-S02031).
func selectRules(n *sqlparse.SelectExpr) error {
	if n.Distinct && (len(n.GroupBy) > 0 || len(n.ContextBy) > 0 || len(n.PivotBy) > 0) {
		return ddberr.Errorf("The DISTINCT keyword cannot be used with group by, context by, or pivot by. RefId: S02055")
	}
	if len(n.PivotBy) == 0 {
		return nil
	}
	var err error
	for _, item := range n.Cols {
		sqlparse.Inspect(item, func(node sqlparse.Node) bool {
			c, ok := node.(*sqlparse.CallExpr)
			if !ok || err != nil {
				return err == nil
			}
			fn, ok := c.Fn.(*sqlparse.Ident)
			if !ok {
				return true
			}
			name := fn.Name
			switch lower := strings.ToLower(name); {
			case lower == "toarray":
				err = ddberr.Errorf("Function toArray cannot be used with PIVOT BY. RefId:S02030")
			case pivotRowRefused[lower]:
				err = ddberr.Errorf("Row reduction operation [%s] cannot be used with PIVOT BY. RefId:S02029", name)
			case pivotRowUnary[lower] && len(c.Args) > 1:
				err = ddberr.Errorf("Only one parameter can be passed to row reduction operation [%s] when it is used with PIVOT BY. RefId:S02028", name)
			case pivotFill[lower] && len(c.Args) > 1:
				err = ddberr.Errorf("Only one parameter can be passed to null-filling operation [%s] when it is used with PIVOT BY. RefId:S02031", name)
			}
			return err == nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// A pivot by cell holds one value, so the row functions that need
// several (S02029's rowAvg, rowStd, rowVar) are refused, and the others,
// like the null-filling ones, take one argument (S02028, S02031).
var (
	pivotRowRefused = map[string]bool{"rowavg": true, "rowstd": true, "rowvar": true}
	pivotRowUnary   = map[string]bool{"rowsum": true, "rowsum2": true, "rowprod": true, "rowmin": true, "rowmax": true,
		"rowcount": true, "rowsize": true, "rowand": true, "rowor": true, "rowxor": true, "rowimin": true, "rowimax": true}
	pivotFill = map[string]bool{"ffill": true, "bfill": true, "lfill": true}
)
