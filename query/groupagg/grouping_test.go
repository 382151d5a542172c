package groupagg

import (
	"math"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// Group codes from the typed paths (small-range integers, strings by
// pointer cache) agree with plain hashing of the values.
func TestKeyCodesMatchHashing(t *testing.T) {
	cases := []*value.Vector{
		value.NewInts([]int32{5, 3, 5, value.NullInt32, 3, 9, value.NullInt32}),
		value.NewLongs([]int64{1 << 40, 7, 1 << 40, value.NullInt64, 7}),
		value.NewLongs([]int64{math.MaxInt64, math.MinInt64 + 1, 0, math.MaxInt64}),
		value.NewStrings(value.Symbol, []string{"a", "b", "a", "", "b" + "", string([]byte{'a'}), "c"}),
		value.NewSymbols([]string{"a", "b", "a", "", "b", "a", "c"}),
		value.NewSymbols([]string{"x", "y"}).Slice(1, 2),
	}
	for _, v := range cases {
		codes, first := keyCodes(v)
		want, wantFirst := bytesCodes(v)
		require.Equal(t, want, codes, v.String())
		require.Equal(t, wantFirst, first, v.String())
	}
}

// Floating keys: NaN groups with NULL.
func TestKeyCodesFloatNaNIsNull(t *testing.T) {
	codes, first := keyCodes(value.NewDoubles([]float64{1.5, math.NaN(), value.NullFloat64, 1.5, -2}))
	require.Equal(t, []int32{0, 1, 1, 0, 2}, codes)
	require.Equal(t, []int{0, 1, 4}, first)
	codes, first = keyCodes(&value.Vector{T: value.Float, F32: []float32{float32(math.NaN()), 3, value.NullFloat32, 3}})
	require.Equal(t, []int32{0, 1, 0, 1}, codes)
	require.Equal(t, []int{0, 1}, first)
}
