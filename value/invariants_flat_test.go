//go:build invariants || race

package value

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// A cell writer given an array vector would write flat cell i, not row i:
// invariants builds stop it.
func TestCellWritersRefuseArrayVectors(t *testing.T) {
	av := &Vector{T: Double + ArrayOffset, F64: []float64{1, 2, 3}, Offsets: []int64{2, 3}}
	require.PanicsWithValue(t, "invariant: SetFrom on an array vector writes a cell, not a row", func() { av.SetFrom(1, av, 0) })
	require.PanicsWithValue(t, "invariant: SetNull on an array vector writes a cell, not a row", func() { av.SetNull(1) })
	require.NotPanics(t, func() { NewDoubles([]float64{1, 2}).SetFrom(0, NewDoubles([]float64{3}), 0) })
}
