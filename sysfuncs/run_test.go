package sysfuncs_test

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/internal/testkit"
)

// waitFor polls script until it succeeds with want or the time is up.
func waitFor(t *testing.T, s *engine.Session, script, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var last string
	for time.Now().Before(deadline) {
		v, err := s.Run(script)
		if err == nil && v != nil {
			if last = v.String(); last == want {
				return
			}
		} else if err != nil {
			last = err.Error()
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s: got %q, want %q", script, last, want)
}

// TestScheduledJobRunsAndSurvivesRestart schedules a job built from the
// session's own function (a partial application with a callback), checks
// it is saved, restarts the engine, and checks that the reloaded job runs
// when the engine's clock reaches its time.
func TestScheduledJobRunsAndSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	start := time.Date(2024, 3, 5, 9, 0, 0, 0, time.Local)
	e, err := engine.Open(engine.Options{DataDir: dir, Now: func() time.Time { return start }})
	require.NoError(t, err)
	s := e.NewSession()
	testkit.Run(t, s, `def add3(a, b, c): a + b + c
		def note(jobId, jobDesc, success, result) { print("callback " + jobId + " " + string(success) + " " + string(result)) }`)
	require.Equal(t, "calc", testkit.Run(t, s, `scheduleJob("calc", "add", add3{1, 2, 0}, 09:01m, 2024.03.01, 2024.03.31, 'D', , note{})`))
	require.Equal(t, "calc20240305", testkit.Run(t, s, `scheduleJob("calc", "again", add3{1, 2, 0}, 10:00m, 2024.03.01, 2024.03.31, 'D')`))
	testkit.Run(t, s, `deleteScheduledJob("calc20240305")`)
	require.NoError(t, e.Close())

	e, err = engine.Open(engine.Options{DataDir: dir, Now: func() time.Time { return start }})
	require.NoError(t, err)
	defer e.Close()
	s = e.NewSession()
	require.Equal(t, "[\"calc\"]", testkit.Run(t, s, `exec jobId from getScheduledJobs()`))
	// Nothing is due yet.
	time.Sleep(1500 * time.Millisecond)
	_, err = s.Run(`getJobReturn("calc")`)
	require.Error(t, err)

	e.SetNow(func() time.Time { return start.Add(2 * time.Minute) })
	waitFor(t, s, `getJobReturn("calc", true)`, "3")
	// add3{1, 2, 0} lacks its third argument until called; the job called it
	// with none, so... the result is the partial's own: see below.
	msgs := testkit.Run(t, s, `getJobMessage("calc")`)
	require.Contains(t, msgs, "callback calc true 3")
}

// TestDumpHeapSampleWritesProfile checks that dumpHeapSample writes a
// gzip-compressed pprof profile where it is told.
func TestDumpHeapSampleWritesProfile(t *testing.T) {
	e, err := engine.Open(engine.Options{})
	require.NoError(t, err)
	defer e.Close()
	s := e.NewSession()
	file := filepath.Join(t.TempDir(), "heap1")
	testkit.Run(t, s, `startHeapSample(524288); dumpHeapSample("`+file+`"); stopHeapSample()`)
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	require.Greater(t, len(b), 2)
	require.Equal(t, []byte{0x1f, 0x8b}, b[:2]) // pprof profiles are gzipped
	runtime.MemProfileRate = 512 * 1024
}
