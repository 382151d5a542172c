package streamengine_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// A table's columns saved by StateColumns come back through wire into
// a table of the engine's making; a state of another shape is refused.
func TestStateColumns(t *testing.T) {
	src := value.NewTable([]string{"s", "v"}, []*value.Vector{value.NewStrings(value.Symbol, []string{"a", "b"}), value.NewLongs([]int64{1, 2})})
	b, err := wire.Marshal(value.NewTuple([]value.Value{streamengine.StateColumns(src), value.NewLongs([]int64{7, 8})}), nil)
	require.NoError(t, err)
	v, _, err := wire.DecodeBytes(b)
	require.NoError(t, err)
	top, ok := streamengine.StateTuple(v, 2)
	require.True(t, ok)
	_, ok = streamengine.StateTuple(v, 3)
	require.False(t, ok)
	ints, ok := streamengine.StateLongs(top[1], 2)
	require.True(t, ok)
	require.Equal(t, []int64{7, 8}, ints)
	_, ok = streamengine.StateLongs(top[0], -1)
	require.False(t, ok)

	dst := value.NewTable([]string{"s", "v"}, []*value.Vector{value.NewTableColumn(value.Symbol, 0, 0), value.NewVector(value.Long, 0, 0)})
	require.NoError(t, streamengine.LoadColumns(dst, top[0]))
	require.Equal(t, 2, dst.Rows())
	require.Equal(t, "b", dst.Cols[0].StrAt(1))
	require.Equal(t, int64(2), dst.Cols[1].I64[1])

	for _, bad := range []value.Value{
		top[1], // not a tuple
		value.NewTuple([]value.Value{value.NewStrings(value.Symbol, []string{"a"})}),                                // too few columns
		value.NewTuple([]value.Value{value.NewStrings(value.Symbol, []string{"a"}), value.NewInts([]int32{1})}),     // another type
		value.NewTuple([]value.Value{value.NewStrings(value.Symbol, []string{"a"}), value.NewLongs([]int64{1, 2})}), // ragged
	} {
		dst := value.NewTable([]string{"s", "v"}, []*value.Vector{value.NewTableColumn(value.Symbol, 0, 0), value.NewVector(value.Long, 0, 0)})
		require.ErrorIs(t, streamengine.LoadColumns(dst, bad), streamengine.ErrState)
		require.Equal(t, 0, dst.Rows())
	}
}

// A state comes back with its parts after its version; another
// version, another number of parts or bytes of something else are
// refused.
func TestEncodeState(t *testing.T) {
	b, err := streamengine.EncodeState("test state 1", value.NewLongs([]int64{1, 2}), value.NewTuple(nil))
	require.NoError(t, err)
	parts, err := streamengine.DecodeState(b, "test state 1", 2)
	require.NoError(t, err)
	ints, ok := streamengine.StateLongs(parts[0], 2)
	require.True(t, ok)
	require.Equal(t, []int64{1, 2}, ints)
	_, ok = streamengine.StateTuple(parts[1], 0)
	require.True(t, ok)
	_, err = streamengine.DecodeState(b, "test state 2", 2)
	require.ErrorIs(t, err, streamengine.ErrState)
	_, err = streamengine.DecodeState(b, "test state 1", 3)
	require.ErrorIs(t, err, streamengine.ErrState)
	other, err := wire.Marshal(value.NewLongs([]int64{1}), nil)
	require.NoError(t, err)
	_, err = streamengine.DecodeState(other, "test state 1", 0)
	require.ErrorIs(t, err, streamengine.ErrState)
	_, err = streamengine.DecodeState([]byte{1}, "test state 1", 0)
	require.Error(t, err)
}

// TestDecodeStateHead: the head's numbers come back read; a head of
// another length, or a first part that is not a LONG vector, is refused.
func TestDecodeStateHead(t *testing.T) {
	b, err := streamengine.EncodeState("test state 1", value.NewLongs([]int64{1, 2}), value.NewTuple(nil))
	require.NoError(t, err)
	top, head, err := streamengine.DecodeStateHead(b, "test state 1", 2, 2)
	require.NoError(t, err)
	require.Equal(t, []int64{1, 2}, head)
	require.Len(t, top, 2)
	_, _, err = streamengine.DecodeStateHead(b, "test state 1", 2, 3)
	require.ErrorIs(t, err, streamengine.ErrState)
	_, _, err = streamengine.DecodeStateHead(b, "test state 2", 2, 2)
	require.ErrorIs(t, err, streamengine.ErrState)
	noHead, err := streamengine.EncodeState("test state 1", value.NewTuple(nil), value.NewTuple(nil))
	require.NoError(t, err)
	_, _, err = streamengine.DecodeStateHead(noHead, "test state 1", 2, -1)
	require.ErrorIs(t, err, streamengine.ErrState)
}

