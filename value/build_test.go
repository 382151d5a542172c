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
