package lookup

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/higherorder"
	"github.com/porpoisedb/porpoise/value"
)

// rollingPanel stacks every window of window consecutive rows of X (within
// each group of groupingCol, groups in the order of their keys), each
// numbered in a panelNumber column from 0 (funcs/r/rollingPanel.md).
func rollingPanel(_ funcs.Env, args []value.Value) (value.Value, error) {
	t, ok := args[0].(*value.Table)
	if !ok {
		return nil, ddberr.Errorf("X of rollingPanel must be a table.")
	}
	w, err := funcs.PositiveIntArg("rollingPanel", "window", args[1], 0)
	if err != nil {
		return nil, err
	}
	members := [][]int{make([]int, t.Rows())}
	for i := range members[0] {
		members[0][i] = i
	}
	if g := funcs.Arg(args, 2); !funcs.NullOrAbsent(g) {
		names, ok := funcs.NamesArg(g)
		if !ok {
			return nil, ddberr.Errorf("groupingCol of rollingPanel must be a STRING scalar or vector of column names.")
		}
		keys := make([]value.Value, len(names))
		for i, name := range names {
			c := t.Column(name)
			if c == nil {
				return nil, ddberr.Errorf("The column '%s' does not exist in table.", name)
			}
			keys[i] = c
		}
		if members, err = higherorder.GroupRows("rollingPanel", value.NewTuple(keys), t.Rows()); err != nil {
			return nil, err
		}
	}
	var idx []int
	var number []int32
	for _, rows := range members {
		for start := 0; start+int(w) <= len(rows); start++ {
			idx = append(idx, rows[start:start+int(w)]...)
			for range w {
				number = append(number, int32(len(number)/int(w)))
			}
		}
	}
	g := t.Gather(idx)
	names := append(append([]string(nil), g.Names...), "panelNumber")
	return value.NewTable(names, append(append([]*value.Vector(nil), g.Cols...), value.NewInts(number))), nil
}