// TestStateHead: a tuple's first element read as its head; a head of
// another length, another number of parts or a non-tuple is refused.
func TestStateHead(t *testing.T) {
	v := value.NewTuple([]value.Value{value.NewLongs([]int64{3, 4}), value.NewDoubles([]float64{1})})
	parts, head, ok := streamengine.StateHead(v, 2, 2)
	require.True(t, ok)
	require.Equal(t, []int64{3, 4}, head)
	require.Len(t, parts, 2)
	for _, c := range []struct {
		v        value.Value
		n, heads int
	}{{v, 2, 1}, {v, 3, 2}, {value.NewLongs([]int64{3, 4}), 2, 2}, {value.NewTuple([]value.Value{value.NewDoubles(nil)}), 1, -1}} {
		_, _, ok := streamengine.StateHead(c.v, c.n, c.heads)
		require.False(t, ok)
	}
}

// TestLoadTimedRows: the rows come back with their times; times that
// are no LONG vector, or not one per row, are refused.
func TestLoadTimedRows(t *testing.T) {
	src := value.NewTable([]string{"v"}, []*value.Vector{value.NewLongs([]int64{5, 6})})
	newBuf := func() *value.Table {
		return value.NewTable([]string{"v"}, []*value.Vector{value.NewVector(value.Long, 0, 0)})
	}
	buf := newBuf()
	times, err := streamengine.LoadTimedRows(buf, value.NewLongs([]int64{10, 20}), streamengine.StateColumns(src))
	require.NoError(t, err)
	require.Equal(t, []int64{10, 20}, times)
	require.Equal(t, []int64{5, 6}, buf.Cols[0].I64)
	for _, bad := range []value.Value{value.NewLongs([]int64{10}), value.NewInts([]int32{10, 20})} {
		_, err := streamengine.LoadTimedRows(newBuf(), bad, streamengine.StateColumns(src))
		require.ErrorIs(t, err, streamengine.ErrState)
	}
	_, err = streamengine.LoadTimedRows(newBuf(), value.NewLongs([]int64{10, 20}), value.NewTuple(nil))
	require.ErrorIs(t, err, streamengine.ErrState)
}

// TestLoadTimedGroup: a group's counters, rows and own parts come back
// apart; a group of another number of parts or counters, or rows of
// other columns, is refused.
func TestLoadTimedGroup(t *testing.T) {
	dummy := value.NewTable([]string{"v"}, []*value.Vector{value.NewLongs(nil)})
	rows := value.NewTable([]string{"v"}, []*value.Vector{value.NewLongs([]int64{5, 6})})
	own := value.NewDoubles([]float64{1.5})
	group := func(cols value.Value) value.Value {
		return value.NewTuple([]value.Value{value.NewLongs([]int64{3, 4}), value.NewLongs([]int64{10, 20}), cols, own})
	}
	g, err := streamengine.LoadTimedGroup(group(streamengine.StateColumns(rows)), 4, 2, dummy)
	require.NoError(t, err)
	require.Equal(t, []int64{3, 4}, g.Head)
	require.Equal(t, []int64{10, 20}, g.Times)
	require.Equal(t, []int64{5, 6}, g.Buf.Cols[0].I64)
	require.Equal(t, []value.Value{own}, g.Rest)
	require.Equal(t, 0, dummy.Rows(), "the rows go to a table of dummy's columns, not to dummy")
	for _, c := range []struct {
		v        value.Value
		n, heads int
	}{
		{group(streamengine.StateColumns(rows)), 5, 2},
		{group(streamengine.StateColumns(rows)), 4, 3},
		{group(value.NewTuple([]value.Value{value.NewDoubles([]float64{5, 6})})), 4, 2},
	} {
		_, err := streamengine.LoadTimedGroup(c.v, c.n, c.heads, dummy)
		require.ErrorIs(t, err, streamengine.ErrState)
	}
}

// TestGroupsDecodeState: the head and the groups' keys come back read,
// into a table of Keys' columns; keys of other columns are refused.
func TestGroupsDecodeState(t *testing.T) {
	dummy := value.NewTable([]string{"k", "v"}, []*value.Vector{value.NewStrings(value.Symbol, nil), value.NewLongs(nil)})
	gs := streamengine.NewGroups[int](dummy, []int{0}, []string{"k"})
	saved := value.NewTable([]string{"k"}, []*value.Vector{value.NewStrings(value.Symbol, []string{"a", "b"})})
	b, err := streamengine.EncodeState("test state 1", value.NewLongs([]int64{2}), streamengine.StateColumns(saved), value.NewTuple(nil))
	require.NoError(t, err)
	top, head, keys, err := gs.DecodeState(b, "test state 1", 3, 1)
	require.NoError(t, err)
	require.Len(t, top, 3)
	require.Equal(t, []int64{2}, head)
	require.Equal(t, []string{"a", "b"}, []string{keys.Cols[0].StrAt(0), keys.Cols[0].StrAt(1)})
	require.Equal(t, 0, gs.Keys.Rows(), "the keys go to a fresh table")
	_, _, _, err = gs.DecodeState(b, "test state 1", 3, 2)
	require.ErrorIs(t, err, streamengine.ErrState)
	other, err := streamengine.EncodeState("test state 1", value.NewLongs([]int64{2}), value.NewTuple([]value.Value{value.NewLongs([]int64{1, 2})}), value.NewTuple(nil))
	require.NoError(t, err)
	_, _, _, err = gs.DecodeState(other, "test state 1", 3, 1)
	require.ErrorIs(t, err, streamengine.ErrState)
}
