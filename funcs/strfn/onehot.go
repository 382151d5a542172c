package strfn

import (
	"fmt"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/distinct"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// oneHot replaces each encoding column by one INT column per distinct
// value (in order of first appearance) named column_value, 1 where the
// row holds that value; the encoded columns come first, the others after.
func oneHot(env funcs.Env, args []value.Value) (value.Value, error) {
	ctx := funcs.ContextOf(env)
	t, ok := args[0].(*value.Table)
	if !ok {
		return nil, ddberr.Errorf("The argument [obj] of oneHot must be an in-memory table.")
	}
	names, ok := funcs.StringsArg(args[1])
	if !ok {
		return nil, ddberr.Errorf("The argument [encodingColumns] of oneHot must be a STRING scalar or vector.")
	}
	encoded := map[int]bool{}
	var outNames []string
	var outCols []*value.Vector
	rows := t.Rows()
	for _, name := range names {
		ci := t.ColumnIndex(name)
		if ci < 0 {
			return nil, ddberr.Errorf("The column [%s] doesn't exist in the table.", name)
		}
		encoded[ci] = true
		col := t.Cols[ci]
		if col.T.IsArray() || col.T == value.Any {
			return nil, fmt.Errorf("oneHot can't encode the column [%s] of type %s.", name, col.T)
		}
		codes, order, err := distinct.VectorContext(ctx, col)
		if err != nil {
			return nil, err
		}
		labels, err := cast.Vector(col.Gather(order), value.String, 0)
		if err != nil {
			return nil, err
		}
		// One column per distinct value is inherently len(order)*rows
		// elements: account them first, then set the ones in one pass
		// over the codes rather than one pass per value.
		if err := env.Reserve(len(order) * rows); err != nil {
			return nil, err
		}
		hots := make([][]int32, len(order))
		for k := range hots {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			hots[k] = make([]int32, rows)
		}
		for i, c := range codes {
			if c >= 0 && int(c) < len(hots) {
				hots[c][i] = 1
			}
		}
		for k, row := range order {
			label := labels.StrAt(k)
			if col.T == value.Bool {
				label = "0"
				if col.I8[row] != 0 {
					label = "1"
				}
			}
			outNames = append(outNames, name+"_"+label)
			outCols = append(outCols, value.NewInts(hots[k]))
		}
	}
	for i, c := range t.Cols {
		if !encoded[i] {
			outNames = append(outNames, t.Names[i])
			outCols = append(outCols, c)
		}
	}
	return value.NewTable(outNames, outCols), nil
}
