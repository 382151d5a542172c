package query

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// A between over an ascending column is one run of rows: both ends
// included, empty when the bounds are reversed or miss every value, and
// no answer at all for a column out of order.
func TestAscendingRun(t *testing.T) {
	xs := []int32{value.NullInt32, 1, 3, 3, 3, 5, 8}
	for _, tc := range []struct {
		from, to int32
		lo, hi   int
	}{
		{3, 3, 2, 5}, {2, 5, 2, 6}, {0, 100, 1, 7}, {6, 7, 6, 6}, {5, 1, 5, 5}, {9, 10, 7, 7},
	} {
		lo, hi, ok := ascendingRun(xs, tc.from, tc.to)
		require.True(t, ok)
		require.Equal(t, [2]int{tc.lo, tc.hi}, [2]int{lo, hi}, "%d..%d", tc.from, tc.to)
	}
	_, _, ok := ascendingRun([]int64{1, 3, 2}, 1, 3)
	require.False(t, ok)
}
