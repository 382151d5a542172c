package dataproc

import (
	"math"
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// TestTypedNearestFillMatchesGather checks ffill and bfill's typed pass
// against gathering each row's source row, for every storage it takes,
// with NULLs (runs of them at both ends too), NaN and limits.
func TestTypedNearestFillMatchesGather(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	const n = 400
	i8, i16, i32, i64 := make([]int8, n), make([]int16, n), make([]int32, n), make([]int64, n)
	f32, f64, syms := make([]float32, n), make([]float64, n), make([]string, n)
	for i := range n {
		r := rng.Intn(50)
		i8[i], i16[i], i32[i], i64[i], f32[i], f64[i] = int8(r), int16(r), int32(r), int64(r), float32(r)/2, float64(r)/2
		syms[i] = string(rune('a' + r%26))
		if rng.Intn(3) == 0 || i < 5 || i > n-5 {
			i8[i], i16[i], i32[i], i64[i] = value.NullInt8, value.NullInt16, value.NullInt32, value.NullInt64
			f32[i], f64[i], syms[i] = value.NullFloat32, value.NullFloat64, ""
			if rng.Intn(4) == 0 {
				f32[i], f64[i] = float32(math.NaN()), math.NaN()
			}
		}
	}
	cols := []*value.Vector{
		{T: value.Char, I8: i8}, {T: value.Short, I16: i16}, value.NewInts(i32), {T: value.Timestamp, I64: i64},
		{T: value.Float, F32: f32}, value.NewDoubles(f64), value.NewSymbols(syms), {T: value.Decimal64, Scale: 2, I64: i64},
	}
	for _, v := range cols {
		for _, step := range []int{1, -1} {
			for _, limit := range []int{-1, 0, 1, 3} {
				got, ok := typedNearestFill(v, limit, step)
				require.True(t, ok, "%s", v.T)
				want := gatherNearestFill(v, limit, step)
				require.Equal(t, want.T, got.T)
				require.Equal(t, want.Len(), got.Len())
				for i := range n {
					require.Equal(t, want.IsNull(i), got.IsNull(i), "%s step %d limit %d row %d", v.T, step, limit, i)
					if !want.IsNull(i) {
						require.Equal(t, 0, value.CompareAcross(want, i, got, i), "%s step %d limit %d row %d", v.T, step, limit, i)
					}
				}
			}
		}
	}
}
