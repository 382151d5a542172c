package dbadmin

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	funcs.Register(funcs.Spec{Name: "getTablet", Params: []string{"table", "partition"}, Min: 2, Max: 2, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHost(getTablet)})
}

// getTablet returns the rows of the partition (of the first partitioning
// level) that each value of partition falls in: a table for a scalar, a
// tuple of tables for a vector. A value outside the scheme gives an
// empty table.
func getTablet(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	t, ok := h.DFSTable(args[0])
	if !ok || t.Database() == nil {
		return nil, ddberr.Errorf("The first argument of getTablet must be a partitioned table.")
	}
	var keys *value.Vector
	scalar := false
	switch p := args[1].(type) {
	case *value.Scalar:
		keys, scalar = value.NewVector(p.T, 0, 1), true
		keys.AppendScalar(p)
	case *value.Vector:
		keys = p
	default:
		return nil, ddberr.Errorf("The partition of getTablet must be a scalar or a vector.")
	}
	levels := t.Database().Levels()
	idx, err := levels[0].Map(keys)
	if err != nil {
		return nil, err
	}
	out := make([]value.Value, len(idx))
	for i, want := range idx {
		w := int(want)
		tab, err := t.Scan(func(level []int) bool { return level[0] == w })
		if err != nil {
			return nil, err
		}
		out[i] = tab
	}
	if scalar {
		return out[0], nil
	}
	return value.NewTuple(out), nil
}
