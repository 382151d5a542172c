package memlimit

import (
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// The defaults derive from maxMemSize as the manual says: the query
// result limit is half of it (at most 8 GB), the task-group limit 20% (at
// most 2 GB); a configured value wins over the default and a set one
// over both.
func TestDefaultsFollowMaxMemSize(t *testing.T) {
	l := New(Configured{MaxMemSizeGB: 4, MaxConnections: 512})
	require.Equal(t, float64(2<<30), l.QueryResultBytes())
	require.Equal(t, 0.2*float64(4<<30), l.taskGroupBytes())
	require.Equal(t, 512, l.MaxConnections())

	l = New(Configured{MaxMemSizeGB: 64, QueryResultGB: 1})
	require.Equal(t, float64(1<<30), l.QueryResultBytes())
	require.Equal(t, float64(2<<30), l.taskGroupBytes())
	set := 3.0
	l.queryResult.Store(&set)
	require.Equal(t, 3.0, l.QueryResultBytes())
}

// Reserve refuses what would pass the cap and lets small requests
// through without reading the heap.
func TestReserve(t *testing.T) {
	l := New(Configured{MaxMemSizeGB: 1})
	require.NoError(t, l.ReserveElems(1000))
	require.ErrorIs(t, l.ReserveElems(1<<30), ErrOutOfMemory)
	require.ErrorIs(t, l.ReserveElems(1<<41), ErrOutOfMemory)
	require.NoError(t, l.Reserve(smallAlloc-1))
}

// Garbage left by finished work does not count against the cap: with the
// collector off, 300 MB of dropped slices would make a 300 MB request
// pass a 512 MB cap, so Reserve must collect before it refuses.
func TestReserveCollectsGarbageFirst(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	runtime.GC()
	l := New(Configured{MaxMemSizeGB: 0.5})
	for i := 0; i < 3; i++ {
		garbage = make([]byte, 100<<20)
		for j := range garbage {
			garbage[j] = byte(j)
		}
	}
	garbage = nil
	require.NoError(t, l.Reserve(300<<20))
}

// garbage keeps the test's allocations on the heap until it drops them.
var garbage []byte

// A user's own limit replaces the server's for that user's queries.
func TestCheckQueryResult(t *testing.T) {
	l := New(Configured{MaxMemSizeGB: 4, QueryResultGB: 0.001})
	big := value.NewVector(value.Long, 1<<18, 1<<18) // 2 MB
	require.ErrorContains(t, l.CheckQueryResult(big, 0), "exceeds memLimitOfQueryResult")
	require.NoError(t, l.CheckQueryResult(big, 1))
	require.NoError(t, l.CheckQueryResult(nil, 0))
}

// A coded STRING vector is estimated at its 4-byte codes, not at string
// headers it does not hold.
func TestEstimateCodedStrings(t *testing.T) {
	plain := value.NewStrings(value.String, []string{"A", "B", "A", "B"})
	require.Equal(t, int64(16), EstimateBytes(plain.Coded()))
	require.Greater(t, EstimateBytes(plain), int64(4*16))
}

// The query-result and task-group limits are set in GB, stored in bytes,
// and must stay below their share of maxMemSize.
func TestResultLimits(t *testing.T) {
	for _, c := range []struct {
		name     string
		set      limitFn
		get      func(*Limits) float64
		ok, over float64
		tooLarge string
	}{
		{"setMemLimitOfQueryResult", setMemLimitOfQueryResult, (*Limits).QueryResultBytes, 3, 3.2, "memLimit must be less than 80% * maxMemSize."},
		{"setMemLimitOfTaskGroupResult", setMemLimitOfTaskGroupResult, (*Limits).taskGroupBytes, 1.5, 2, "memLimit must be less than 50% * maxMemSize."},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := New(Configured{MaxMemSizeGB: 4})
			_, err := c.set(l, []value.Value{value.NewDouble(c.ok)})
			require.NoError(t, err)
			require.Equal(t, c.ok*(1<<30), c.get(l))
			_, err = c.set(l, []value.Value{value.NewDouble(c.over)})
			require.EqualError(t, err, c.tooLarge)
			_, err = c.set(l, []value.Value{value.NewDouble(0)})
			require.EqualError(t, err, "memLimit must be a positive numeric scalar.")
			require.Equal(t, c.ok*(1<<30), c.get(l))
		})
	}
}

// Without maxMemSize the cap is 80% of physical memory, or three
// quarters of the address-space limit when one is set and lower: under ulimit -v the
// runtime aborts on the first mapping past the limit, long before 80% of
// a large machine's memory is live.
func TestCapOfFollowsTheAddressSpaceLimit(t *testing.T) {
	const gb = int64(1 << 30)
	cases := []struct {
		name    string
		mem, as int64
		want    int64
	}{
		{"physical memory only", 20 * gb, 0, 16 * gb},
		{"address space lower", 20 * gb, 12 * gb, 9 * gb},
		{"address space higher", 20 * gb, 100 * gb, 16 * gb},
		{"address space only", 0, 12 * gb, 9 * gb},
		{"neither known", 0, 0, 0},
	}
	for _, c := range cases {
		require.Equal(t, c.want, capOf(c.mem, c.as), c.name)
	}
}
