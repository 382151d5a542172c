package query

import (
	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/query/groupagg"
	"github.com/porpoisedb/porpoise/query/pivot"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

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

// pivotCells evaluates a select item per cell.
func (ge *groupEval) pivotCells(item ast.Expr) (*value.Vector, error) {
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
	return v, nil
}

// lastRows evaluates a row expression of a pivot by select item and
// keeps each cell's last row. An expression not computed row by row (a
// user function, an order-sensitive or moving call) is computed over
// each cell's own rows, as context by does.
func (ge *groupEval) lastRows(x ast.Expr) (*value.Vector, error) {
	if !ge.ex.rowwise(x, ge.cols) {
		return pivot.CellRows(ge.src, ge.g, x, func(t *value.Table, g *groupagg.Groups) (*value.Vector, error) {
			cellEval := newGroupEval(ge.ex, t, g)
			cellEval.sorted = t
			v, err := cellEval.rowValue(x)
			if err != nil {
				return nil, err
			}
			if vec, ok := v.(*value.Vector); ok {
				return vec, nil
			}
			return nil, errContextItem
		})
	}
	v, err := ge.ex.withTable(ge.src, x)
	if err != nil {
		return nil, err
	}
	all, err := value.Broadcast(v, ge.src.Rows())
	if err != nil {
		return nil, err
	}
	return groupagg.Last(all, ge.g), nil
}
