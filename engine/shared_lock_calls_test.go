package engine_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/stretchr/testify/require"
)

// withinTimeout runs f, failing the test instead of hanging when it does
// not return in time (a deadlock).
func withinTimeout(t *testing.T, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("no result after %v: the sessions deadlocked", d)
	}
}

// twoSharedTables opens an engine sharing ta and tb, one INT column each.
func twoSharedTables(t *testing.T) *engine.Engine {
	t.Helper()
	e, _ := testkit.Started(t, "share table(1:0, `a, [INT]) as ta; share table(1:0, `a, [INT]) as tb")
	return e
}

// Issue 14.5: a statement appending to one shared table called a function
// reading the other, whose statement took that table's lock only when it
// ran. Two sessions doing so in opposite orders each held the lock the
// other waited for, for good. The plan now reaches into the functions a
// statement names, however it names them, and takes both locks up front
// in name order.
func TestSharedLocksPlannedThroughCalls(t *testing.T) {
	n := 1000
	if testing.Short() {
		n = 200
	}
	tests := []struct {
		name string
		// defs define reader, a function of no arguments reading ta;
		// call calls it.
		defs string
		call string
	}{
		{name: "a session's function", defs: "def reader() { return exec count(*) from ta }", call: "reader()"},
		{name: "through another function", defs: "def inner() { return exec count(*) from ta }\ndef reader() { x = 1; return inner() + x - 1 }", call: "reader()"},
		{name: "a recursive function", defs: "def reader(k) { if (k > 0) return reader(k - 1); return exec count(*) from ta }", call: "reader(2)"},
		{name: "a variable holding it", defs: "def f() { return exec count(*) from ta }\ng = f", call: "g()"},
		{name: "a partial application", defs: "def f(k) { return k + exec count(*) from ta }\ng = f{0}", call: "g()"},
		{name: "a lambda", defs: "", call: "each(x -> exec count(*) from ta, 1)[0]"},
		{name: "by name", defs: "def reader() { return exec count(*) from ta }", call: `funcByName("reader")()`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := twoSharedTables(t)
			forward := fmt.Sprintf("def sizeB() { return exec count(*) from tb }\nfor (j in til(%d)) { ta.append!(table(int(sizeB()) as a)) }", n)
			backward := fmt.Sprintf("%s\nfor (j in til(%d)) { tb.append!(table(int(%s) as a)) }", tt.defs, n, tt.call)
			withinTimeout(t, time.Minute, func() {
				for i, err := range runConcurrently(e, forward, backward) {
					require.NoError(t, err, "script %d", i)
				}
			})
			require.Equal(t, fmt.Sprint(2*n), testkit.RunAll(t, e, "size(ta) + size(tb)"))
		})
	}
}

// A call the plan can't see (a function fetched from a dictionary) takes
// its out-of-order lock without waiting inside a cycle: when the two
// sessions' statements deadlock, the out-of-order one fails with the
// Deadlock error and the other goes on. Every append either lands or
// reports the error; none is lost.
func TestSharedLockOutOfOrderNeverDeadlocks(t *testing.T) {
	n := 1000
	if testing.Short() {
		n = 200
	}
	e := twoSharedTables(t)
	forward := fmt.Sprintf("def sizeB() { return exec count(*) from tb }\nfor (j in til(%d)) { ta.append!(table(int(sizeB()) as a)) }", n)
	failed := 0
	withinTimeout(t, time.Minute, func() {
		errs := make(chan error, 1)
		go func() {
			_, err := e.NewSession().Run(forward)
			errs <- err
		}()
		s := e.NewSession()
		testkit.Run(t, s, "def sizeA() { return exec count(*) from ta }\nd = dict(STRING, ANY); d[`f] = sizeA")
		for j := 0; j < n; j++ {
			if _, err := s.Run("tb.append!(table(int(d[`f]()) as a))"); err != nil {
				require.ErrorContains(t, err, "Deadlock: the statement can't lock the shared object [ta]")
				failed++
			}
		}
		require.NoError(t, <-errs)
	})
	require.Equal(t, fmt.Sprint(2*n-failed), testkit.RunAll(t, e, "size(ta) + size(tb)"))
	t.Logf("%d of %d out-of-order statements failed", failed, n)
}
