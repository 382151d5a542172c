package insert

import (
	"time"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Stamper is the publisher of a stream table whose last column is its
// time column (setStreamTableTimestamp): the data appended has the other
// columns, and each append fills the last with the time it is made.
type Stamper interface {
	// Stamp is the time of an append now, ok false while the table has
	// no time column.
	Stamp() (now time.Time, ok bool)
}

// stampOf is the time of an append to t now, when t is a stream table
// with a time column.
func stampOf(t *value.Table) (time.Time, bool) {
	if s, ok := t.Stream.(Stamper); ok {
		return s.Stamp()
	}
	return time.Time{}, false
}

// DataColumns is the number of columns the data appended to t has: all of
// t's, or all but the last for a stream table with a time column.
func DataColumns(t *value.Table) int {
	if _, ok := stampOf(t); ok {
		return len(t.Cols) - 1
	}
	return len(t.Cols)
}

// withoutLast is s without its last column.
func (s Schema) withoutLast() Schema {
	n := len(s.Names) - 1
	return Schema{Names: s.Names[:n], Types: s.Types[:n], Scales: s.Scales[:n]}
}

// addStamp appends to the converted data conv the column dst's last
// column gets: now, as the local time of that column's temporal type, on
// every row.
func addStamp(dst, conv *value.Table, now time.Time) (*value.Table, error) {
	_, off := now.Zone()
	local := value.NewTyped(value.NanoTimestamp, now.UnixNano()+int64(off)*1e9)
	last := dst.Cols[len(dst.Cols)-1]
	v, err := cast.To(local, last.T, last.Scale)
	if err != nil {
		return nil, err
	}
	col, err := value.Broadcast(v, conv.Rows())
	if err != nil {
		return nil, err
	}
	return value.NewTable(dst.Names, append(conv.Cols[:len(conv.Cols):len(conv.Cols)], col)), nil
}
