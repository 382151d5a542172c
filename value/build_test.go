package value

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// An array vector's missing rows come out empty (pivot by over an array
// column with empty cells panicked in SetFrom).
func TestGatherOrNullArrayVector(t *testing.T) {
	av := &Vector{T: ArrayOffset + Int, I32: []int32{1, 2, 3}, Offsets: []int64{2, 3}}
	out := GatherOrNull(av, []int{1, -1, 0})
	require.Equal(t, 3, out.Len())
	require.Equal(t, []int64{1, 1, 3}, out.Offsets)
	require.Equal(t, []int32{3, 1, 2}, out.I32)
}

// TestAppendFromArrayRow: AppendFrom of an array vector appends the whole
// row, not the element at the row's index.
func TestAppendFromArrayRow(t *testing.T) {
	src := &Vector{T: ArrayOffset + Int, I32: []int32{1, 2, 3, 4, 5}, Offsets: []int64{2, 3, 5}}
	out := &Vector{T: ArrayOffset + Int}
	out.AppendFrom(src, 2)
	out.AppendFrom(src, 0)
	require.Equal(t, []int64{2, 4}, out.Offsets)
	require.Equal(t, []int32{4, 5, 1, 2}, out.I32)
}

// Gathering only missing rows from an empty DECIMAL column keeps its
// scale (an unmatched join over an empty right table).
func TestGatherOrNullEmptyKeepsScale(t *testing.T) {
	empty := NewVector(Decimal64, 0, 0)
	empty.Scale = 3
	out := GatherOrNull(empty, []int{-1, -1})
	require.Equal(t, 2, out.Len())
	require.EqualValues(t, 3, out.Scale)
	require.True(t, out.IsNull(0) && out.IsNull(1))
}

// TestCells: an array vector's cells are a plain vector over the same
// memory, and rows read through them.
func TestCells(t *testing.T) {
	av := &Vector{T: ArrayOffset + Double, F64: []float64{1, 2, 3}, Offsets: []int64{1, 3}}
	cells := av.Cells()
	require.Equal(t, Double, cells.T)
	require.Nil(t, cells.Offsets)
	require.Equal(t, 3, cells.Len())
	require.Equal(t, []float64{2, 3}, av.Row(1).F64)
	require.True(t, (&Vector{T: ArrayOffset + Int, I32: []int32{1, NullInt32}, Offsets: []int64{2}}).HasNull())
}
