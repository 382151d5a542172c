package streamengine

import "github.com/porpoisedb/porpoise/value"

// RowKey appends to buf the key of row r of t over the columns cols,
// which engines group their rows by: two rows have equal keys when
// their values in cols are equal.
func RowKey(buf []byte, t *value.Table, cols []int, r int) []byte {
	for _, c := range cols {
		buf = t.Cols[c].AppendKey(buf, r)
	}
	return buf
}
