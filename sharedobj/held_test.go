package sharedobj

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// mustLock is h.Lock, which must succeed.
func mustLock(t *testing.T, h *Held, objs []Entry, write bool) func() {
	t.Helper()
	release, err := h.Lock(objs, write)
	require.NoError(t, err)
	return release
}

// catalogOf shares a one-row table under each name.
func catalogOf(names ...string) *Catalog {
	c := &Catalog{}
	for _, n := range names {
		c.Put(n, value.NewTable([]string{"x"}, []*value.Vector{value.NewInts([]int32{1})}), "admin")
	}
	return c
}

// An out-of-order lock (b held, a wanted) waits while its holder is
// merely busy, and fails with the Deadlock error, its own locks
// released, when the holder waits in order for a lock it holds.
func TestHeldLockOutOfOrder(t *testing.T) {
	for _, tt := range []struct {
		name string
		// theirs holds a; then, when waitsForB, waits for b too.
		waitsForB bool
		wantErr   error
	}{
		{name: "holder busy, then done", wantErr: nil},
		{name: "holder waits for ours", waitsForB: true, wantErr: ddberr.Errorf("Deadlock: the statement can't lock the shared object [%s], which a session waiting for a lock this statement holds has. Run the statement again.", "a")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := catalogOf("a", "b")
			var mine, theirs Held
			releaseB := mustLock(t, &mine, c.Find([]string{"b"}, nil), true)
			releaseA := mustLock(t, &theirs, c.Find([]string{"a"}, nil), true)
			theirsDone := make(chan struct{})
			go func() {
				defer close(theirsDone)
				if tt.waitsForB {
					defer mustLock(t, &theirs, c.Find([]string{"b"}, nil), true)()
				} else {
					time.Sleep(20 * time.Millisecond)
				}
				releaseA()
			}()
			release, err := mine.Lock(c.Find([]string{"a"}, nil), false)
			if tt.wantErr != nil {
				require.EqualError(t, err, tt.wantErr.Error())
				require.Equal(t, []string{"b"}, mine.names(), "the failed Lock keeps only what was held before")
			} else {
				require.NoError(t, err)
				require.Equal(t, []string{"a", "b"}, mine.names())
				release()
			}
			releaseB()
			<-theirsDone
			require.Empty(t, mine.names())
			require.Empty(t, c.Get("a").holding(nil))
			require.Empty(t, c.Get("b").holding(nil))
		})
	}
}

// Under value.Invariants, a wait for a lock that sorts before one the
// session holds panics with both names: only lockOutOfOrder may take
// such a lock.
func TestHeldWaitOutOfOrderPanics(t *testing.T) {
	if !value.Invariants {
		t.Skip("needs -tags invariants or -race")
	}
	c := catalogOf("a", "b")
	var h Held
	defer mustLock(t, &h, c.Find([]string{"b"}, nil), true)()
	require.PanicsWithValue(t, `invariant: waiting for the lock of shared object "a" while holding ["b"]`, func() {
		h.wait(Entry{"a", c.Get("a")}, true)
	})
	require.NotPanics(t, func() {
		var other Held
		other.wait(Entry{"a", c.Get("a")}, true)
		c.Get("a").unhold(&other, true)
	})
}

// Unlocked releases every lock the statement holds while wait runs (so
// another session can write an object the statement only read), then
// takes them again for what they were held for, and the statement's
// release still releases them.
func TestHeldUnlocked(t *testing.T) {
	c := catalogOf("r", "w")
	var mine, theirs Held
	releaseR := mustLock(t, &mine, c.Find([]string{"r"}, nil), false)
	releaseW := mustLock(t, &mine, c.Find([]string{"w"}, nil), true)
	mine.Unlocked(func() {
		require.Empty(t, mine.names())
		require.Empty(t, c.Get("r").holding(nil))
		require.Empty(t, c.Get("w").holding(nil))
		mustLock(t, &theirs, c.Find([]string{"r", "w"}, nil), true)()
	})
	require.Equal(t, []string{"r", "w"}, mine.names())
	require.True(t, c.Get("r").mu.TryRLock(), "r is held for reading again")
	c.Get("r").mu.RUnlock()
	require.False(t, c.Get("w").mu.TryRLock(), "w is held for writing again")
	releaseW()
	releaseR()
	require.Empty(t, mine.names())
	require.True(t, c.Get("w").mu.TryLock())
	c.Get("w").mu.Unlock()
	require.True(t, c.Get("r").mu.TryLock())
	c.Get("r").mu.Unlock()
}

// TryLock takes every lock or none: it fails, holding nothing new, while
// another session holds one of them, skips those its session holds, and
// succeeds once they are free.
func TestHeldTryLock(t *testing.T) {
	c := catalogOf("a", "b", "c")
	var mine, theirs Held
	releaseA := mustLock(t, &mine, c.Find([]string{"a"}, nil), false)
	releaseC := mustLock(t, &theirs, c.Find([]string{"c"}, nil), false)

	_, ok := mine.TryLock(c.Find([]string{"a", "b", "c"}, nil), true)
	require.False(t, ok)
	require.Equal(t, []string{"a"}, mine.names(), "a failed TryLock keeps nothing it took")

	releaseC()
	release, ok := mine.TryLock(c.Find([]string{"a", "b", "c"}, nil), true)
	require.True(t, ok)
	require.Equal(t, []string{"a", "b", "c"}, mine.names())
	_, ok = theirs.TryLock(c.Find([]string{"b"}, nil), false)
	require.False(t, ok, "b is held for writing")

	release()
	require.Equal(t, []string{"a"}, mine.names(), "the release keeps the lock held before")
	releaseA()
	release, ok = theirs.TryLock(c.Find([]string{"a", "b"}, nil), true)
	require.True(t, ok)
	release()
}

// A Held working within another counts the other's locks as its own
// until restored, and takes the rest itself; a guarded table is locked
// by identity.
func TestHeldWithin(t *testing.T) {
	c := catalogOf("a", "b")
	guarded := value.NewTable([]string{"x"}, []*value.Vector{value.NewInts([]int32{1})})
	c.Guard(guarded)
	require.True(t, guarded.Handle)
	var caller, engine Held
	defer mustLock(t, &caller, c.Find([]string{"a"}, []value.Value{guarded}), true)()

	restore := engine.Within(&caller)
	release := mustLock(t, &engine, c.Find([]string{"a", "b"}, []value.Value{guarded}), true)
	require.Equal(t, []string{"b"}, engine.names(), "a and the guarded table are the caller's")
	release()
	restore()

	_, ok := engine.TryLock(c.Find(nil, []value.Value{guarded}), false)
	require.False(t, ok, "restored, the caller's locks are another session's")
}
