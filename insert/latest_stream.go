package insert

import (
	"slices"

	"github.com/porpoisedb/porpoise/value"
)

// mergeLatestStream appends to a latestKeyedStreamTable: of the batch's
// rows of one key only the first with the greatest time is considered,
// and it is appended when its key is new or its time is later than the
// time of the key's latest row, which it then becomes; the others are
// dropped.
func mergeLatestStream(dst, src *value.Table) Result {
	best := map[string]int{}
	var key []byte
	for i, n := 0, src.Rows(); i < n; i++ {
		key = keyOf(key[:0], dst.KeyCols, src, i)
		if j, ok := best[string(key)]; !ok || compareTimes(dst, src, i, src, j) > 0 {
			best[string(key)] = i
		}
	}
	rows := make([]int, 0, len(best))
	for _, i := range best {
		rows = append(rows, i)
	}
	slices.Sort(rows)
	var res Result
	for _, i := range rows {
		key = keyOf(key[:0], dst.KeyCols, src, i)
		if r, ok := dst.KeyRow(key); ok && compareTimes(dst, src, i, dst, r) <= 0 {
			continue
		}
		appendKeyedRow(dst, src, i, key)
		res.Inserted++
	}
	return res
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

// keyOf appends the binary key of src's row i over the key columns.
func keyOf(buf []byte, keyCols []int, src *value.Table, i int) []byte {
	for _, k := range keyCols {
		buf = src.Cols[k].AppendKey(buf, i)
	}
	return buf
}
