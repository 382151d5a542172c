package jobs

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"
	"weak"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/memlimit"
	"github.com/porpoisedb/porpoise/value"
)

// Registry is one engine's activity: its open sessions and the request
// each runs, its submitJob background jobs and the figures getPerf
// reports. It owns the job goroutines: Close cancels them and waits.
type Registry struct {
	// now is the engine's clock, which job times are read from.
	now func() time.Time

	smu      sync.Mutex
	sessions map[int64]weak.Pointer[Session]

	mu    sync.Mutex
	byID  map[string]*job
	order []*job
	wg    sync.WaitGroup
	// retained is the bytes of the results still held; budget caps it
	// (jobResultBudget) and maxJobs the jobs listed (maxRetainedJobs;
	// tests lower both).
	retained, budget int64
	maxJobs          int
	// ctx is every job's context: Close cancels it, so a job stuck in a
	// loop ends instead of holding shutdown for the full wait.
	ctx    context.Context
	cancel context.CancelFunc

	perf perfStats
}

// NewRegistry returns an empty registry whose job times come from now.
func NewRegistry(now func() time.Time) *Registry {
	ctx, cancel := context.WithCancel(context.Background())
	return &Registry{now: now, byID: map[string]*job{}, ctx: ctx, cancel: cancel, budget: jobResultBudget, maxJobs: maxRetainedJobs}
}

// Close cancels the running jobs and waits up to timeout for them to end.
func (r *Registry) Close(timeout time.Duration) {
	r.cancel()
	done := make(chan struct{})
	go func() { r.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(timeout):
	}
}

// job is one submitJob background run.
type job struct {
	id, desc   string
	user       string
	start, end time.Time
	done       chan struct{}
	result     value.Value
	err        error
	// msgs collects what the job prints, each line stamped with the time
	// it was written, for getJobMessage.
	msgs jobLog
	// cancel stops the job (cancelJob, Registry.Close).
	cancel context.CancelCauseFunc
	// resultBytes is the estimated size of result while it is retained;
	// released marks a result dropped by the retention rule (both under
	// Registry.mu, as is result once the job is done).
	resultBytes int64
	released    bool
}

// Job results are kept in memory for getJobReturn, which DolphinDB
// allows any number of times; kept forever, ten 80 MB results held
// 765 MB. The results retained are bounded: past jobResultBudget bytes
// in total (or maxRetainedJobs jobs) the oldest completed jobs' results
// are released, and getJobReturn on such a job says so.
const (
	jobResultBudget = 256 << 20
	maxRetainedJobs = 10000
)

// errJobReleased is getJobReturn's error for a released result.
func errJobReleased(id string, budget int64) error {
	return ddberr.Errorf("The result of the job [%s] was released: job results are kept up to %d MB in total; read them sooner, e.g. with getJobReturn(jobId, true).", id, budget>>20)
}

// Job is what a submitted job runs: its function called in a background
// session of the submitting user whose context is ctx and whose output
// goes to out. The caller recovers the function's panics.
type Job func(ctx context.Context, out io.Writer) (value.Value, error)

// Submit starts run as the background job id (made unique if already
// used) of user, described by desc; def is the job's function as its
// log's first line names it. It returns the job's id.
func (r *Registry) Submit(id, desc, user, def string, run Job) string {
	r.mu.Lock()
	base, k := id, 1
	for r.byID[id] != nil {
		id = fmt.Sprintf("%s%d", base, k)
		k++
	}
	ctx, cancel := context.WithCancelCause(r.ctx)
	j := &job{id: id, desc: desc, user: user, start: r.now(), done: make(chan struct{}), cancel: cancel}
	j.msgs.now = r.now
	r.byID[id] = j
	r.order = append(r.order, j)
	r.wg.Add(1)
	r.mu.Unlock()
	j.msgs.line(fmt.Sprintf("Start the job [%s]: %s", id, def))
	go func() {
		defer r.wg.Done()
		defer close(j.done)
		defer func() { j.end = r.now() }()
		result, err := run(ctx, &j.msgs)
		j.err = err
		r.retain(j, result)
		if j.err != nil && ctx.Err() != nil && errors.Is(context.Cause(ctx), ErrCancelled) {
			j.err = ErrCancelled
		}
		cancel(nil)
		if j.err != nil {
			j.msgs.line("Job [" + id + "] failed: " + j.err.Error())
		} else {
			j.msgs.line("The job is done.")
		}
	}()
	return id
}

// retain stores a finished job's result and applies the retention rule.
func (r *Registry) retain(j *job, result value.Value) {
	size := memlimit.EstimateBytes(result)
	r.mu.Lock()
	defer r.mu.Unlock()
	j.result, j.resultBytes = result, size
	r.retained += size
	for _, old := range r.order {
		if r.retained <= r.budget {
			break
		}
		if old != j && old.result != nil {
			r.release(old)
		}
	}
	// Forget the oldest finished jobs past maxJobs. Running jobs are kept
	// and skipped: one long job must not pin every later entry (the list
	// used to stop trimming at a running oldest job and grew without
	// bound behind it).
	over := len(r.order) - r.maxJobs
	if over <= 0 {
		return
	}
	kept := r.order[:0]
	for _, old := range r.order {
		if over > 0 && (old == j || finished(old)) {
			r.release(old)
			delete(r.byID, old.id)
			over--
			continue
		}
		kept = append(kept, old)
	}
	clear(r.order[len(kept):])
	r.order = kept
}

// finished reports whether j has ended.
func finished(j *job) bool {
	select {
	case <-j.done:
		return true
	default:
		return false
	}
}

// release drops a job's result; r.mu is held.
func (r *Registry) release(j *job) {
	r.retained -= j.resultBytes
	j.result, j.resultBytes, j.released = nil, 0, true
}

// SetResultBudget changes the bytes of job results kept (256 MB unless
// changed); results past it are released oldest first.
func (r *Registry) SetResultBudget(bytes int64) {
	r.mu.Lock()
	r.budget = bytes
	r.mu.Unlock()
}

// RetainedBytes is the estimated size of the job results kept.
func (r *Registry) RetainedBytes() int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.retained
}

// job returns the job id, or DolphinDB's error when there is none.
func (r *Registry) job(id string) (*job, error) {
	r.mu.Lock()
	j := r.byID[id]
	r.mu.Unlock()
	if j == nil {
		return nil, ddberr.Errorf("The job [%s] doesn't exist.", id)
	}
	return j, nil
}

// runningBatchJobs counts the submitJob jobs still running.
func (r *Registry) runningBatchJobs() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, j := range r.order {
		if !finished(j) {
			n++
		}
	}
	return n
}
