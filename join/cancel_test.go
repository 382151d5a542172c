package join

import (
	"context"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// A many-to-many match and a cross join, whose output far outgrows their
// inputs, stop with the context's error once it is cancelled.
func TestJoinsStopWhenCancelled(t *testing.T) {
	keys := make([]int32, 1000)
	for i := range keys {
		keys[i] = int32(i % 2) // 500 x 500 pairs per key
	}
	l := value.NewTable([]string{"k", "a"}, []*value.Vector{value.NewInts(keys), value.NewInts(keys)})
	r := value.NewTable([]string{"k", "b"}, []*value.Vector{value.NewInts(keys), value.NewInts(keys)})
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, kind := range []Kind{Equi, Left, Full, SortedEqui} {
		_, err := Tables(cancelled, kind, l, r, []string{"k"}, []string{"k"}, "r", false, Filter{})
		require.ErrorIs(t, err, context.Canceled, kind.Name())
		res, err := Tables(context.Background(), kind, l, r, []string{"k"}, []string{"k"}, "r", false, Filter{})
		require.NoError(t, err, kind.Name())
		require.Equal(t, 500000, res.T.Rows(), kind.Name())
	}
	_, err := Cross(cancelled, l, r, "r")
	require.ErrorIs(t, err, context.Canceled)
	all, err := Cross(context.Background(), l, r, "r")
	require.NoError(t, err)
	require.Equal(t, 1000000, all.Rows())
}
