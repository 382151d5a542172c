package sharedobj

import (
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// A handle is found by identity, not listed by name; dropping it frees
// its name but keeps its lock while the table lives, and the catalog
// forgets the lock once the table is collected.
func TestHandles(t *testing.T) {
	var c Catalog
	newHandle := func() *value.Table {
		return &value.Table{Names: []string{"a"}, Cols: []*value.Vector{value.NewInts([]int32{1})}, Handle: true}
	}
	old := newHandle()
	require.True(t, c.PutHandle("ipc", old))
	require.False(t, c.PutHandle("ipc", newHandle()), "the name is taken")
	require.Nil(t, c.Get("ipc"))
	require.Empty(t, c.All())
	require.Equal(t, 1, c.Len())
	found := c.Find(nil, []value.Value{old, value.NewString("ipc")})
	require.Len(t, found, 1)
	require.Same(t, old, found[0].Obj.value())

	require.True(t, c.DropHandle("ipc"))
	require.False(t, c.DropHandle("ipc"))
	_, ok := c.Handle("ipc")
	require.False(t, ok)
	require.Equal(t, found, c.Find(nil, []value.Value{old}), "a dropped table's holders keep its lock")

	fresh := newHandle()
	require.True(t, c.PutHandle("ipc", fresh))
	again := c.Find(nil, []value.Value{fresh})
	require.Len(t, again, 1)
	require.NotEqual(t, found[0].Name, again[0].Name, "lock order keys stay distinct")
	require.Equal(t, 2, c.Len())

	old, found = nil, nil
	require.Eventually(t, func() bool {
		runtime.GC()
		return c.Len() == 1
	}, 5*time.Second, 10*time.Millisecond)
	runtime.KeepAlive(fresh)
}
