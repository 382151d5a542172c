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
	coded := NewStrings(String, []string{"a", "b", "a"}).Coded()
	require.NotPanics(t, func() { CheckCoded(coded) })
	require.NotPanics(t, func() { CheckTable(NewTable([]string{"s"}, []*Vector{coded})) })
	bad := &Vector{T: String, I32: []int32{1, 3}, Syms: coded.Syms}
	require.PanicsWithValue(t, "invariant: symbol code 3 at 1 outside a dictionary of 2", func() { CheckCoded(bad) })
	require.PanicsWithValue(t, "invariant: symbol code 3 at 1 outside a dictionary of 2", func() {
		CheckTable(NewTable([]string{"s"}, []*Vector{bad}))
	})
	require.PanicsWithValue(t, "invariant: a INT vector has a symbol base", func() { CheckCoded(&Vector{T: Int, I32: []int32{1}, Syms: coded.Syms}) })
	require.PanicsWithValue(t, "invariant: a coded STRING vector also holds 1 strings", func() {
		CheckCoded(&Vector{T: String, I32: []int32{1}, Str: []string{"a"}, Syms: coded.Syms})
	})
}
