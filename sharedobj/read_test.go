package sharedobj

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// Read takes an object's lock for the read alone: it reads what its own
// statement holds without taking it again, waits for another session's
// writer when that keeps the name order, and otherwise gives up at once,
// ReadOr then answering with the last reading.
func TestHeldRead(t *testing.T) {
	rows := func(v value.Value) any { return v.(*value.Table).Rows() }
	tests := []struct {
		name string
		// mine and theirs are the names this session's statement and
		// another session's (for writing) hold
		mine, theirs []string
		// released is set when the other session lets go while Read waits
		released bool
		wantRead bool
		want     any
	}{
		{name: "free", wantRead: true, want: 1},
		{name: "held by its own statement", mine: []string{"b", "t"}, wantRead: true, want: 1},
		{name: "written by another, nothing held", theirs: []string{"t"}, released: true, wantRead: true, want: 1},
		{name: "written by another, an earlier name held", mine: []string{"a"}, theirs: []string{"t"}, released: true, wantRead: true, want: 1},
		{name: "written by another, a later name held", mine: []string{"z"}, theirs: []string{"t"}, want: 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c Catalog
			for _, n := range []string{"a", "b", "t", "z"} {
				c.Put(n, value.NewTable([]string{"x"}, []*value.Vector{value.NewInts([]int32{1})}), "admin")
			}
			e := Entry{"t", c.Get("t")}
			e.Obj.readings.Store("rows", 7)
			var mine, theirs Held
			defer mustLock(t, &mine, c.Find(tt.mine, nil), true)()
			release := mustLock(t, &theirs, c.Find(tt.theirs, nil), true)
			if tt.released {
				time.AfterFunc(20*time.Millisecond, release)
			} else {
				defer release()
			}
			got := mine.ReadOr(e, "rows", rows)
			require.Equal(t, tt.want, got)
			require.Equal(t, tt.wantRead, mine.Read(e, func(value.Value) {}))
		})
	}
}
