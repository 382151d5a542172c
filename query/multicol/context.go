package multicol

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/query/ctxby"
	"github.com/porpoisedb/porpoise/value"
)

// ContextColumns is a select item named by several columns under context
// by: eval(i) is the item's value over group i's rows, spread into one
// value a column; a scalar repeats over the group's rows, a vector must be
// as long as the group (select sym, alphaBeta(ret, factorret) as
// `alpha`beta from t context by sym, tutorials/empyrical.md).
func ContextColumns(groups int, size func(int) int, eval func(int) (value.Value, error), names []string, rows int) ([]*value.Vector, error) {
	parts := make([][]value.Value, len(names))
	for i := 0; i < groups; i++ {
		v, err := eval(i)
		if err != nil {
			return nil, err
		}
		vals, err := Spread(v, names)
		if err != nil {
			return nil, err
		}
		for k, p := range vals {
			switch x := p.(type) {
			case *value.Scalar:
				if p, err = value.Broadcast(x, size(i)); err != nil {
					return nil, err
				}
			case *value.Vector:
				if x.Len() != size(i) {
					return nil, ddberr.Errorf("The length of the vector returned by the UDF specified in SELECT must be the same as the length of the CONTEXT BY column. RefId:S02027")
				}
			default:
				return nil, ddberr.Errorf("A select item under context by must return a scalar or a vector.")
			}
			parts[k] = append(parts[k], p)
		}
	}
	cols := make([]*value.Vector, len(names))
	for k := range cols {
		var err error
		if cols[k], err = ctxby.Concat(parts[k], rows); err != nil {
			return nil, err
		}
	}
	return cols, nil
}
