package engine

import (
	"runtime"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// startConsoleJob runs script in s in the background and returns its
// console job's root id, as watcher sees it, and the channel the script's
// error arrives on.
func startConsoleJob(t *testing.T, s, watcher *Session, script string) (string, <-chan error) {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := s.Run(script)
		done <- err
	}()
	return waitConsoleJob(t, watcher, script), done
}

// waitConsoleJob polls getConsoleJobs from s until a job whose desc is
// desc runs, and returns its rootJobId.
func waitConsoleJob(t *testing.T, s *Session, desc string) string {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		v := mustRun(t, s, "getConsoleJobs()")
		tb := v.(*value.Table)
		descs, roots := tb.Column("desc"), tb.Column("rootJobId")
		for i, d := range descs.Str {
			if d == desc {
				return roots.Str[i]
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("no console job %q", desc)
	return ""
}

// Issue 12: `do {} while(true)` could not be stopped. Another session
// finds it with getConsoleJobs and cancels it with cancelConsoleJob; the
// loop ends with DolphinDB's cancel text and the session stays usable.
func TestCancelConsoleJobStopsLoop(t *testing.T) {
	e := memEngine(t)
	a, b := e.NewSession(), e.NewSession()
	root, done := startConsoleJob(t, a, b, "do {} while(true)")
	mustRun(t, b, `cancelConsoleJob("`+root+`")`)
	select {
	case err := <-done:
		require.EqualError(t, err, "The job was cancelled.")
	case <-time.After(5 * time.Second):
		t.Fatal("the loop was not cancelled")
	}
	require.Equal(t, "2", mustRun(t, a, "1+1").String())
	// unknown ids are ignored
	mustRun(t, b, `cancelConsoleJob(["nope", "nada"])`)
}

// A guest may not cancel another user's job; its owner may.
func TestCancelConsoleJobOwnership(t *testing.T) {
	e, err := Open(Options{Users: map[string]string{"admin": "123456", "u1": "p1"}})
	require.NoError(t, err)
	defer e.Close()
	a := e.NewSession()
	guest := e.NewGuestSession()
	root, done := startConsoleJob(t, a, guest, "do { sleep(1) } while(true)")
	mustRun(t, guest, `cancelConsoleJob("`+root+`")`)
	select {
	case <-done:
		t.Fatal("a guest cancelled admin's job")
	case <-time.After(100 * time.Millisecond):
	}
	a2 := e.NewSession()
	mustRun(t, a2, `cancelConsoleJob(exec rootJobId from getConsoleJobs() where desc like "do {%")`)
	require.EqualError(t, <-done, "The job was cancelled.")
}

// cancelJob stops a submitJob job; getJobReturn then reports the
// cancellation and the job's error in getRecentJobs says so.
func TestCancelJob(t *testing.T) {
	e, err := Open(Options{})
	require.NoError(t, err)
	defer e.Close()
	s := e.NewSession()
	_, err = s.Run(`def spin() { do { sleep(1) } while(true) }
submitJob("spin", "", spin)`)
	require.NoError(t, err)
	mustRun(t, s, `cancelJob("spin"); cancelJob("no such job")`)
	_, err = s.Run(`getJobReturn("spin", true)`)
	require.EqualError(t, err, `getJobReturn("spin", true) => The job was cancelled.`)
	v := mustRun(t, s, `exec errorMsg from getRecentJobs() where jobId="spin"`)
	require.Equal(t, []string{"The job was cancelled."}, v.(*value.Vector).Str)
}

// getSessionMemoryStat lists the cache rows, then every open session with
// its user and a memory estimate that grows with its variables; Close and
// closeSessions remove sessions.
func TestSessionMemoryStat(t *testing.T) {
	e := memEngine(t)
	a := e.NewSession()
	g := e.NewGuestSession()
	mustRun(t, a, "x = 1..1000000")
	v := mustRun(t, a, "getSessionMemoryStat()")
	tb := v.(*value.Table)
	require.Equal(t, []string{"userId", "sessionId", "memSize", "remoteIP", "remotePort", "createTime", "lastActiveTime"}, tb.Names)
	types := []value.Type{value.String, value.Long, value.Long, value.String, value.Int, value.Timestamp, value.Timestamp}
	for i, c := range tb.Cols {
		require.Equal(t, types[i], c.T, tb.Names[i])
	}
	users, ids, mem := tb.Column("userId").Str, tb.Column("sessionId").I64, tb.Column("memSize").I64
	require.Equal(t, "__DimensionalTable__", users[0])
	row := func(id int64) int {
		for i, x := range ids {
			if x == id {
				return i
			}
		}
		return -1
	}
	ra, rg := row(a.PublicID()), row(g.PublicID())
	require.GreaterOrEqual(t, ra, 0)
	require.GreaterOrEqual(t, rg, 0)
	require.Equal(t, "admin", users[ra])
	require.Equal(t, "guest", users[rg])
	require.GreaterOrEqual(t, mem[ra], int64(4_000_000))
	require.Less(t, mem[rg], int64(1000))

	mustRun(t, a, "closeSessions("+value.NewLong(g.PublicID()).String()+"l)")
	g2 := e.NewGuestSession()
	g2.Close()
	v = mustRun(t, a, "exec sessionId from getSessionMemoryStat() where not isNull(sessionId)")
	require.NotContains(t, v.(*value.Vector).I64, g.PublicID())
	require.NotContains(t, v.(*value.Vector).I64, g2.PublicID())
	require.Contains(t, v.(*value.Vector).I64, a.PublicID())
}

// The registry holds sessions weakly: embedded sessions dropped without
// Close leave it when collected, so it can't leak their variables.
func TestRegistryDoesNotKeepSessionsAlive(t *testing.T) {
	e := memEngine(t)
	base := e.Sessions()
	for range 100 {
		s := e.NewSession()
		mustRun(t, s, "x = 1..1000")
	}
	deadline := time.Now().Add(5 * time.Second)
	for e.Sessions() > base && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	require.Equal(t, base, e.Sessions())
}

// getPerf answers DolphinDB's keys as a STRING->DOUBLE dictionary with
// the query times of the requests run before it.
func TestGetPerf(t *testing.T) {
	v := mustRun(t, memSession(t, "sleep(20)"), "getPerf()")
	d := v.(*value.Dict)
	require.Equal(t, value.String, d.Keys.T)
	require.Equal(t, value.Double, d.Vals.T)
	for _, k := range []string{"runningJobs", "jobLoad", "avgLoad", "queuedJobs", "lastMinuteNetworkSend",
		"lastMinuteNetworkRecv", "lastMinuteReadVolume", "lastMinuteWriteVolume", "lastMsgLatency", "cumMsgLatency",
		"maxLast10QueryTime", "maxLast100QueryTime", "medLast10QueryTime", "medLast100QueryTime",
		"maxRunningQueryTime", "diskFreeSpaceRatio", "diskReadRate", "diskWriteRate", "diskFreeSpace", "diskCapacity",
		"cpuUsage", "memoryAlloc", "memoryUsed", "networkSendRate", "networkRecvRate", "connectionNum"} {
		require.Contains(t, d.Keys.Str, k)
	}
	get := func(k string) float64 {
		for i, x := range d.Keys.Str {
			if x == k {
				return d.Vals.F64[i]
			}
		}
		return -1
	}
	require.GreaterOrEqual(t, get("maxLast10QueryTime"), float64(20*time.Millisecond))
	require.Equal(t, 1.0, get("runningJobs")) // getPerf's own request
	require.Greater(t, get("memoryUsed"), 0.0)
}
