package sqljoin

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// A right join's hidden key columns stay after the table's own columns
// when a further join of a chain appends its columns after them.
func TestHiddenLast(t *testing.T) {
	h := HiddenPrefix + "t1.id"
	for _, c := range []struct{ in, want []string }{
		{[]string{"a", "b"}, []string{"a", "b"}},
		{[]string{"a", h}, []string{"a", h}},
		{[]string{"a", h, "c", "d"}, []string{"a", "c", "d", h}},
		{[]string{h, "a", h + "2", "b"}, []string{"a", "b", h, h + "2"}},
	} {
		cols := make([]*value.Vector, len(c.in))
		for i := range cols {
			cols[i] = value.NewInts([]int32{int32(i)})
		}
		got := hiddenLast(value.NewTable(c.in, cols))
		require.Equal(t, c.want, got.Names)
		for i, n := range got.Names {
			require.Equal(t, cols[value.NameIndex(c.in, n)], got.Cols[i], n)
		}
	}
}
