package insert

import (
	"slices"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/keyidx"
)

// mergeLatestStream appends to a latestKeyedStreamTable: of the batch's
// rows of one key only the first with the greatest time is considered,
// and it is appended when its key is new or its time is later than the
// time of the key's latest row, which it then becomes; the others are
// dropped.
func mergeLatestStream(dst, src *value.Table) Result {
	// the batch's keys numbered by a table of their own: a key's code
	// is the position of its best row in best
	cols := make([]keyidx.Column, len(dst.KeyCols))
	kinds := make([]keyidx.Kind, len(cols))
	for i, k := range dst.KeyCols {
		cols[i] = src.Cols[k].KeyColumn()
		kinds[i] = cols[i].Kind
	}
	n := src.Rows()
	codes := make([]int32, n)
	best := keyidx.NewRows(kinds, n).Add(cols, 0, n, codes, 0, nil)
	for i, c := range codes {
		if j := best[c]; compareTimes(dst, src, i, src, j) > 0 {
			best[c] = i
		}
	}
	slices.Sort(best)
	keys := make([]*value.Vector, len(dst.KeyCols))
	for i, k := range dst.KeyCols {
		keys[i] = src.Cols[k].Gather(best)
	}
	held := make([]int32, len(best))
	dst.FindKeys(keys, held)
	rows := best[:0]
	for b, i := range best {
		if r := held[b]; r < 0 || compareTimes(dst, src, i, dst, int(r)) > 0 {
			rows = append(rows, i)
		}
	}
	from := dst.Rows()
	for c, col := range dst.Cols {
		col.AppendVector(src.Cols[c].Gather(rows))
	}
	dst.PutKeys(from)
	return Result{Inserted: len(rows)}
}

// compareTimes compares the time of a's row i with b's row j by dst's
// time columns: its one time column, or its date, then its time of day.
func compareTimes(dst, a *value.Table, i int, b *value.Table, j int) int {
	for _, tc := range dst.LatestCols {
		if c := value.CompareAcross(a.Cols[tc], i, b.Cols[tc], j); c != 0 {
			return c
		}
	}
	return 0
}
