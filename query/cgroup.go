package query

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/query/clausecheck"
	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/query/groupagg"
	"github.com/porpoisedb/porpoise/query/orderkey"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// cgroupSelect runs select ... [group by g] cgroup by c order by ...: for
// each value of c in the order by's order (within each group of g), the
// select items are computed over all rows whose c comes no later in that
// order (cumulative groups; progr/sql/cgroupby.md sorts the groups'
// results by the order by before accumulating, so c desc runs down).
func (ex *executor) cgroupSelect(n *ast.SelectExpr, src *value.Table) (*value.Table, error) {
	if len(n.OrderBy) == 0 {
		return nil, ddberr.Errorf("The cgroup by clause must be used with an order by clause.")
	}
	if len(n.CGroupBy) != 1 {
		return nil, ddberr.Errorf("The cgroup by clause takes one column.")
	}
	keys := append(append([]ast.Expr(nil), n.GroupBy...), n.CGroupBy...)
	keyVecs, err := ex.evalKeys(src, keys, true)
	if err != nil {
		return nil, err
	}
	g := groupagg.Group(keyVecs, src.Rows())
	desc := make([]bool, len(keys))
	desc[len(keys)-1] = orderkey.Desc(n.OrderBy, colname.Of(n.CGroupBy[0]))
	g.SortByKeysDesc(desc)
	g.Index()
	outer := groupagg.Group(keyVecs[:len(n.GroupBy)], src.Rows())
	runs := make([]int32, g.N)
	for gi := range runs {
		runs[gi] = outer.IDs[g.First[gi]]
	}
	names := make([]string, len(keys))
	cols := make([]*value.Vector, len(keys))
	for i, kv := range keyVecs {
		names[i] = colname.Of(keys[i])
		cols[i] = kv.Gather(g.First)
	}
	ge := newGroupEval(ex, src, g)
	for _, c := range n.Cols {
		vec, err := ge.cumulativeValue(c, runs, names[:len(keys)], cols[:len(keys)])
		if err != nil {
			return nil, err
		}
		names, cols = append(names, colname.Of(c)), append(cols, vec)
	}
	if err := clausecheck.DuplicateNames(names); err != nil {
		return nil, err
	}
	return value.NewTable(names, cols), nil
}

// cumulativeValue is select item c for each cumulative group: typed
// (groupagg.Cumulative) when each aggregate it calls has a partial state,
// otherwise evaluated over each cumulative group's rows.
func (ge *groupEval) cumulativeValue(c ast.Expr, runs []int32, keyNames []string, keyCols []*value.Vector) (*value.Vector, error) {
	l := &lowering{ex: ge.ex, cols: ge.cols, keys: map[string]bool{}}
	lowered, ok, err := l.lower(c)
	if err != nil {
		return nil, err
	}
	aggs := make([]*value.Vector, len(l.specs))
	for k := 0; ok && k < len(l.specs); k++ {
		args, err := ge.specArgs(l.specs[k])
		if err != nil {
			return nil, err
		}
		aggs[k], ok = groupagg.Cumulative(l.specs[k].name, args, ge.g, runs)
	}
	if ok {
		return ge.ex.loweredValue(lowered, keyNames, keyCols, aggs, ge.g.N)
	}
	vals := make([]value.Value, ge.g.N)
	var acc []int
	for gi := range vals {
		if gi == 0 || runs[gi] != runs[gi-1] {
			acc = acc[:0]
		}
		acc = append(acc, ge.g.Perm[ge.g.Starts[gi]:ge.g.Starts[gi+1]]...)
		v, err := ge.ex.withTable(ge.src.Gather(acc), colname.Strip(c))
		if err != nil {
			return nil, err
		}
		s, ok := v.(*value.Scalar)
		if !ok {
			return nil, ddberr.Errorf("The column [%s] must use aggregate function. RefId:S02022", colname.Of(c))
		}
		vals[gi] = s
	}
	return groupagg.ScalarColumn(vals)
}
