package value

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestDictPutArrayRow: a dictionary of array vector values replaces a
// key's row whole, whatever its length, leaving the other rows alone.
func TestDictPutArrayRow(t *testing.T) {
	cases := []struct {
		name    string
		row     []int32
		offsets []int64
		cells   []int32
	}{
		{"longer", []int32{7, 8, 9}, []int64{3, 5}, []int32{7, 8, 9, 4, 5}},
		{"shorter", []int32{7}, []int64{1, 3}, []int32{7, 4, 5}},
		{"same", []int32{7, 8}, []int64{2, 4}, []int32{7, 8, 4, 5}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			keys := NewInts([]int32{1, 2})
			d := NewDict(Int, ArrayOffset+Int)
			d.Put(keys, 0, &Vector{T: ArrayOffset + Int, I32: []int32{1, 2}, Offsets: []int64{2}}, 0)
			d.Put(keys, 1, &Vector{T: ArrayOffset + Int, I32: []int32{4, 5}, Offsets: []int64{2}}, 0)
			d.Put(keys, 0, ArrayOf(NewInts(c.row), []int64{int64(len(c.row))}), 0)
			require.Equal(t, c.offsets, d.Vals.Offsets)
			require.Equal(t, c.cells, d.Vals.I32)
		})
	}
}

// TestCellsArrayOf: Cells and ArrayOf convert between an array vector and
// its cells without copying.
func TestCellsArrayOf(t *testing.T) {
	av := &Vector{T: ArrayOffset + Double, F64: []float64{1, 2, 3}, Offsets: []int64{1, 3}}
	cells := av.Cells()
	require.Equal(t, Double, cells.T)
	require.Nil(t, cells.Offsets)
	require.Equal(t, 3, cells.Len())
	back := ArrayOf(cells, av.Offsets)
	require.Equal(t, av.T, back.T)
	require.Equal(t, 2, back.Len())
	require.Equal(t, []float64{2, 3}, back.Row(1).F64)
}
