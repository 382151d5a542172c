package value

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// fillCases are vectors of every storage Cycle and GatherAt handle.
func fillCases() []struct {
	name string
	v    *Vector
} {
	intArray := NewVector(ArrayOffset+Int, 0, 3)
	intArray.AppendVector(&Vector{T: ArrayOffset + Int, I32: []int32{1, 2, 3, 4}, Offsets: []int64{2, 3, 4}})
	return []struct {
		name string
		v    *Vector
	}{
		{"INT", NewInts([]int32{10, 20, NullInt32})},
		{"DATE", &Vector{T: Date, I32: []int32{19723, 19724, 19725}}},
		{"LONG", NewLongs([]int64{1, 2, 3})},
		{"SHORT", &Vector{T: Short, I16: []int16{1, NullInt16, 3}}},
		{"FLOAT", &Vector{T: Float, F32: []float32{1, 2, 3}}},
		{"DOUBLE", NewDoubles([]float64{1.5, -2, 3})},
		{"SYMBOL", NewStrings(Symbol, []string{"a", "", "c"})},
		{"BOOL", &Vector{T: Bool, I8: []int8{1, 0, NullInt8}}},
		{"UUID", &Vector{T: UUID, B16: [][16]byte{{1}, {2}, {3}}}},
		{"DECIMAL32", &Vector{T: Decimal32, Scale: 2, I32: []int32{100, 250, NullInt32}}},
		{"ANY", NewTuple([]Value{NewInt(1), NewString("x"), NewDouble(2)})},
		{"INT[]", intArray},
	}
}

// TestCycleIsModuloGather: Cycle(n) equals gathering i mod len for every
// storage, for n shorter than, equal to and many times the length.
func TestCycleIsModuloGather(t *testing.T) {
	for _, tc := range fillCases() {
		for _, n := range []int{0, 1, 2, 3, 7, 100} {
			idx := make([]int, n)
			for i := range idx {
				idx[i] = i % tc.v.Len()
			}
			got := tc.v.Cycle(n)
			require.Equal(t, n, got.Len(), "%s n=%d", tc.name, n)
			require.Equal(t, tc.v.T, got.T)
			require.Equal(t, tc.v.Scale, got.Scale)
			require.Equal(t, tc.v.Gather(idx).String(), got.String(), "%s n=%d", tc.name, n)
		}
	}
}

// TestCycleOwnsStorage: changing the cycled vector leaves the source as it
// was.
func TestCycleOwnsStorage(t *testing.T) {
	src := NewInts([]int32{1, 2})
	got := src.Cycle(4)
	got.I32[0] = 9
	require.Equal(t, []int32{1, 2}, src.I32)
	require.False(t, SharesStorage(src, got))
}

// TestGatherAtFillsRange: GatherAt writes exactly [at, at+len(idx)).
func TestGatherAtFillsRange(t *testing.T) {
	for _, tc := range fillCases() {
		if tc.v.T.IsArray() {
			continue
		}
		idx := []int{2, 0}
		dst := NewVector(tc.v.T, 4, 4)
		dst.Scale = tc.v.Scale
		want := dst.Clone()
		dst.GatherAt(1, tc.v, idx)
		want.SetFrom(1, tc.v, 2)
		want.SetFrom(2, tc.v, 0)
		require.Equal(t, want.String(), dst.String(), tc.name)
	}
}
