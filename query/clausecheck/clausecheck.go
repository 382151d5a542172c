package clausecheck

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/query/setpred"
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

// Table is what Distributed needs to know of the partitioned table a
// query reads.
type Table struct {
	// Columns are its columns' names.
	Columns []string
	// Temporal are the lower-case names of its temporal partitioning
	// columns.
	Temporal map[string]bool
	// IsUserFunction reports whether a name calls a function the script
	// defined.
	IsUserFunction func(name string) bool
}

// NewTable describes a partitioned table of columns names of types types,
// partitioned on partCols, for a script whose functions isUserFunction
// knows.
func NewTable(names []string, types []value.Type, partCols []string, isUserFunction func(string) bool) Table {
	t := Table{Columns: names, Temporal: map[string]bool{}, IsUserFunction: isUserFunction}
	for _, c := range partCols {
		if i := value.NameIndex(names, c); i >= 0 && types[i].IsTemporal() {
			t.Temporal[strings.ToLower(c)] = true
		}
	}
	return t
}

// Distributed refuses what a distributed query n over t may not do:
//   - an offset in top or limit with group by or context by (S02056.md);
//   - exists in the where clause (s02042.md);
//   - a where condition that calls an aggregate or order-sensitive
//     function outside a subquery (S02025.md; partitions filter their rows
//     on their own);
//   - a temporal partitioning column compared with a number in the where
//     clause (s02040.md);
//   - [not] in followed by a column of the table (s02037.md);
//   - an order-sensitive or user-defined function in order by (s02038.md);
//   - kendall (S02057.md), and asis without pivot by (s02043.md).
func Distributed(n *ast.SelectExpr, t Table) error {
	if n.Offset != nil && (len(n.GroupBy) > 0 || len(n.ContextBy) > 0) {
		return ddberr.Errorf("For a distributed query, the TOP or LIMIT clause cannot specify an offset when used with GROUP BY/CONTEXT BY clause. RefId: S02056")
	}
	for _, w := range n.Where {
		if calls(w, func(name string, _ funcs.Props) bool { return strings.EqualFold(name, "exists") }) {
			return ddberr.Errorf("Distributed queries do not support the ‘exists’ keyword. RefId:S02042")
		}
		if calls(w, aggregateOrOrdered) {
			return ddberr.Errorf("The where clause [%s] of a distributed query should not use any aggregate or order-sensitive function. RefId: S02025", unparse.Metacode(w))
		}
		if col := temporalVersusNumber(w, t.Temporal); col != "" {
			return ddberr.Errorf("The temporal partitioning column [%s] must be compared with a temporal object in the WHERE clause. RefId:S02040", col)
		}
	}
	clauses := append(append(append(append([]ast.Expr(nil), n.Cols...), n.Where...), n.GroupBy...), n.ContextBy...)
	for _, o := range n.OrderBy {
		clauses = append(clauses, o.X)
	}
	for _, c := range clauses {
		if inColumn(c, t.Columns) {
			return ddberr.Errorf("The '[not] in' predicate cannot be followed by columns from the partitioned table. Please use a subquery instead. RefId:S02037")
		}
	}
	for _, o := range n.OrderBy {
		if calls(o.X, func(name string, p funcs.Props) bool {
			return p&funcs.OrderSensitive != 0 || t.IsUserFunction != nil && t.IsUserFunction(name)
		}) {
			return ddberr.Errorf("Order-sensitive or user-defined functions are not allowed in the order by clause [%s] for a query over a partitioned table. RefId:S02038", unparse.Metacode(o.X))
		}
	}
	for _, c := range n.Cols {
		if calls(c, func(name string, _ funcs.Props) bool { return strings.EqualFold(name, "kendall") }) {
			return ddberr.Errorf("The 'kendall' function is not allowed in a distributed query. RefId: S02057")
		}
		if len(n.PivotBy) == 0 && calls(c, func(name string, _ funcs.Props) bool { return strings.EqualFold(name, "asis") }) {
			return ddberr.Errorf("The 'asis' keyword is not supported without a PIVOT BY clause. Please include a valid PIVOT BY clause in your query. RefId:S02043")
		}
	}
	return nil
}

