package clausecheck

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/porpoisedb/porpoise/value"
)

// errInvalid is DolphinDB's error for a grouping expression whose value
// has another number of rows than the table (error_codes/S02017.md).
var errInvalid = ddberr.Errorf("Invalid grouping column. RefId:S02017")

// Column is the grouping column the value v of key expression k makes
// for a table of rows rows. A constant is refused as no vector
// (S02020.md), another scalar or vector of another length as an invalid
// grouping column (S02017.md), an array vector as one that can't group
// (S02018.md); name is the column's name in those texts.
func Column(k ast.Expr, name string, v value.Value, rows int) (*value.Vector, error) {
	vec, ok := v.(*value.Vector)
	switch {
	case !ok && isConstant(k):
		return nil, ddberr.Errorf("The grouping column [%s] must be a vector. RefId:S02020", unparse.Metacode(k))
	case !ok || vec.Len() != rows:
		if _, isScalar := v.(*value.Scalar); isScalar || ok {
			return nil, errInvalid
		}
		return value.Broadcast(v, rows)
	case vec.T.IsArray():
		return nil, ddberr.Errorf("The grouping column [%s] cannot be an array vector. RefId:S02018", name)
	}
	return vec, nil
}

// isConstant reports whether k is a literal, maybe negated.
func isConstant(k ast.Expr) bool {
	switch x := k.(type) {
	case *ast.Literal:
		return true
	case *ast.UnaryExpr:
		return isConstant(x.X)
	}
	return false
}

// Distributed refuses what a distributed query n may not do: a where
// condition that calls an aggregate or order-sensitive function outside a
// subquery (error_codes/S02025.md; partitions filter their rows on their
// own), an offset in top or limit with group by or context by
// (S02056.md).
func Distributed(n *ast.SelectExpr) error {
	if n.Offset != nil && (len(n.GroupBy) > 0 || len(n.ContextBy) > 0) {
		return ddberr.Errorf("For a distributed query, the TOP or LIMIT clause cannot specify an offset when used with GROUP BY/CONTEXT BY clause. RefId: S02056")
	}
	for _, w := range n.Where {
		bad := false
		astwalk.Inspect(w, func(node ast.Node) bool {
			if _, sub := node.(*ast.SelectExpr); sub || bad {
				return false
			}
			if c, ok := node.(*ast.CallExpr); ok {
				if id, ok := c.Fn.(*ast.Ident); ok {
					s, known := funcs.Lookup(id.Name)
					bad = known && s.Props&(funcs.Aggregate|funcs.OrderSensitive) != 0
				}
			}
			return !bad
		})
		if bad {
			return ddberr.Errorf("The where clause [%s] of a distributed query should not use any aggregate or order-sensitive function. RefId: S02025", unparse.Metacode(w))
		}
	}
	return nil
}

// ContextBy refuses a context by query whose select list calls a function
// that makes one vector of a group's rows, toArray or distinct
// (error_codes/S02026.md).
func ContextBy(cols []ast.Expr) error {
	var bad string
	for _, c := range cols {
		astwalk.Inspect(c, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && bad == "" {
				if id, ok := call.Fn.(*ast.Ident); ok && (strings.EqualFold(id.Name, "toArray") || strings.EqualFold(id.Name, "distinct")) {
					bad = id.Name
				}
			}
			_, sub := n.(*ast.SelectExpr)
			return bad == "" && !sub
		})
		if bad != "" {
			return ddberr.Errorf("Function [%s] cannot be used with CONTEXT BY. RefId:S02026", bad)
		}
	}
	return nil
}

// DuplicateNames refuses a result column name given twice
// (error_codes/S02001.md).
func DuplicateNames(names []string) error {
	if n, dup := value.DuplicateName(names); dup {
		return ddberr.Errorf("Duplicate column name: [%s]. RefId:S02001", n)
	}
	return nil
}

// DistinctOrder refuses select distinct ordered by a column its result,
// named names, lacks (error_codes/S02053.md).
func DistinctOrder(names []string, order []ast.OrderItem) error {
	for _, o := range order {
		if id, ok := o.X.(*ast.Ident); ok && value.NameIndex(names, id.Name) < 0 {
			return ddberr.Errorf("The select clause with DISTINCT keyword must contain all ORDER BY columns RefId: S02053")
		}
	}
	return nil
}
