package query

import (
	"github.com/porpoisedb/porpoise/query/groupagg"
	"github.com/porpoisedb/porpoise/query/multicol"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// perGroupColumns evaluates e once per group into len(names) columns:
// each group's result spreads into one value per column.
func (ge *groupEval) perGroupColumns(e ast.Expr, names []string) ([]string, []*value.Vector, error) {
	vals := make([][]value.Value, len(names))
	for i := 0; i < ge.g.N; i++ {
		v, err := ge.ex.withTable(ge.groupSlice(i), e)
		if err != nil {
			return nil, nil, err
		}
		parts, err := multicol.Spread(v, names)
		if err != nil {
			return nil, nil, err
		}
		for k, p := range parts {
			vals[k] = append(vals[k], p)
		}
	}
	cols := make([]*value.Vector, len(names))
	for k := range names {
		var err error
		if cols[k], err = groupagg.ScalarColumn(vals[k]); err != nil {
			return nil, nil, err
		}
	}
	ns, cs := multicol.KeepNamed(names, cols)
	return ns, cs, nil
}
