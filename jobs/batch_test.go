package jobs

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// wait blocks until job id has ended.
func wait(t *testing.T, r *Registry, id string) *job {
	t.Helper()
	j, err := r.job(id)
	require.NoError(t, err)
	select {
	case <-j.done:
	case <-time.After(5 * time.Second):
		t.Fatalf("job %s did not end", id)
	}
	return j
}

// spin is a job that runs until its context is cancelled.
func spin(ctx context.Context, _ io.Writer) (value.Value, error) {
	<-ctx.Done()
	return nil, context.Cause(ctx)
}

// The registry owns its job goroutines: Close cancels a job that would
// run forever and returns once it has ended.
func TestCloseStopsJobs(t *testing.T) {
	r := NewRegistry(time.Now)
	id := r.Submit("spin", "", "admin", "spin", spin)
	start := time.Now()
	r.Close(30 * time.Second)
	require.Less(t, time.Since(start), 5*time.Second)
	j, err := r.job(id)
	require.NoError(t, err)
	require.True(t, finished(j))
	require.Equal(t, 0, r.runningBatchJobs())
}

// Issue 12: past maxJobs the oldest finished jobs are forgotten, even
// behind a job that is still running (which used to stop the trimming,
// so the list grew without bound behind one long job).
func TestOldestFinishedJobsForgotten(t *testing.T) {
	r := NewRegistry(time.Now)
	defer r.Close(5 * time.Second)
	r.maxJobs = 3
	r.Submit("long", "", "admin", "spin", spin)
	for i := range 5 {
		id := r.Submit(fmt.Sprintf("q%d", i), "", "admin", "f", func(context.Context, io.Writer) (value.Value, error) {
			return value.NewInt(int32(i)), nil
		})
		wait(t, r, id)
	}
	r.mu.Lock()
	var ids []string
	for _, j := range r.order {
		ids = append(ids, j.id)
	}
	r.mu.Unlock()
	require.Equal(t, []string{"long", "q3", "q4"}, ids)
	_, err := r.job("q0")
	require.EqualError(t, err, "The job [q0] doesn't exist.")
	require.Equal(t, 1, r.runningBatchJobs())
}

// A cancelled job reports DolphinDB's cancel text, and its log says it
// failed; ids already used get the date, then the date and 000, 001, ...
func TestCancelledJobAndUniqueIDs(t *testing.T) {
	r := NewRegistry(time.Now)
	defer r.Close(5 * time.Second)
	id := r.Submit("j", "", "admin", "spin", spin)
	require.Equal(t, "j", id)
	day := time.Now().Format("20060102")
	require.Equal(t, "j"+day, r.Submit("j", "", "admin", "spin", spin))
	require.Equal(t, "j"+day+"000", r.Submit("j", "", "admin", "spin", spin))
	require.Equal(t, "j"+day+"001", r.Submit("j", "", "admin", "spin", spin))
	j, err := r.job(id)
	require.NoError(t, err)
	j.cancel(ErrCancelled)
	wait(t, r, id)
	require.Equal(t, ErrCancelled, j.err)
	msgs, err := r.messages(j)
	require.NoError(t, err)
	require.Contains(t, msgs, "Job [j] failed: The job was cancelled.")
}

// Issue 12: finished jobs' results live in their files, not in memory:
// ten jobs of 8 MB results leave the heap where it was, and each result
// reads back whole, any number of times.
func TestJobResultsLeaveMemory(t *testing.T) {
	r := NewRegistry(time.Now)
	defer r.Close(5 * time.Second)
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := range 10 {
		id := r.Submit(fmt.Sprintf("big%d", i), "", "admin", "big", func(context.Context, io.Writer) (value.Value, error) {
			v := value.NewVector(value.Long, 1_000_000, 1_000_000)
			for k := range v.I64 {
				v.I64[k] = int64(k)
			}
			return v, nil
		})
		wait(t, r, id)
	}
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	require.Less(t, int64(after.HeapAlloc)-int64(before.HeapAlloc), int64(16<<20), "80 MB of results must not stay on the heap")
	for range 2 {
		j, err := r.job("big7")
		require.NoError(t, err)
		v, err := r.result(j)
		require.NoError(t, err)
		require.Equal(t, 1_000_000, v.(*value.Vector).Len())
		require.Equal(t, int64(999_999), v.(*value.Vector).I64[999_999])
	}
}

// Job ids become file names: one that names another directory stays in
// the job directory.
func TestJobFileNames(t *testing.T) {
	require.Equal(t, "plain_id-1.x", fileName("plain_id-1.x"))
	require.Equal(t, "%2E.%2F%2Fetc%2Fpasswd", fileName("..//etc/passwd"))
	require.Equal(t, "a%5Cb%25c", fileName(`a\b%c`))
	r := NewRegistry(time.Now)
	defer r.Close(5 * time.Second)
	dir := t.TempDir()
	require.NoError(t, r.SetBatchJobDir(dir, 0))
	id := r.Submit("../escape", "", "admin", "f", func(context.Context, io.Writer) (value.Value, error) {
		return value.NewInt(7), nil
	})
	j := wait(t, r, id)
	v, err := r.result(j)
	require.NoError(t, err)
	require.Equal(t, "7", v.String())
	_, err = os.Stat(filepath.Join(dir, "%2E.%2Fescape.obj"))
	require.NoError(t, err)
}
