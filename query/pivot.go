package query

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/query/clausecheck"
	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/query/ctxby"
	"github.com/porpoisedb/porpoise/query/groupagg"
	"github.com/porpoisedb/porpoise/query/pivot"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// selectRules gives DolphinDB's errors for clause combinations it refuses
// before reading any data: DISTINCT with a grouping clause (S02055), a
// literal vector as a where condition (S02034) and
// pivot by's refused calls (package pivot).
func selectRules(n *ast.SelectExpr) error {
	if n.Distinct && (len(n.GroupBy) > 0 || len(n.ContextBy) > 0 || len(n.PivotBy) > 0) {
		return ddberr.Errorf("The DISTINCT keyword cannot be used with group by, context by, or pivot by. RefId: S02055")
	}
	if err := clausecheck.Where(n.Where); err != nil {
		return err
	}
	return pivot.Check(n)
}

// pivotBySelect runs a pivot by select over src (package pivot) and
// orders and limits its table.
func (ex *executor) pivotBySelect(n *ast.SelectExpr, src *value.Table) (value.Value, error) {
	v, err := pivot.Select(newHost(ex), n, src, ex.partCols)
	if err != nil {
		return nil, err
	}
	out, ok := v.(*value.Table)
	if !ok {
		return v, nil
	}
	if len(n.OrderBy) > 0 {
		if out, err = ex.orderTable(out, n.OrderBy, -1); err != nil {
			return nil, err
		}
	}
	return ex.limitRows(out, nil, n.Limit, n.Offset)
}

// pivotCells evaluates a select item per cell; empty cells are NULL.
func (ge *groupEval) pivotCells(item ast.Expr, present []bool) (*value.Vector, error) {
	l := &lowering{ex: ge.ex, cols: ge.cols}
	lowered, ok, err := l.lower(item)
	if err != nil {
		return nil, err
	}
	var v *value.Vector
	switch {
	case ok && len(l.specs) > 0:
		aggs, err := ge.aggregates(l.specs)
		if err != nil {
			return nil, err
		}
		names := make([]string, len(aggs))
		for k := range aggs {
			names[k] = placeholder(k)
		}
		x, err := ge.ex.withTable(value.NewTable(names, aggs), lowered)
		if err != nil {
			return nil, err
		}
		if v, err = value.Broadcast(x, ge.g.N); err != nil {
			return nil, err
		}
	case ge.ex.checkNoAggregate(colname.Strip(item)) != nil:
		// an aggregate the typed path can't take (its argument is not
		// computed row by row, or it has no typed loop): once per cell
		if v, err = ge.perGroupScalar(colname.Strip(item), colname.Of(item)); err != nil {
			return nil, err
		}
	default:
		// a row expression: the last row of each cell
		return ge.lastRows(colname.Strip(item))
	}
	var empty []int
	for i, p := range present {
		if !p {
			empty = append(empty, i)
		}
	}
	if len(empty) > 0 {
		v = v.Clone()
		insert.SetNullRows(v, empty)
	}
	return v, nil
}

// lastRows evaluates a row expression of a pivot by select item and
// keeps each cell's last row (pivotBy.md: a cell with several rows keeps
// the last value), NULL in empty cells. An expression not computed row
// by row (a user function, an order-sensitive or moving call) is
// computed over each cell's own rows, as context by does, so that no
// cell sees another's rows.
func (ge *groupEval) lastRows(x ast.Expr) (*value.Vector, error) {
	if ge.ex.rowwise(x, ge.cols) {
		v, err := ge.ex.withTable(ge.src, x)
		if err != nil {
			return nil, err
		}
		all, err := value.Broadcast(v, ge.src.Rows())
		if err != nil {
			return nil, err
		}
		last := make([]int, ge.g.N)
		for i := range last {
			last[i] = -1
		}
		for r, id := range ge.g.IDs {
			last[id] = r
		}
		return value.GatherOrNull(all, last), nil
	}
	// the cells with rows, numbered densely in cell order
	dense := make([]int32, ge.g.N)
	n := 0
	for c, first := range ge.g.First {
		dense[c] = -1
		if first >= 0 {
			dense[c] = int32(n)
			n++
		}
	}
	ids := make([]int32, len(ge.g.IDs))
	for r, id := range ge.g.IDs {
		ids[r] = dense[id]
	}
	sorted, sg := ctxby.Arrange(ge.src, ctxby.Columns(ge.src.Names, x), &groupagg.Groups{N: n, IDs: ids})
	cellEval := newGroupEval(ge.ex, sorted, sg)
	cellEval.sorted = sorted
	v, err := cellEval.rowValue(x)
	if err != nil {
		return nil, err
	}
	all, ok := v.(*value.Vector)
	if !ok {
		return nil, errContextItem
	}
	last := make([]int, ge.g.N)
	for c, d := range dense {
		last[c] = -1
		if d >= 0 {
			last[c] = sg.Starts[d+1] - 1
		}
	}
	return value.GatherOrNull(all, last), nil
}
