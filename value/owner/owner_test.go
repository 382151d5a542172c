package owner

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

func longs(xs ...int64) *value.Vector { return value.NewLongs(xs) }

func TestOwnColumns(t *testing.T) {
	x := longs(1, 2, 3)
	inTuple := longs(4, 5, 6)
	tuple := value.NewVector(value.Any, 0, 2)
	tuple.Any = append(tuple.Any, value.NewLong(7), inTuple)
	inHandle := longs(8, 9, 10)
	handle := value.NewTable([]string{"h"}, []*value.Vector{inHandle})
	handle.Handle = true
	vars := map[string]value.Value{"x": x, "tup": tuple, "s": value.NewLong(1), "h": handle}
	exposedCol := longs(11, 12, 13)
	exposed := func(v value.Value) bool { return v == exposedCol }

	fresh := longs(1, 2, 3)
	for _, tc := range []struct {
		name   string
		cols   []*value.Vector
		copied []bool
	}{
		{"fresh columns stay", []*value.Vector{fresh}, []bool{false}},
		{"a variable's vector is copied", []*value.Vector{x}, []bool{true}},
		{"a slice of a variable is copied", []*value.Vector{x.Slice(0, 3)}, []bool{true}},
		{"a tuple's element is copied", []*value.Vector{inTuple}, []bool{true}},
		{"a handle table's column is left to exposed", []*value.Vector{inHandle}, []bool{false}},
		{"an exposed shared object's column is copied", []*value.Vector{exposedCol}, []bool{true}},
		{"a column repeated is copied the second time", []*value.Vector{fresh, fresh}, []bool{false, true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cols := append([]*value.Vector(nil), tc.cols...)
			names := []string{"a", "b"}[:len(cols)]
			tb := value.NewTable(names, cols)
			OwnColumns(vars, tb, exposed)
			for i, c := range tc.cols {
				require.Equal(t, tc.copied[i], tb.Cols[i] != c, "column %d", i)
				require.Equal(t, c.Len(), tb.Cols[i].Len())
				if tc.copied[i] {
					require.False(t, value.SharesStorage(c, tb.Cols[i]), "column %d still shares", i)
				}
			}
		})
	}
}

func TestReached(t *testing.T) {
	x := longs(1, 2, 3)
	y := longs(4, 5, 6)
	tb := value.NewTable([]string{"c"}, []*value.Vector{y})
	vars := map[string]value.Value{"x": x, "t": tb}
	require.True(t, Reached(vars, "", []*value.Vector{x}))
	require.False(t, Reached(vars, "x", []*value.Vector{x}), "the target's own binding is replaced")
	require.True(t, Reached(vars, "x", []*value.Vector{y}), "a table's column")
	require.False(t, Reached(vars, "", []*value.Vector{longs(1)}))
	tb.Handle = true
	require.False(t, Reached(vars, "", []*value.Vector{y}), "a handle is checked by the caller")
}
