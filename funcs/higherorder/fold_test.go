package higherorder

import (
	"context"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// ternaryFold runs reduce or accumulate with a ternary function over n
// steps whose accumulator is a fresh 1 MB vector each step, and reports
// the live heap's growth measured in the last step.
func ternaryFold(t *testing.T, ctx context.Context, keep bool, n int) (value.Value, error, uint64) {
	var before, last runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	calls := 0
	env := &fakeenv.Func{Ctx: ctx, F: func(xs []float64) value.Value {
		if calls++; calls == n {
			runtime.GC()
			runtime.ReadMemStats(&last)
		}
		out := make([]float64, len(xs))
		for i, x := range xs {
			out[i] = x + 1
		}
		return value.NewDoubles(out)
	}}
	f := &funcs.Spec{Name: "f", Min: 3, Max: 3}
	idx := value.NewInts(make([]int32, n))
	x := value.NewTuple([]value.Value{idx, idx})
	init := value.NewDoubles(make([]float64, 1<<17))
	name := "reduce"
	if keep {
		name = "accumulate"
	}
	got, err := foldFn(name, keep)(env, []value.Value{f, x, init})
	return got, err, last.HeapAlloc - min(last.HeapAlloc, before.HeapAlloc)
}

// reduce with a ternary function holds only its accumulator (it kept
// every step alive to the end, 200 MB over 200 steps of 1 MB);
// accumulate still returns every step; both stop on a cancel.
func TestFoldTernaryHoldsOnlyWhatItReturns(t *testing.T) {
	const n = 200
	got, err, grown := ternaryFold(t, context.Background(), false, n)
	require.NoError(t, err)
	require.Equal(t, float64(n), got.(*value.Vector).F64[0])
	require.Less(t, grown, uint64(32<<20), "reduce's live heap grew by %d bytes", grown)

	got, err, grown = ternaryFold(t, context.Background(), true, n)
	require.NoError(t, err)
	require.Equal(t, n, got.(*value.Matrix).Cols)
	require.Greater(t, grown, uint64(n/2)<<20, "accumulate holds its steps")

	for _, keep := range []bool{false, true} {
		_, err, _ = ternaryFold(t, &fakeenv.CancelLater{Context: context.Background(), After: 5}, keep, n)
		require.ErrorIs(t, err, context.Canceled)
	}
}
