package kernel

import (
	"math"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

func TestInt128(t *testing.T) {
	maxI := Int128{Hi: math.MaxInt64, Lo: math.MaxUint64}
	for _, tc := range []struct {
		name   string
		a, b   Int128
		sum    Int128
		fits   bool
		cmp    int
		aFloat float64
	}{
		{"small", Int128From(5), Int128From(-7), Int128From(-2), true, 1, 5},
		{"carry into Hi", Int128From(-1), Int128From(1), Int128{}, true, -1, -1},
		{"past int64", Int128From(math.MaxInt64), Int128From(math.MaxInt64), Int128{Lo: math.MaxUint64 - 1}, true, 0, math.MaxInt64},
		{"negative past int64", Int128From(math.MinInt64), Int128From(math.MinInt64), Int128{Hi: -1}, true, 0, math.MinInt64},
		{"overflow", maxI, Int128From(1), Int128{Hi: math.MinInt64}, false, 1, math.Ldexp(1, 127)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, ok := tc.a.Add(tc.b)
			require.Equal(t, tc.fits, ok)
			require.Equal(t, tc.sum, s)
			if ok {
				require.Equal(t, tc.a, s.Sub(tc.b))
			}
			require.Equal(t, tc.cmp, tc.a.Cmp(tc.b))
			require.Equal(t, tc.aFloat, tc.a.Float64())
			require.Equal(t, tc.a, Int128Of(tc.a.Bytes()))
		})
	}
	// a negative beyond int64 keeps its low digits
	require.Equal(t, -math.Ldexp(1, 64)-3, Int128{Hi: -2, Lo: math.MaxUint64 - 2}.Float64())
}

func TestWindowDecimal(t *testing.T) {
	v := value.NewVector(value.Decimal32, 6, 6)
	v.Scale = 2
	copy(v.I32, []int32{value.NullInt32, 125, -350, 1000, value.NullInt32, value.NullInt32})
	all := []bool{true, true, true, true, true, true}
	for _, tc := range []struct {
		name     string
		lo       []int
		ready    []bool
		minCount int
		sums     []int64 // NullInt64 for NULL
	}{
		{"count window 2", []int{0, 0, 1, 2, 3, 4}, []bool{false, true, true, true, true, true}, 1, []int64{value.NullInt64, 125, -225, 650, 1000, value.NullInt64}},
		{"two segments", []int{0, 0, 1, 3, 3, 4}, []bool{false, true, true, false, true, true}, 1, []int64{value.NullInt64, 125, -225, value.NullInt64, 1000, value.NullInt64}},
		{"minPeriods 2", []int{0, 0, 0, 1, 2, 3}, []bool{false, true, true, true, true, true}, 2, []int64{value.NullInt64, value.NullInt64, -225, 775, 650, value.NullInt64}},
		{"time windows", []int{0, 0, 2, 2, 2, 5}, all, 0, []int64{value.NullInt64, 125, -350, 650, 650, value.NullInt64}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := WindowDecimal(v, tc.lo, tc.ready, tc.minCount, false)
			require.NoError(t, err)
			require.Equal(t, value.Decimal64, out.T)
			require.Equal(t, int32(2), out.Scale)
			require.Equal(t, tc.sums, out.I64)
			avg, err := WindowDecimal(v, tc.lo, tc.ready, tc.minCount, true)
			require.NoError(t, err)
			for i, s := range tc.sums {
				require.Equal(t, s == value.NullInt64, avg.IsNull(i), i)
			}
		})
	}
	avg, err := WindowDecimal(v, []int{0, 0, 2, 2, 2, 5}, all, 0, true)
	require.NoError(t, err)
	require.Equal(t, 3.25, avg.F64[3])
}
