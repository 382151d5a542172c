package distinct

import (
	"context"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// testVectors are vectors of every storage Vector has a path for, each
// at a few sizes and cardinalities: narrow and wide integer ranges,
// enough distinct words to grow the table many times, floating values
// with NULL, NaN, -0 and infinities, strings and coded symbols.
func testVectors() map[string]*value.Vector {
	r := rand.New(rand.NewPCG(1, 2))
	out := map[string]*value.Vector{}
	for _, n := range []int{0, 1, 7, 1000, 5000, 300000} {
		sz := strconv.Itoa(n)
		i8 := make([]int8, n)
		i16 := make([]int16, n)
		narrow := make([]int32, n)
		wide := make([]int32, n)
		i64 := make([]int64, n)
		f32 := make([]float32, n)
		f64 := make([]float64, n)
		few := make([]float64, n)
		strs := make([]string, n)
		b16 := make([][16]byte, n)
		special := []float64{value.NullFloat64, math.NaN(), math.Copysign(0, -1), 0, math.Inf(1), math.Inf(-1)}
		for i := range n {
			i8[i] = int8(r.IntN(256) - 128)
			i16[i] = int16(r.IntN(1 << 16))
			narrow[i] = int32(r.IntN(100)) - 50
			if i%17 == 0 {
				narrow[i] = value.NullInt32
			}
			wide[i] = r.Int32()
			i64[i] = r.Int64N(int64(n)+1) * 1_000_003
			f32[i] = float32(r.IntN(n+1)) / 4
			f64[i] = r.Float64()
			few[i] = special[r.IntN(len(special))]
			strs[i] = strconv.Itoa(r.IntN(n/3 + 1))
			b16[i][r.IntN(16)] = byte(r.IntN(4))
		}
		out["bool "+sz] = &value.Vector{T: value.Bool, I8: i8}
		out["short "+sz] = &value.Vector{T: value.Short, I16: i16}
		out["narrow int "+sz] = value.NewInts(narrow)
		out["wide int "+sz] = value.NewInts(wide)
		out["long "+sz] = value.NewLongs(i64)
		out["float "+sz] = &value.Vector{T: value.Float, F32: f32}
		out["double "+sz] = value.NewDoubles(f64)
		out["special doubles "+sz] = value.NewDoubles(few)
		out["string "+sz] = value.NewStrings(value.String, strs)
		out["symbol "+sz] = value.NewSymbols(strs)
		out["uuid "+sz] = &value.Vector{T: value.UUID, B16: b16}
	}
	out["tuple"] = value.NewTuple([]value.Value{value.NewInt(1), value.NewString("a"), value.NewInt(1), value.NewDouble(1)})
	return out
}

// Every path numbers elements as Keys's map of key bytes does: the same
// codes in the same order of first appearance.
func TestVectorMatchesKeyBytes(t *testing.T) {
	for name, v := range testVectors() {
		t.Run(name, func(t *testing.T) {
			wantCodes, wantFirst := Keys(v)
			codes, first := Vector(v)
			require.Equal(t, len(wantCodes), len(codes))
			require.Equal(t, wantFirst, first)
			require.Equal(t, wantCodes, codes)
			if v.T == value.Any {
				return
			}
			// find: each element's first row, and -1 for values x lacks
			half := v.Gather(value.Iota(v.Len() / 2))
			got := Find(half, v)
			for j := range got {
				want := int32(-1)
				if c := codes[j]; first[c] < half.Len() {
					want = int32(first[c])
				}
				require.Equal(t, want, got[j], "row %d", j)
			}
		})
	}
}

// FloatValues is group by's numbering: NaN and NULL are one value, and
// so are -0 and 0; every other value keeps its own code.
func TestFloatValuesMergesNaNAndNegativeZero(t *testing.T) {
	xs := []float64{1, math.NaN(), value.NullFloat64, math.Copysign(0, -1), 0, 1, math.Inf(-1), math.NaN()}
	codes, first := FloatValues(xs, value.NullFloat64)
	require.Equal(t, []int32{0, 1, 1, 2, 2, 0, 3, 1}, codes)
	require.Equal(t, []int{0, 1, 3, 6}, first)
	f32 := []float32{float32(math.NaN()), value.NullFloat32, 2}
	codes, _ = FloatValues(f32, value.NullFloat32)
	require.Equal(t, []int32{0, 0, 1}, codes)
}

// A done context stops every path with its error.
func TestCancelledContextStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for name, v := range testVectors() {
		if v.Len() < 1000 || strings.HasPrefix(name, "symbol") || strings.HasPrefix(name, "narrow") || strings.HasPrefix(name, "bool") || strings.HasPrefix(name, "short") {
			continue // narrow integer ranges and symbol codes are one quick pass with nothing to stop
		}
		_, _, err := VectorContext(ctx, v)
		require.ErrorIs(t, err, context.Canceled, name)
		_, err = FindContext(ctx, v, v)
		require.ErrorIs(t, err, context.Canceled, name)
	}
}

// Comparable numbers values in order of first appearance.
func TestComparable(t *testing.T) {
	tests := []struct {
		name      string
		xs        []string
		wantCodes []int32
		wantFirst []int
	}{
		{"empty", nil, []int32{}, nil},
		{"numbered in order of first appearance", []string{"b", "a", "b", "", "a"}, []int32{0, 1, 0, 2, 1}, []int{0, 1, 3}},
		{"one value", []string{"x", "x", "x"}, []int32{0, 0, 0}, []int{0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			codes, first := Comparable(tc.xs)
			require.Equal(t, tc.wantCodes, codes)
			require.Equal(t, tc.wantFirst, first)
		})
	}
}

// Keys numbers the elements of any vector by value: equal
// elements of a tuple share a code.
func TestKeys(t *testing.T) {
	tuple := value.NewTuple([]value.Value{value.NewInt(1), value.NewString("a"), value.NewInt(1), value.NewInt(2)})
	codes, first := Keys(tuple)
	require.Equal(t, []int32{0, 1, 0, 2}, codes)
	require.Equal(t, []int{0, 1, 3}, first)

	codes, first = Keys(value.NewInts(nil))
	require.Equal(t, []int32{}, codes)
	require.Nil(t, first)
}
