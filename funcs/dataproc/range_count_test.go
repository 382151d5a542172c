package dataproc

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// refRangeCounts is topRange/lowRange by the definition (funcs/t/topRange.md):
// from each element walk left while the elements are non-NULL and beaten.
func refRangeCounts(xs []float64, top bool) []int32 {
	out := make([]int32, len(xs))
	for i, x := range xs {
		if x == value.NullFloat64 {
			out[i] = value.NullInt32
			continue
		}
		k := 0
		for j := i - 1; j >= 0; j-- {
			y := xs[j]
			if y == value.NullFloat64 || (top && y >= x) || (!top && y <= x) {
				break
			}
			k++
		}
		out[i] = int32(k)
	}
	return out
}

// The stack gives the definition's counts for random columns of each
// numeric type with NULLs, ties, NaN, infinities and signed zeros, and
// for rising and falling runs.
func TestRangeCountsMatchDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	env := &fakeenv.Func{Ctx: context.Background()}
	for trial := 0; trial < 40; trial++ {
		n := 1 + rng.IntN(300)
		cols := randomColumns(rng, n)[:5] // the numeric ones
		rising := make([]float64, n)
		for i := range rising {
			rising[i] = float64(i / (1 + trial%4))
			if rng.IntN(40) == 0 {
				rising[i] = value.NullFloat64
			}
		}
		falling := make([]float64, n)
		for i := range falling {
			falling[i] = -rising[i]
		}
		cols = append(cols, value.NewDoubles(rising), value.NewDoubles(falling))
		for _, v := range cols {
			xs, err := funcs.DoublesOf("topRange", v)
			require.NoError(t, err)
			for _, top := range []bool{true, false} {
				got, err := xrangeCount(top)(env, []value.Value{v})
				require.NoError(t, err)
				require.Equal(t, refRangeCounts(xs, top), got.(*value.Vector).I32, "%s top=%v", v.T, top)
			}
		}
	}
}

// A cancelled request stops the count.
func TestRangeCountsCancel(t *testing.T) {
	x := value.NewDoubles(make([]float64, 1<<17))
	fakeenv.RequireStops(t, xrangeCount(true), []value.Value{x})
}

// BenchmarkTopRange: topRange over 200,000 rising INTs (the sweep's
// 1..200000, each count walking back to the start), the walk of the
// definition against the stack.
func BenchmarkTopRange(b *testing.B) {
	xs := make([]int32, 200_000)
	for i := range xs {
		xs[i] = int32(i + 1)
	}
	v := value.NewInts(xs)
	b.Run("walk", func(b *testing.B) {
		fs, err := funcs.DoublesOf("topRange", v)
		require.NoError(b, err)
		for b.Loop() {
			refRangeCounts(fs, true)
		}
	})
	env := &fakeenv.Func{Ctx: context.Background()}
	b.Run("stack", func(b *testing.B) {
		for b.Loop() {
			_, err := xrangeCount(true)(env, []value.Value{v})
			require.NoError(b, err)
		}
	})
}
