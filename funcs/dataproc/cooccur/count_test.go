package cooccur

import (
	"cmp"
	"context"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// The map that holds the pairs of many codes finds the same pairs, hits
// and first occurrences as the code-by-code table, ordered or not.
func TestCountSparseMatchesDense(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	saved := denseCells
	defer func() { denseCells = saved }()
	for trial := 0; trial < 40; trial++ {
		n, k := 1+rng.IntN(500), 1+rng.IntN(40)
		codes, times := make([]int32, n), make([]int64, n)
		for i := range codes {
			codes[i], times[i] = rng.Int32N(int32(k)), rng.Int64N(int64(n))
		}
		slices.Sort(times)
		window := rng.Int64N(int64(n)/5 + 1)
		// events 0 and 1 compare equal: they stay two
		order := func(a, b int32) int { return cmp.Compare(max(a, 1), max(b, 1)) }
		for _, o := range []func(a, b int32) int{nil, order} {
			denseCells = saved
			dense, err := Count(context.Background(), codes, k, times, window, o, nil)
			require.NoError(t, err)
			denseCells = 0
			sparse, err := Count(context.Background(), codes, k, times, window, o, nil)
			require.NoError(t, err)
			require.Equal(t, dense, sparse)
			total := int64(0)
			for _, h := range dense.Hits {
				total += h
			}
			require.Equal(t, naivePairs(times, window), total)
		}
	}
}

// naivePairs counts the pairs of rows within window one by one.
func naivePairs(times []int64, window int64) int64 {
	n := int64(0)
	for i := range times {
		for j := i + 1; j < len(times) && times[j]-times[i] <= window; j++ {
			n++
		}
	}
	return n
}

// reserve is asked before each step of pairs and stops the count.
func TestCountReserve(t *testing.T) {
	n := 3000
	codes, times := make([]int32, n), make([]int64, n)
	for i := range codes {
		codes[i] = int32(i)
	}
	asked := 0
	stop := context.Canceled
	_, err := Count(context.Background(), codes, n, times, 0, nil, func(pairs int) error {
		asked++
		return stop
	})
	require.ErrorIs(t, err, stop)
	require.Equal(t, 1, asked)
}
