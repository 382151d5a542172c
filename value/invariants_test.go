//go:build invariants || race

package value

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestInvariantChecks(t *testing.T) {
	require.True(t, Invariants)
	require.NotPanics(t, func() { CheckTable(NewTable([]string{"a", "b"}, []*Vector{NewInts([]int32{1}), NewInts([]int32{2})})) })
	require.PanicsWithValue(t, "invariant: column b has 2 rows, column a 1", func() {
		CheckTable(NewTable([]string{"a", "b"}, []*Vector{NewInts([]int32{1}), NewInts([]int32{2, 3})}))
	})
	require.NotPanics(t, func() { CheckCodes([]int32{0, 1, 2}, 2) })
	require.PanicsWithValue(t, "invariant: symbol code 3 at 1 outside a dictionary of 2", func() { CheckCodes([]int32{0, 3}, 2) })
}
