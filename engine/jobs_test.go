package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/config"
)

// A job keeps calling a user function while its session goes on defining
// functions; under -race a definitions map shared between the two would
// be reported.
func TestJobDefinitionsAreASnapshot(t *testing.T) {
	s := memSession(t, `def f(n) { s = 0; for (i in 1..n) { s = s + g(i) }; return s }
def g(x) { return x }
submitJob("j", "", f, 20000)`)
	for k := 0; k < 200; k++ {
		mustRun(t, s, fmt.Sprintf("def h%d(x) { return x + %d }", k, k))
	}
	// redefining g after submission does not change the running job
	mustRun(t, s, "def g(x) { return 0 }")
	require.Equal(t, "200010000", mustRun(t, s, `getJobReturn("j", true)`).String())
}

// Issue 12: a submitJob running `do {} while(true)` held Engine.Close
// for its full 30 s wait. Close now cancels the jobs it owns.
func TestCloseCancelsRunningJobs(t *testing.T) {
	e, err := Open(Options{InMemory: true})
	require.NoError(t, err)
	_, err = e.NewSession().Run(`def spin() { do {} while(true) }
submitJob("spin", "", spin)`)
	require.NoError(t, err)
	start := time.Now()
	require.NoError(t, e.Close())
	require.Less(t, time.Since(start), 5*time.Second)
}

// Issue 12: submitJob results were kept forever in memory (ten 80 MB
// jobs held 765 MB). As DolphinDB does, a finished job's return object
// and messages are written to batchJobDir (<data-dir>/batchJobs by
// default), with batchJob.log, and getJobReturn reads them back any
// number of times.
func TestJobResultsOnDisk(t *testing.T) {
	dir := t.TempDir()
	e, err := Open(Options{DataDir: dir})
	require.NoError(t, err)
	defer e.Close()
	s := e.NewSession()
	mustRun(t, s, `def big(n) { print("rows " + n); return 1..n }`)
	for i := range 6 {
		mustRun(t, s, fmt.Sprintf(`getJobReturn(submitJob("big%d", "", big, 1000000), true)`, i))
	}
	for i := range 6 {
		require.Equal(t, "1000000 true", mustRun(t, s, fmt.Sprintf(`r = getJobReturn("big%d"); string(size(r)) + " " + string(sum(r) == sum(1..1000000))`, i)).String())
		_, err = os.Stat(filepath.Join(dir, "batchJobs", fmt.Sprintf("big%d.obj", i)))
		require.NoError(t, err)
	}
	v := mustRun(t, s, `getJobMessage("big3")`)
	require.Contains(t, v.String(), "rows 1000000")
	require.Contains(t, v.String(), "The job is done.")
	log, err := os.ReadFile(filepath.Join(dir, "batchJobs", "batchJob.log"))
	require.NoError(t, err)
	require.Equal(t, 18, strings.Count(string(log), "\n"), "received, started and finished for each of 6 jobs")
}

// batchJobDir and batchJobFileRetentionTime are dolphindb.cfg keys: job
// files go to the configured directory, and files older than the
// retention time are removed when the engine opens.
func TestBatchJobDirConfig(t *testing.T) {
	jobDir := filepath.Join(t.TempDir(), "jobs")
	require.NoError(t, os.MkdirAll(jobDir, 0o755))
	stale := filepath.Join(jobDir, "old.obj")
	require.NoError(t, os.WriteFile(stale, []byte("x"), 0o644))
	old := time.Now().Add(-3 * 24 * time.Hour)
	require.NoError(t, os.Chtimes(stale, old, old))
	cfg := config.Default()
	require.NoError(t, cfg.Set("batchJobDir", jobDir))
	require.NoError(t, cfg.Set("batchJobFileRetentionTime", "1.5"))
	e, err := Open(Options{InMemory: true, Config: &cfg})
	require.NoError(t, err)
	defer e.Close()
	_, err = os.Stat(stale)
	require.True(t, os.IsNotExist(err), "a job file older than the retention time is removed")
	require.Equal(t, "done", mustRun(t, e.NewSession(), `def f() { return "done" }; getJobReturn(submitJob("j", "", f), true)`).String())
	_, err = os.Stat(filepath.Join(jobDir, "j.obj"))
	require.NoError(t, err)
}
