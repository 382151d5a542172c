package dataproc

import (
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/value"
)

// arrayNearestFill is ffill (step 1) or bfill (step -1) of an array
// vector, by funcs/f/ffill.md and funcs/b/bfill.md: a NULL row (no
// non-NULL cell) takes the nearest non-NULL row passed, and each other
// NULL cell the nearest non-NULL cell of its column (its position in the
// row) passed. The pages give no limit for array vectors.
func arrayNearestFill(v *value.Vector, step int) *value.Vector {
	n := v.Len()
	rows := make([]*value.Vector, n)
	type cellRef struct {
		row *value.Vector
		k   int
	}
	var last []cellRef // by column: the nearest non-NULL cell passed
	var lastRow *value.Vector
	i := 0
	if step < 0 {
		i = n - 1
	}
	for ; i >= 0 && i < n; i += step {
		if insert.RowIsNull(v, i) {
			rows[i] = v.Row(i)
			if lastRow != nil {
				rows[i] = lastRow
			}
			continue
		}
		row := v.Row(i).Clone()
		for k, w := 0, row.Len(); k < w; k++ {
			if k == len(last) {
				last = append(last, cellRef{})
			}
			if row.IsNull(k) {
				if last[k].row != nil {
					row.SetFrom(k, last[k].row, last[k].k)
				}
				continue
			}
			last[k] = cellRef{row, k}
		}
		rows[i], lastRow = row, row
	}
	out := value.NewVector(v.T, 0, n)
	out.Scale = v.Scale
	for _, row := range rows {
		flat := *out
		flat.T, flat.Offsets = v.T.Elem(), nil
		flat.AppendVector(row)
		offsets := append(out.Offsets, int64(flat.Len()))
		*out = flat
		out.T, out.Offsets = v.T, offsets
	}
	return out
}
