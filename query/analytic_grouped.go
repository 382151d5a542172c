package query

import (
	"fmt"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/query/analytic"
	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/porpoisedb/porpoise/value"
)

var (
	errAnalyticPlace   = ddberr.Errorf("Analytic functions are not allowed in WHERE clause, GROUP BY clause, or to be nested in aggregate functions. RefId: S02046")
	errAnalyticContext = ddberr.Errorf("Analytic functions cannot be used with CONTEXT BY or PIVOT BY. RefId: S02047")
	errAnalyticOrder   = ddberr.Errorf("Order-sensitive functions are not allowed in ORDER BY clause within an OVER clause. RefId: S02048")
)

// hasOver reports whether e holds an analytic call outside subqueries.
func hasOver(e ast.Expr) bool {
	found := false
	if e != nil {
		astwalk.Inspect(e, func(node ast.Node) bool {
			switch node.(type) {
			case *ast.OverExpr:
				found = true
			case *ast.SelectExpr:
				return false
			}
			return !found
		})
	}
	return found
}

// analyticRules gives DolphinDB's errors for analytic calls where its
// error pages refuse them: in where or group by, inside an aggregate
// (S02046), with context by or pivot by (S02047), and ordered by an
// order-sensitive function (S02048).
func (ex *executor) analyticRules(n *ast.SelectExpr) error {
	for _, w := range n.Where {
		if hasOver(w) {
			return errAnalyticPlace
		}
	}
	for _, k := range n.GroupBy {
		if hasOver(k) {
			return errAnalyticPlace
		}
	}
	if !analytic.Has(n.Cols) {
		return nil
	}
	if len(n.ContextBy) > 0 || len(n.PivotBy) > 0 {
		return errAnalyticContext
	}
	var err error
	for _, c := range n.Cols {
		astwalk.Inspect(c, func(node ast.Node) bool {
			switch x := node.(type) {
			case *ast.CallExpr:
				if id, ok := x.Fn.(*ast.Ident); ok && !x.Method && ex.isAggregateName(strings.ToLower(id.Name)) {
					for _, a := range x.Args {
						if hasOver(a) {
							err = errAnalyticPlace
						}
					}
				}
			case *ast.OverExpr:
				for _, o := range x.OrderBy {
					if ex.callsOrderSensitive(o.X) {
						err = errAnalyticOrder
					}
				}
			}
			return err == nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// callsOrderSensitive reports whether e calls a built-in whose result
// depends on the order of rows (msum, prev, next, ...).
func (ex *executor) callsOrderSensitive(e ast.Expr) bool {
	found := false
	astwalk.Inspect(e, func(node ast.Node) bool {
		if c, ok := node.(*ast.CallExpr); ok {
			if id, ok := c.Fn.(*ast.Ident); ok && !ex.isUserFunction(id.Name) {
				if s, ok := funcs.Lookup(id.Name); ok && s.Props.Has(funcs.OrderSensitive) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// groupedAnalytic computes the analytic calls of a group by's select list
// over its groups (error_codes/S02044.md, S02045.md): their arguments,
// partition and order expressions are evaluated per group like select
// items, and the calls run over the groups as rows. A partition or order
// expression must be one of the group by's (not its alias) or aggregate. It returns the items
// with each call replaced by a column of extra per-group names and
// columns.
func (ge *groupEval) groupedAnalytic(n *ast.SelectExpr, keyNames []string, keyCols []*value.Vector) ([]ast.Expr, []string, []*value.Vector, error) {
	grouped := map[string]bool{}
	for _, k := range n.GroupBy {
		grouped[unparse.Format(colname.Strip(k))] = true
	}
	var names []string
	var cols []*value.Vector
	var err error
	perGroup := func(e ast.Expr, k int, hidden *[]string, hcols *[]*value.Vector) ast.Expr {
		if err != nil {
			return e
		}
		var v *value.Vector
		if v, err = ge.groupValue(e, keyNames, keyCols); err != nil {
			return e
		}
		name := fmt.Sprintf("\x00over%d_%d", k, len(*hidden))
		*hidden, *hcols = append(*hidden, name), append(*hcols, v)
		return &ast.Ident{At: e.Pos(), Name: name}
	}
	items := make([]ast.Expr, len(n.Cols))
	for i, c := range n.Cols {
		items[i] = analytic.Replace(c, func(o *ast.OverExpr) ast.Expr {
			if err != nil {
				return o
			}
			k := len(names)
			for _, p := range append(append([]ast.Expr(nil), o.PartitionBy...), orderExprs(o.OrderBy)...) {
				if !grouped[unparse.Format(p)] && !ge.ex.hasAggregate(p) {
					err = ddberr.Errorf("The PARTITION/ORDER BY column '%s' must be included in the GROUP BY clause. RefId: S02045", unparse.Format(p))
					return o
				}
			}
			var hidden []string
			var hcols []*value.Vector
			call := &ast.CallExpr{At: o.Call.At, Fn: o.Call.Fn, Method: o.Call.Method, Args: make([]ast.Expr, len(o.Call.Args))}
			for j, a := range o.Call.Args {
				switch a.(type) {
				case nil, *ast.Literal, *ast.StarExpr:
					call.Args[j] = a
				default:
					call.Args[j] = perGroup(a, k, &hidden, &hcols)
				}
			}
			q := &ast.OverExpr{At: o.At, Call: call, Frame: o.Frame}
			for _, p := range o.PartitionBy {
				q.PartitionBy = append(q.PartitionBy, perGroup(p, k, &hidden, &hcols))
			}
			for _, it := range o.OrderBy {
				it.X = perGroup(it.X, k, &hidden, &hcols)
				q.OrderBy = append(q.OrderBy, it)
			}
			if err != nil {
				return o
			}
			var v *value.Vector
			t := value.NewTable(hidden, hcols)
			if len(hidden) == 0 {
				t = value.NewTable([]string{"\x00rows"}, []*value.Vector{value.NewVector(value.Bool, ge.g.N, ge.g.N)})
			}
			if v, err = analytic.Column(newHost(ge.ex), q, t); err != nil {
				return o
			}
			name := fmt.Sprintf("\x00over%d", k)
			names, cols = append(names, name), append(cols, v)
			return &ast.Ident{At: o.At, Name: name}
		})
		if _, alias := c.(*ast.AliasExpr); !alias && items[i] != c {
			items[i] = &ast.AliasExpr{At: c.Pos(), X: items[i], Name: colname.Of(c)}
		}
	}
	return items, names, cols, err
}

// hasAggregate reports whether e calls a built-in aggregate.
func (ex *executor) hasAggregate(e ast.Expr) bool {
	found := false
	astwalk.Inspect(e, func(node ast.Node) bool {
		if c, ok := node.(*ast.CallExpr); ok && !c.Method {
			if id, ok := c.Fn.(*ast.Ident); ok && ex.isAggregateName(strings.ToLower(id.Name)) {
				found = true
			}
		}
		return !found
	})
	return found
}

func orderExprs(items []ast.OrderItem) []ast.Expr {
	out := make([]ast.Expr, len(items))
	for i, it := range items {
		out[i] = it.X
	}
	return out
}
