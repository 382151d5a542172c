package pivot

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/query/groupagg"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/value"
)

// pivot by keeps the last row of a (row, column) pair that several rows
// share, except that asis keeps them all (pivotBy.md, 2.00.10.4, example
// 5): the k-th row of each column value then goes to the k-th result row
// of their row key. DolphinDB does so only under all of the page's
// conditions, which asisKeepsAll checks: at least one item is asis(...),
// the table is a DFS table read without a join whose partitioning column
// is the last pivot column, no row key is DECIMAL128, the items call no
// aggregate, order-sensitive, row or null-filling function and hold no
// NULL, and every column value occurs equally often under each row key.

// asisKeepsAll reports whether the query's duplicate pairs are all kept.
func asisKeepsAll(h Host, n *ast.SelectExpr, src *value.Table, rowKeys []*value.Vector, partCols map[string]bool) bool {
	last := colname.Strip(n.PivotBy[len(n.PivotBy)-1])
	id, ok := last.(*ast.Ident)
	if !ok || !partCols[strings.ToLower(id.Name)] {
		return false
	}
	for _, k := range rowKeys {
		if k.T == value.Decimal128 {
			return false
		}
	}
	asis := false
	for _, item := range n.Cols {
		x := colname.Strip(item)
		if c, ok := asisCall(x); ok {
			asis = true
			x = c.Args[0]
		}
		if callsRefusedByAsis(h, x) {
			return false
		}
		v, err := h.EvalTable(src, x)
		if err != nil {
			return false
		}
		if vec, ok := v.(*value.Vector); ok && vec.HasNull() {
			return false
		}
	}
	return asis
}

// callsRefusedByAsis reports whether e calls an aggregate, an
// order-sensitive, a row or a null-filling function.
func callsRefusedByAsis(h Host, e ast.Expr) bool {
	found := false
	astwalk.Inspect(e, func(node ast.Node) bool {
		if c, ok := node.(*ast.CallExpr); ok && !found {
			found = refusedByAsis(h, c)
		}
		return !found
	})
	return found
}

// refusedByAsis reports whether c calls an aggregate, an order-sensitive,
// a row or a null-filling function.
func refusedByAsis(h Host, c *ast.CallExpr) bool {
	fn, ok := c.Fn.(*ast.Ident)
	if !ok {
		return false
	}
	name := strings.ToLower(fn.Name)
	s, known := funcs.Lookup(name)
	return h.IsAggregate(name) || fills[name] || strings.HasPrefix(name, "row") ||
		known && s.Props.Has(funcs.OrderSensitive)
}

// checkAsisArgs refuses, in a pivot by over a DFS table, a select item
// that passes asis(...) to a function callsRefusedByAsis names
// (error_codes/S02050.md).
func checkAsisArgs(h Host, n *ast.SelectExpr) error {
	for _, item := range n.Cols {
		bad := false
		astwalk.Inspect(colname.Strip(item), func(node ast.Node) bool {
			if c, ok := node.(*ast.CallExpr); ok && !bad && refusedByAsis(h, c) {
				for _, a := range c.Args {
					bad = bad || a != nil && isAsis(a)
				}
			}
			return !bad
		})
		if bad {
			return ddberr.Errorf("The “select“ clause does not support the following functions: aggregate, order-sensitive, row reduction, and null-filling functions. RefId: S02050")
		}
	}
	return nil
}

// isAsis reports whether e calls asis, maybe within other calls.
func isAsis(e ast.Expr) bool {
	found := false
	astwalk.Inspect(e, func(node ast.Node) bool {
		_, found = asisCall(node)
		return !found
	})
	return found
}

// asisCall is node as a call asis(x).
func asisCall(node ast.Node) (*ast.CallExpr, bool) {
	c, ok := node.(*ast.CallExpr)
	if !ok || c.Method || len(c.Args) != 1 {
		return nil, false
	}
	fn, ok := c.Fn.(*ast.Ident)
	return c, ok && strings.EqualFold(fn.Name, "asis")
}

// occurrenceRows splits each row key group of rg into as many result
// rows as its column values occur (the k-th occurrence of every column
// value in the k-th), or returns nil when some column value occurs a
// different number of times under a row key than another.
func occurrenceRows(rg, cg *groupagg.Groups, ncol int) *groupagg.Groups {
	seen := make([]int32, rg.N*ncol)
	occ := make([]int32, len(rg.IDs))
	for r := range rg.IDs {
		c := int(rg.IDs[r])*ncol + int(cg.IDs[r])
		occ[r] = seen[c]
		seen[c]++
	}
	maxOcc := make([]int32, rg.N)
	for g := 0; g < rg.N; g++ {
		for _, n := range seen[g*ncol : (g+1)*ncol] {
			if n != seen[g*ncol] {
				return nil
			}
		}
		maxOcc[g] = seen[g*ncol]
	}
	// expanded row group of (g, k): the rows of groups before g, plus k
	base := make([]int32, rg.N+1)
	for g := 0; g < rg.N; g++ {
		base[g+1] = base[g] + maxOcc[g]
	}
	out := &groupagg.Groups{N: int(base[rg.N]), IDs: make([]int32, len(rg.IDs)), First: make([]int, base[rg.N])}
	for i := range out.First {
		out.First[i] = -1
	}
	for r, g := range rg.IDs {
		id := base[g] + occ[r]
		out.IDs[r] = id
		if out.First[id] < 0 {
			out.First[id] = r
		}
	}
	return out
}
