package storage

import (
	"cmp"
	"slices"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// TestSortRowsWideCountingKeys sorts SECOND keys (17 bits) climbing in
// runs that wrap, as the seed's time column does, with enough rows for
// the counting pass and with too few for it (radix): both give the stable
// order.
func TestSortRowsWideCountingKeys(t *testing.T) {
	for _, n := range []int{1000, 140_000} {
		sec := make([]int32, n)
		for i := range sec {
			sec[i] = int32((701*i + 1) % 86400)
		}
		want := make([]int32, n)
		for i := range want {
			want[i] = int32(i)
		}
		slices.SortStableFunc(want, func(a, b int32) int { return cmp.Compare(sec[a], sec[b]) })
		ord := sortRows([]sortCol{{v: &value.Vector{T: value.Second, I32: sec}}}, n, KeepAll)
		require.Equal(t, n > 1<<17, ord.inv != nil, "n=%d: counting pass", n)
		require.Equal(t, want, ord.permutation(), "n=%d", n)
	}
}
