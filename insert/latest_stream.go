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
	tc := dst.LatestCol - 1
	best := map[string]int{}
	var key []byte
	for i, n := 0, src.Rows(); i < n; i++ {
		key = keyOf(key[:0], dst.KeyCols, src, i)
		if j, ok := best[string(key)]; !ok || value.CompareAcross(src.Cols[tc], i, src.Cols[tc], j) > 0 {
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
		if r, ok := dst.KeyRow(key); ok && value.CompareAcross(src.Cols[tc], i, dst.Cols[tc], r) <= 0 {
			continue
		}
		appendKeyedRow(dst, src, i, key)
		res.Inserted++
	}
	return res
}

// keyOf appends the binary key of src's row i over the key columns.
func keyOf(buf []byte, keyCols []int, src *value.Table, i int) []byte {
	for _, k := range keyCols {
		buf = src.Cols[k].AppendKey(buf, i)
	}
	return buf
}
