package ctxby_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	_ "github.com/porpoisedb/porpoise/funcs/all"
	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/query/ctxby"
	"github.com/porpoisedb/porpoise/value"
)

// segmentRows is five groups of 0, 1, 3, 0 and 4 rows, one NULL.
var segmentRows = struct {
	x      []int64
	starts []int
}{[]int64{5, 1, 2, 3, 4, value.NullInt64, 6, 7}, []int{0, 0, 1, 4, 4, 8}}

func TestPerSegmentRestartsEachGroup(t *testing.T) {
	env := &fakeenv.Func{Ctx: context.Background()}
	spec, ok := funcs.Lookup("cumsum")
	require.True(t, ok)
	x := value.NewLongs(segmentRows.x)
	got, perGroup, ok, err := ctxby.PerSegment(env, spec, []value.Value{x}, segmentRows.starts)
	require.NoError(t, err)
	require.True(t, ok, "cumsum runs on each group's rows")
	require.False(t, perGroup)
	require.Equal(t, []int64{5, 1, 3, 6, 4, 4, 10, 17}, got.(*value.Vector).I64)

	// a scalar per group is repeated over the group, and said so
	spec, _ = funcs.Lookup("size")
	got, perGroup, ok, err = ctxby.PerSegment(env, spec, []value.Value{x}, segmentRows.starts)
	require.NoError(t, err)
	require.True(t, ok)
	require.True(t, perGroup)
	require.Equal(t, []int32{1, 3, 3, 3, 4, 4, 4, 4}, got.(*value.Vector).I32)

	// a result of another length than its group's rows: per group
	spec, _ = funcs.Lookup("distinct")
	ones := value.NewLongs([]int64{1, 1, 1, 1, 1, 1, 1, 1})
	_, _, ok, err = ctxby.PerSegment(env, spec, []value.Value{ones}, segmentRows.starts)
	require.NoError(t, err)
	require.False(t, ok)
}

func TestReachNullsEachGroupsEdge(t *testing.T) {
	env := &fakeenv.Func{Ctx: context.Background()}
	x := value.NewLongs(segmentRows.x)
	null := value.NullInt64
	for _, tc := range []struct {
		name string
		args []value.Value
		want []int64
	}{
		{"prev", nil, []int64{null, null, 1, 2, null, 4, null, 6}},
		{"next", nil, []int64{null, 2, 3, null, null, 6, 7, null}},
		{"move", []value.Value{value.NewLong(2)}, []int64{null, null, null, 1, null, null, 4, null}},
		{"move", []value.Value{value.NewLong(-2)}, []int64{null, 3, null, null, 6, 7, null, null}},
	} {
		spec, ok := funcs.Lookup(tc.name)
		require.True(t, ok)
		got, ok, err := spec.Segmented(env, append([]value.Value{x}, tc.args...), segmentRows.starts)
		require.NoError(t, err)
		require.True(t, ok, tc.name)
		require.Equal(t, tc.want, got.(*value.Vector).I64, "%s %v", tc.name, tc.args)
	}
	spec, _ := funcs.Lookup("move")
	_, ok, err := spec.Segmented(env, []value.Value{x, value.NewLong(0)}, segmentRows.starts)
	require.NoError(t, err)
	require.False(t, ok, "move by 0 returns X itself: per group")
}
