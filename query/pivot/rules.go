package pivot

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
)

// Check gives DolphinDB's errors for the calls it refuses in a pivot by
// select list before reading any data: the row-reduction, null-filling
// and toArray calls its error pages list (S02028-S02031).
func Check(n *ast.SelectExpr) error {
	if len(n.PivotBy) == 0 {
		return nil
	}
	var err error
	for _, item := range n.Cols {
		astwalk.Inspect(item, func(node ast.Node) bool {
			c, ok := node.(*ast.CallExpr)
			if !ok || err != nil {
				return err == nil
			}
			fn, ok := c.Fn.(*ast.Ident)
			if !ok {
				return true
			}
			name := fn.Name
			switch lower := strings.ToLower(name); {
			case n.Exec && (rowUnary[lower] || rowRefused[lower]):
				// exec's pivot by gives a matrix (error_codes/S02051.md)
				err = ddberr.Errorf("Row reduction operation [%s] cannot be used with PIVOT BY clause within an EXEC statement. RefId: S02051", name)
			case lower == "toarray":
				err = ddberr.Errorf("Function toArray cannot be used with PIVOT BY. RefId:S02030")
			case rowRefused[lower]:
				err = ddberr.Errorf("Row reduction operation [%s] cannot be used with PIVOT BY. RefId:S02029", name)
			case rowUnary[lower] && len(c.Args) > 1:
				err = ddberr.Errorf("Only one parameter can be passed to row reduction operation [%s] when it is used with PIVOT BY. RefId:S02028", name)
			case fills[lower] && len(c.Args) > 1:
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
	rowRefused = map[string]bool{"rowavg": true, "rowstd": true, "rowvar": true}
	rowUnary   = map[string]bool{"rowsum": true, "rowsum2": true, "rowprod": true, "rowmin": true, "rowmax": true,
		"rowcount": true, "rowsize": true, "rowand": true, "rowor": true, "rowxor": true, "rowimin": true, "rowimax": true}
	fills = map[string]bool{"ffill": true, "bfill": true, "lfill": true}
)
