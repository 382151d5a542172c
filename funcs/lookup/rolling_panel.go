package lookup

import (
	"context"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/higherorder"
	"github.com/porpoisedb/porpoise/value"
)

// rollingPanel stacks every window of window consecutive rows of X (within
// each group of groupingCol, groups in the order of their keys), each
// numbered in a panelNumber column from 0 (funcs/r/rollingPanel.md).
func rollingPanel(env funcs.Env, args []value.Value) (value.Value, error) {
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
	ctx := funcs.ContextOf(env)
	width := int(w)
	total := 0
	for _, rows := range members {
		total += max(0, len(rows)-width+1) * width
	}
	cols := make([]*value.Vector, 0, len(t.Cols)+1)
	for _, c := range t.Cols {
		out, err := panelColumn(ctx, c, members, width, total)
		if err != nil {
			return nil, err
		}
		cols = append(cols, out)
	}
	number := value.NewVector(value.Int, total, total)
	for p := 0; p*width < total; p++ {
		if p&0xfff == 0xfff {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		panel := number.I32[p*width : (p+1)*width]
		for k := range panel {
			panel[k] = int32(p)
		}
	}
	names := append(append([]string(nil), t.Names...), "panelNumber")
	return value.NewTable(names, append(cols, number)), nil
}

// panelColumn is column c's rows of every window of width consecutive
// rows of each group, total elements. Each window is gathered into its
// place in one result vector, where indexing every row of every window
// first cost a machine word a result row more and one long gather no
// request could stop.
func panelColumn(ctx context.Context, c *value.Vector, members [][]int, width, total int) (*value.Vector, error) {
	var out *value.Vector
	if c.T.IsArray() {
		out = value.NewVector(c.T, 0, total)
		out.Scale = c.Scale
	} else {
		out = c.Like(total)
	}
	at, work := 0, 0
	for _, rows := range members {
		for start := 0; start+width <= len(rows); start++ {
			if work += width; work >= 1<<20 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
				work = 0
			}
			if c.T.IsArray() {
				out.AppendVector(c.Gather(rows[start : start+width]))
			} else {
				out.GatherAt(at, c, rows[start:start+width])
			}
			at += width
		}
	}
	return out, nil
}