// calls reports whether e calls, outside a subquery, a function for which
// bad holds; a name the registry lacks has no properties.
func calls(e ast.Expr, bad func(name string, p funcs.Props) bool) bool {
	found := false
	astwalk.Inspect(e, func(node ast.Node) bool {
		if _, sub := node.(*ast.SelectExpr); sub || found {
			return false
		}
		if b, ok := node.(*ast.BinaryExpr); ok && setpred.Quantified(b) {
			// x op any(set) is the SQL predicate (progr/sql/any.md), not
			// the aggregate any: its set is a subquery or a vector
			found = calls(b.L, bad)
			return false
		}
		if c, ok := node.(*ast.CallExpr); ok {
			if id, ok := c.Fn.(*ast.Ident); ok {
				var p funcs.Props
				if s, known := funcs.Lookup(id.Name); known {
					p = s.Props
				}
				found = bad(id.Name, p)
			}
		}
		return !found
	})
	return found
}

// aggregateOrOrdered reports whether a function with properties p is an
// aggregate or order-sensitive.
func aggregateOrOrdered(_ string, p funcs.Props) bool {
	return p&(funcs.Aggregate|funcs.OrderSensitive) != 0
}

// PartitionedUpdate checks an update of a partitioned table: without a
// context by its set expressions call no aggregate or order-sensitive
// function, which would see one partition's rows only
// (progr/sql/update.md, 例2).
func PartitionedUpdate(n *ast.UpdateStmt) error {
	if len(n.ContextBy) > 0 {
		return nil
	}
	for _, s := range n.Sets {
		if calls(s.X, aggregateOrOrdered) {
			return ddberr.Errorf("Aggregate or order-sensitive functions are not allowed without context by clause when updating a partitioned table.")
		}
	}
	return nil
}

// inColumn reports whether e holds `x [not] in col` with col one of the
// columns cols, outside a subquery.
func inColumn(e ast.Expr, cols []string) bool {
	found := false
	astwalk.Inspect(e, func(node ast.Node) bool {
		if _, sub := node.(*ast.SelectExpr); sub || found {
			return false
		}
		if b, ok := node.(*ast.BinaryExpr); ok && (b.Op == "in" || b.Op == "not in") {
			if id, ok := b.R.(*ast.Ident); ok && value.NameIndex(cols, id.Name) >= 0 {
				found = true
			}
		}
		return !found
	})
	return found
}

// temporalVersusNumber is the temporal partitioning column (one of
// temporal) that a comparison in the where condition w sets against a
// numeric literal, or "".
func temporalVersusNumber(w ast.Expr, temporal map[string]bool) string {
	col := ""
	astwalk.Inspect(w, func(node ast.Node) bool {
		if _, sub := node.(*ast.SelectExpr); sub || col != "" {
			return false
		}
		b, ok := node.(*ast.BinaryExpr)
		if !ok {
			return true
		}
		switch b.Op {
		case "<", "<=", ">", ">=", "==", "!=":
		default:
			return true
		}
		for _, pair := range [2][2]ast.Expr{{b.L, b.R}, {b.R, b.L}} {
			id, isCol := pair[0].(*ast.Ident)
			lit, isLit := pair[1].(*ast.Literal)
			if isCol && isLit && temporal[strings.ToLower(id.Name)] && (lit.Kind == ast.LitInt || lit.Kind == ast.LitFloat) {
				col = id.Name
			}
		}
		return col == ""
	})
	return col
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

// Where refuses a where condition written as a bracketed vector or a
// tuple, which names no rows (error_codes/s02034.md). A space-separated
// constant vector (where 1 2) is left to the row-count check
// (s02036.md), as errors/query.test records.
func Where(conds []ast.Expr) error {
	for _, c := range conds {
		switch c.(type) {
		case *ast.ArrayExpr, *ast.TupleExpr:
			return ddberr.Errorf("The where condition must be an expression or a function call, but now it is %s. RefId:S02034", unparse.Format(c))
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

// GroupValue is a group's one value from x, what a select item gave over
// the group's rows: x must have one element (error_codes/S02022.md), and
// an array vector comes from toArray only (error_codes/S02023.md).
func GroupValue(x *value.Vector, e ast.Expr, name string) (value.Value, error) {
	if x.Len() != 1 {
		return nil, ddberr.Errorf("The column [%s] must use aggregate function. RefId:S02022", name)
	}
	if x.T.IsArray() && !callsToArray(e) {
		return nil, ddberr.Errorf("The array vector specified in SELECT must be generated by function toArray. RefId:S02023")
	}
	return x.Elem(0), nil
}

// callsToArray reports whether e calls toArray.
func callsToArray(e ast.Expr) bool {
	found := false
	astwalk.Inspect(e, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := call.Fn.(*ast.Ident); ok && strings.EqualFold(id.Name, "toArray") {
				found = true
			}
		}
		return !found
	})
	return found
}
