package dbfuncs

import (
	"fmt"
	"slices"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamfilter"
	"github.com/porpoisedb/porpoise/rowsort"
	"github.com/porpoisedb/porpoise/value"
)

// dictKey is the text of a dictionary's key i: the identifier a
// heterogeneous replay writes into its output's second column.
func dictKey(d *value.Dict, i int) string {
	if s := d.Keys.T; s == value.String || s == value.Symbol {
		return d.Keys.StrAt(i)
	}
	return fmt.Sprint(d.Keys.Elem(i))
}

// heteroColumns reads a heterogeneous replay's dateColumn/timeColumn:
// one name for every input, or a dictionary from an input's key to the
// name of its column.
func heteroColumns(param string, x value.Value, in *value.Dict) ([]string, error) {
	out := make([]string, in.Len())
	if x == nil || isNull(x) {
		return out, nil
	}
	if d, ok := x.(*value.Dict); ok {
		names := map[string]string{}
		for i := 0; i < d.Len(); i++ {
			n, ok := funcs.StringArg(d.Vals.Elem(i))
			if !ok {
				return nil, ddberr.Errorf("The argument [%s] of replay must be a column name or a dictionary from each input table's key to a column name.", param)
			}
			names[dictKey(d, i)] = n
		}
		for i := range out {
			n, ok := names[dictKey(in, i)]
			if !ok {
				return nil, ddberr.Errorf("The argument [%s] of replay gives no column for the input table %s.", param, dictKey(in, i))
			}
			out[i] = n
		}
		return out, nil
	}
	n, ok := funcs.StringArg(x)
	if !ok {
		return nil, ddberr.Errorf("The argument [%s] of replay must be a column name or a dictionary from each input table's key to a column name.", param)
	}
	for i := range out {
		out[i] = n
	}
	return out, nil
}

// replayHetero is the N to 1 heterogeneous replay (funcs/r/replay.md):
// the rows of every input of the dictionary in, merged in time order
// (equal times by sortColumns, then by the dictionary's order), each
// written to the output as its replay time, its input's key, the row
// serialized (streamfilter.EncodeRows) and the columns the output shares
// with every input.
func (r *replayer) replayHetero(in *value.Dict, args []value.Value, sortCols []string) error {
	out := args[1]
	if name, ok := funcs.StringArg(out); ok {
		v, found := r.env.Var(name)
		if !found {
			return ddberr.Errorf("The shared table %s does not exist.", name)
		}
		out = v
	}
	ot, ok := out.(*value.Table)
	if !ok || len(ot.Cols) < 3 || !ot.Cols[0].T.IsTemporal() ||
		ot.Cols[1].T != value.Symbol && ot.Cols[1].T != value.String || ot.Cols[2].T != value.Blob {
		return ddberr.Errorf("The output table of a heterogeneous replay must have a temporal column, a SYMBOL or STRING column and a BLOB column first.")
	}
	unit, _ := nanosPer(ot.Cols[0].T)
	var err error
	if r.dateCols, err = heteroColumns("dateColumn", funcs.Arg(args, 2), in); err != nil {
		return err
	}
	if r.timeCols, err = heteroColumns("timeColumn", funcs.Arg(args, 3), in); err != nil {
		return err
	}
	if in.Len() == 0 {
		return nil
	}
	if r.dateCols[0] == "" && r.timeCols[0] == "" {
		return ddberr.Errorf("At least one of dateColumn and timeColumn must be given.")
	}
	var (
		times  []int64
		keys   []string
		bodies []string
		common = make([]*value.Vector, len(ot.Cols)-3)
		sorts  = make([][]*value.Vector, len(sortCols)) // per sort column, per table (nil: absent)
		sizes  []int
	)
	for c := range common {
		common[c] = ot.Cols[c+3].Like(0)
		common[c].Scale = ot.Cols[c+3].Scale
	}
	for i := 0; i < in.Len(); i++ {
		tables, err := r.load(in.Vals.Elem(i))
		if err != nil {
			return err
		}
		key := dictKey(in, i)
		for _, t := range tables {
			k, err := r.keys(i, t)
			if err != nil {
				return err
			}
			b, err := streamfilter.EncodeRows(t)
			if err != nil {
				return err
			}
			for c := range common {
				name := ot.Names[c+3]
				col := t.Column(name)
				if col == nil && slices.Contains(sortCols, name) {
					// a sort column an input lacks is NULL in its rows
					// (replay.md; appendices_market_replay_bp.md keeps
					// ApplSeqNum, which snapshots lack, in its output)
					common[c].AppendNulls(t.Rows())
					continue
				}
				if col != nil && col.T != common[c].T && textual(col.T) && textual(common[c].T) {
					col = value.NewStrings(common[c].T, col.Strings())
				}
				if col == nil || col.T != common[c].T {
					return ddberr.Errorf("The column %s of the output table must be a column of every input table, of the same type.", name)
				}
				common[c].AppendVector(col)
			}
			for s, name := range sortCols {
				sorts[s] = append(sorts[s], t.Column(name))
			}
			times = append(times, k...)
			bodies = append(bodies, b...)
			for range k {
				keys = append(keys, key)
			}
			sizes = append(sizes, len(k))
		}
	}
	n := len(times)
	sortKeys := []rowsort.Key{rowsort.Column(value.NewLongs(times), false, rowsort.NullsLow)}
	for s, parts := range sorts {
		col, err := mergeSortColumn(sortCols[s], parts, sizes)
		if err != nil {
			return err
		}
		// an input without the column sorts its rows first (the page)
		sortKeys = append(sortKeys, rowsort.Column(col, false, rowsort.NullsFirst))
	}
	order := rowsort.Sort(sortKeys, n, rowsort.KeepAll).Index(n)
	sorted := make([]int64, n)
	stamps := make([]int64, n)
	for j, o := range order {
		sorted[j] = times[o]
		stamps[j] = times[o] / unit
	}
	tcol := &value.Vector{T: ot.Cols[0].T, I64: stamps}
	if tcol.T.Storage() == value.StInt32 {
		xs := make([]int32, n)
		for j, x := range stamps {
			xs[j] = int32(x)
		}
		tcol = &value.Vector{T: tcol.T, I32: xs}
	}
	cols := []*value.Vector{tcol,
		value.NewStrings(value.String, keys).Gather(order), value.NewStrings(value.Blob, bodies).Gather(order)}
	if ot.Cols[1].T == value.Symbol {
		cols[1] = value.NewSymbols(cols[1].Strings())
	}
	for _, c := range common {
		cols = append(cols, c.Gather(order))
	}
	rows := value.NewTable(append([]string(nil), ot.Names...), cols)
	return r.write(rows, sorted, out)
}

// mergeSortColumn is one sortColumns column over every input's rows:
// the tables' own where they have it, NULL where they don't.
func mergeSortColumn(name string, parts []*value.Vector, sizes []int) (*value.Vector, error) {
	var out *value.Vector
	for _, p := range parts {
		if p != nil {
			out = p.Like(0)
			out.Scale = p.Scale
			break
		}
	}
	if out == nil {
		return nil, ddberr.Errorf("The sort column %s is not a column of any input table.", name)
	}
	for i, p := range parts {
		switch {
		case p == nil:
			out.AppendNulls(sizes[i])
		case p.T != out.T:
			return nil, ddberr.Errorf("The sort column %s must have one type in every input table.", name)
		default:
			out.AppendVector(p)
		}
	}
	return out, nil
}

// textual is STRING and SYMBOL, which a text column of the output takes
// from either.
func textual(t value.Type) bool { return t == value.String || t == value.Symbol }
