package dataproc

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// refExtremeLast is mimaxLast/miminLast by the definition: each window
// scanned for its last max or min, NULL before minPeriods rows or while
// a growing window holds fewer than minPeriods values.
func refExtremeLast(v *value.Vector, w, minP int, max bool) []int32 {
	out := make([]int32, v.Len())
	for i := range out {
		lo := xmax0(i - w + 1)
		valid := 0
		for j := lo; j <= i; j++ {
			if !v.IsNull(j) {
				valid++
			}
		}
		b := xextremeIndex(v, lo, i+1, max)
		if i+1 < minP || valid < minP && i+1 < w || b < 0 {
			out[i] = value.NullInt32
			continue
		}
		out[i] = int32(b - lo)
	}
	return out
}

// randomColumns are columns of n random elements of each storage the
// deque is typed for and of strings, with NULLs, ties and (for DOUBLE)
// NaN, infinities and signed zeros.
func randomColumns(rng *rand.Rand, n int) []*value.Vector {
	i8, i32, i64 := make([]int8, n), make([]int32, n), make([]int64, n)
	f32, f64, strs := make([]float32, n), make([]float64, n), make([]string, n)
	specials := []float64{math.NaN(), math.Inf(1), math.Inf(-1), math.Copysign(0, -1), 0}
	for i := range n {
		k := rng.IntN(12)
		i8[i], i32[i], i64[i] = int8(k), int32(k)-6, int64(k)*1e12
		f32[i], f64[i] = float32(k)/4, float64(k)/3
		strs[i] = string(rune('a' + k))
		if rng.IntN(6) == 0 {
			i8[i], i32[i], i64[i] = value.NullInt8, value.NullInt32, value.NullInt64
			f32[i], f64[i], strs[i] = value.NullFloat32, value.NullFloat64, ""
		}
		if rng.IntN(10) == 0 {
			f64[i] = specials[rng.IntN(len(specials))]
		}
	}
	return []*value.Vector{
		{T: value.Char, I8: i8}, value.NewInts(i32), {T: value.Long, I64: i64},
		{T: value.Float, F32: f32}, value.NewDoubles(f64),
		value.NewStrings(value.String, strs), value.NewStrings(value.Symbol, strs),
	}
}

// The deque gives the definition's positions for random columns of each
// type, windows and minPeriods.
func TestMovingExtremeLastMatchesDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	env := &fakeenv.Func{Ctx: context.Background()}
	for trial := 0; trial < 30; trial++ {
		n := 1 + rng.IntN(300)
		w := 1 + rng.IntN(40)
		minP := 1 + rng.IntN(w)
		for _, v := range randomColumns(rng, n) {
			for _, max := range []bool{true, false} {
				name := "miminLast"
				if max {
					name = "mimaxLast"
				}
				got, err := xmovingExtremeLast(name, max)(env, []value.Value{v, value.NewInt(int32(w)), value.NewInt(int32(minP))})
				require.NoError(t, err)
				require.Equal(t, refExtremeLast(v, w, minP, max), got.(*value.Vector).I32, "%s %s w=%d minP=%d", name, v.T, w, minP)
			}
		}
	}
}

// lastExtremes over windows whose starts move by uneven steps (the
// DURATION windows) is the scan of each window.
func TestLastExtremesUnevenWindows(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for trial := 0; trial < 30; trial++ {
		n := 1 + rng.IntN(300)
		starts := make([]int, n)
		for i := 1; i < n; i++ {
			starts[i] = min(i, starts[i-1]+rng.IntN(3))
		}
		for _, v := range randomColumns(rng, n) {
			for _, max := range []bool{true, false} {
				got := make([]int32, n)
				require.NoError(t, lastExtremes(context.Background(), v, max, func(i int) int { return starts[i] }, got))
				for i := range got {
					require.Equal(t, int32(xextremeIndex(v, starts[i], i+1, max)), got[i], "%s row %d", v.T, i)
				}
			}
		}
	}
}

// A cancelled request stops the deque.
func TestMovingExtremeLastCancel(t *testing.T) {
	x := value.NewDoubles(make([]float64, 1<<17))
	fakeenv.RequireStops(t, xmovingExtremeLast("mimaxLast", true), []value.Value{x, value.NewInt(100)})
}

// BenchmarkMovingExtremeLast: mimaxLast over 200,000 DOUBLEs with a
// window of 1,000, the deque against the scan of each window.
func BenchmarkMovingExtremeLast(b *testing.B) {
	rng := rand.New(rand.NewPCG(13, 14))
	xs := make([]float64, 200_000)
	for i := range xs {
		xs[i] = rng.Float64()
	}
	v := value.NewDoubles(xs)
	b.Run("scan", func(b *testing.B) {
		for b.Loop() {
			refExtremeLast(v, 1000, 1000, true)
		}
	})
	env := &fakeenv.Func{Ctx: context.Background()}
	args := []value.Value{v, value.NewInt(1000)}
	b.Run("deque", func(b *testing.B) {
		for b.Loop() {
			_, err := xmovingExtremeLast("mimaxLast", true)(env, args)
			require.NoError(b, err)
		}
	})
}
