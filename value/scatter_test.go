package value

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestScatterIsInverseGather(t *testing.T) {
	intArray := NewVector(ArrayOffset+Int, 0, 3)
	intArray.AppendVector(&Vector{T: ArrayOffset + Int, I32: []int32{1, 2, 3, 4}, Offsets: []int64{2, 3, 4}})
	cases := []struct {
		name string
		v    *Vector
	}{
		{"INT", NewInts([]int32{10, 20, NullInt32})},
		{"LONG", NewLongs([]int64{1, 2, 3})},
		{"DOUBLE", NewDoubles([]float64{1.5, -2, 3})},
		{"SYMBOL", NewStrings(Symbol, []string{"a", "", "c"})},
		{"BOOL", &Vector{T: Bool, I8: []int8{1, 0, NullInt8}}},
		{"UUID", &Vector{T: UUID, B16: [][16]byte{{1}, {2}, {3}}}},
		{"ANY", NewTuple([]Value{NewInt(1), NewString("x"), NewDouble(2)})},
		{"INT[]", intArray},
	}
	pos := []int32{2, 0, 1}
	inv := []int{1, 2, 0}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.v.Scatter(pos, 3)
			require.Equal(t, tc.v.Gather(inv).String(), got.String())
			for i, p := range pos {
				require.Equal(t, tc.v.Elem(i).String(), got.Elem(int(p)).String())
			}
		})
	}
}

func TestScatterDropsNegative(t *testing.T) {
	v := NewStrings(Symbol, []string{"a", "b", "c", "d"})
	got := v.Scatter([]int32{1, -1, 0, -1}, 2)
	require.Equal(t, []string{"c", "a"}, got.Str)
}
