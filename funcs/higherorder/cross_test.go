package higherorder

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// cross accounts its boxed pair results before making them (20000 by
// 20000 pairs took the process down), and a cancelled request stops it.
func TestCrossReservesAndStops(t *testing.T) {
	add := &funcs.Spec{Name: "add"}
	x := value.NewDoubles(make([]float64, 20000))
	live := &fakeenv.Limited{Func: fakeenv.Func{Ctx: context.Background(), F: func(xs []float64) value.Value { return value.NewDouble(xs[0]) }}, Max: 1 << 30}
	_, err := crossFn("cross")(live, []value.Value{add, x, x})
	require.ErrorIs(t, err, fakeenv.ErrOverLimit)

	small := value.NewDoubles([]float64{1, 2})
	got, err := crossFn("cross")(live, []value.Value{add, small, small})
	require.NoError(t, err)
	require.Equal(t, 2, got.(*value.Matrix).Rows)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	live.Ctx = ctx
	_, err = crossFn("cross")(live, []value.Value{add, small, small})
	require.ErrorIs(t, err, context.Canceled)
}

// eachLeft, eachRight, eachPre and eachPost stop on a cancelled request,
// at the next call: a built-in's calls don't look at it, and eachLeft(add,
// x, x) over 200,000 elements ran on until it took the process's memory.
func TestEachSidesStopWhenCancelled(t *testing.T) {
	add := &funcs.Spec{Name: "add"}
	x := value.NewDoubles([]float64{1, 2, 3})
	env := &fakeenv.Func{Ctx: context.Background(), F: func(xs []float64) value.Value { return value.NewDouble(xs[0]) }}
	calls := []struct {
		name string
		fn   funcs.Impl
	}{
		{"eachLeft", eachSideFn("eachLeft", true)}, {"eachRight", eachSideFn("eachRight", false)},
		{"eachPre", eachNeighbourFn("eachPre", true)}, {"eachPost", eachNeighbourFn("eachPost", false)},
	}
	for _, c := range calls {
		env.Ctx = context.Background()
		_, err := c.fn(env, []value.Value{add, x, x})
		require.NoError(t, err, c.name)
		env.Ctx = &fakeenv.CancelLater{Context: context.Background(), After: 1}
		_, err = c.fn(env, []value.Value{add, x, x})
		require.ErrorIs(t, err, context.Canceled, c.name)
	}
}
