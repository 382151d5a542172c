package rowsort

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// A cancelled context stops every path of SortContext (a packed radix
// sort, a merge of runs, the wide path's pair passes) with its error; a
// live one gives Sort's order.
func TestSortContextStopsWhenCancelled(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 6))
	n := 1 << 16
	doubles := make([]float64, n) // 64-bit words: the wide path
	ints := make([]int32, n)      // packed with the row index: radix
	runs := make([]int32, n)      // four ascending runs: merged
	for i := range doubles {
		doubles[i] = rng.Float64()
		ints[i] = rng.Int32()
		runs[i] = int32(i % (n / 4))
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for name, v := range map[string]*value.Vector{"wide": value.NewDoubles(doubles), "radix": value.NewInts(ints), "runs": value.NewInts(runs)} {
		keys := []Key{Column(v, false, NullsLow)}
		_, err := SortContext(cancelled, keys, n, KeepAll)
		require.ErrorIs(t, err, context.Canceled, name)
		o, err := SortContext(context.Background(), keys, n, KeepAll)
		require.NoError(t, err, name)
		require.Equal(t, Sort(keys, n, KeepAll).Index(n), o.Index(n), name)
	}
}
