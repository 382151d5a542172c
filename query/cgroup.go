package query

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/query/groupagg"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/value"
)

// cgroupSelect runs select ... [group by g] cgroup by c order by ...: for
// each value of c in ascending order (within each group of g), the select
// items are computed over all rows whose c is at most that value
// (cumulative groups).
func (ex *executor) cgroupSelect(n *sqlparse.SelectExpr, src *value.Table) (*value.Table, error) {
	if len(n.OrderBy) == 0 {
		return nil, ddberr.Errorf("The cgroup by clause must be used with an order by clause.")
	}
	if len(n.CGroupBy) != 1 {
		return nil, ddberr.Errorf("The cgroup by clause takes one column.")
	}
	keys := append(append([]sqlparse.Expr(nil), n.GroupBy...), n.CGroupBy...)
	keyVecs, err := ex.evalKeys(src, keys)
	if err != nil {
		return nil, err
	}
	g := groupagg.Group(keyVecs, src.Rows())
	g.SortByKeys()
	g.Index()
	outer := groupagg.Group(keyVecs[:len(n.GroupBy)], src.Rows())
	names := make([]string, len(keys))
	keyCols := make([]*value.Vector, len(keys))
	for i, kv := range keyVecs {
		names[i] = colname.Of(keys[i])
		keyCols[i] = kv.Gather(g.First)
	}
	vals := make([][]value.Value, len(n.Cols))
	var acc []int
	prevOuter := int32(-1)
	for gi := 0; gi < g.N; gi++ {
		o := outer.IDs[g.First[gi]]
		if o != prevOuter {
			acc, prevOuter = acc[:0], o
		}
		acc = append(acc, g.Perm[g.Starts[gi]:g.Starts[gi+1]]...)
		sub := src.Gather(acc)
		for k, c := range n.Cols {
			v, err := ex.withTable(sub, colname.Strip(c))
			if err != nil {
				return nil, err
			}
			s, ok := v.(*value.Scalar)
			if !ok {
				return nil, ddberr.Errorf("The column [%s] must use aggregate function. RefId:S02022", colname.Of(c))
			}
			vals[k] = append(vals[k], s)
		}
	}
	cols := keyCols
	for k, c := range n.Cols {
		names = append(names, colname.Of(c))
		vec, err := groupagg.ScalarColumn(vals[k])
		if err != nil {
			return nil, err
		}
		cols = append(cols, vec)
	}
	if err := checkDuplicateNames(names); err != nil {
		return nil, err
	}
	return value.NewTable(names, cols), nil
}
