package higherorder

import (
	"context"
	"testing"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// pivot accounts its distinct rows by distinct columns before making
// them (200,000 distinct labels each way took the process down), calls
// its function once per occupied cell in the matrix's column-major order,
// and stops on a cancelled request.
func TestPivotReservesItsCells(t *testing.T) {
	add := &funcs.Spec{Name: "add"}
	labels := func(n int, at func(i int) int) *value.Vector {
		out := make([]int32, n)
		for i := range out {
			out[i] = int32(at(i))
		}
		return value.NewInts(out)
	}
	const n = 3000
	distinct := labels(n, func(i int) int { return i })
	cases := []struct {
		name       string
		rows, cols *value.Vector
		max        int
		err        error
		calls      int
		shape      [2]int
	}{
		{"3000 by 3000, refused", distinct, distinct, 1 << 20, fakeenv.ErrOverLimit, 0, [2]int{}},
		{"500 by 600, allowed", labels(n, func(i int) int { return i % 500 }), labels(n, func(i int) int { return i % 600 }), 1 << 24, nil, n, [2]int{500, 600}},
		{"3 by 2", labels(n, func(i int) int { return i % 3 }), labels(n, func(i int) int { return i % 2 }), 1 << 20, nil, 6, [2]int{3, 2}},
	}
	for _, c := range cases {
		var seen []float64
		env := &fakeenv.Limited{Func: fakeenv.Func{Ctx: context.Background(), F: func(xs []float64) value.Value {
			seen = append(seen, xs[0])
			return value.NewDouble(xs[0])
		}}, Max: c.max}
		x := value.NewDoubles(make([]float64, n))
		for i := range x.F64 {
			x.F64[i] = float64(i)
		}
		got, err := xpivot(env, []value.Value{add, x, c.rows, c.cols})
		if c.err != nil {
			require.ErrorIs(t, err, c.err, c.name)
			continue
		}
		require.NoError(t, err, c.name)
		m := got.(*value.Matrix)
		require.Equal(t, c.shape, [2]int{m.Rows, m.Cols}, c.name)
		require.Equal(t, c.calls, env.Calls, c.name)
		// the first element of each cell, column by column
		for k := 1; k < len(seen); k++ {
			at := func(x float64) int {
				i := int(x)
				return int(c.cols.I32[i])*m.Rows + int(c.rows.I32[i])
			}
			require.Less(t, at(seen[k-1]), at(seen[k]), c.name)
		}
	}

	env := &fakeenv.Limited{Func: fakeenv.Func{Ctx: &fakeenv.CancelLater{Context: context.Background(), After: 2},
		F: func(xs []float64) value.Value { return value.NewDouble(xs[0]) }}, Max: 1 << 20}
	small := labels(9, func(i int) int { return i })
	_, err := xpivot(env, []value.Value{add, value.NewDoubles(make([]float64, 9)), small, small})
	require.ErrorIs(t, err, context.Canceled)
}
