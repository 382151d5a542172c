package jobs

import (
	"context"
	"errors"
	"fmt"
	"github.com/porpoisedb/porpoise/audit"
	"github.com/porpoisedb/porpoise/restrack"
	"io"
	"sync"
	"time"
	"weak"

	"github.com/porpoisedb/porpoise/ddberr"
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
	// leftTraffic is, per user, what sessions that closed since the last
	// resource sample sent and received (sent, recv).
	leftTraffic map[string][2]int64

	mu    sync.Mutex
	byID  map[string]*job
	order []*job
	wg    sync.WaitGroup
	// maxJobs caps the jobs listed (maxRetainedJobs; tests lower it).
	maxJobs int
	// files is where finished jobs' results and messages are kept.
	files batchFiles
	// ctx is every job's context: Close cancels it, so a job stuck in a
	// loop ends instead of holding shutdown for the full wait.
	ctx    context.Context
	cancel context.CancelFunc

	perf perfStats
	// traces are the requests SQL Trace followed (traces.go).
	traces traceLog
	// queries number the requests and keep the finished ones
	// (queries.go).
	queries queryLog
	// audit is the node's audit trails and track its resource tracking
	// (records.go).
	audit *audit.Log
	track *restrack.Tracker
	// limits are the users' maximum job priority and parallelism.
	limits Limits
}

// NewRegistry returns an empty registry whose job times come from now.
// Job files go to a temporary directory, removed by Close, until
// SetBatchJobDir names one.
func NewRegistry(now func() time.Time) *Registry {
	ctx, cancel := context.WithCancel(context.Background())
	trails, _ := audit.Open("")           // in memory: cannot fail
	track, _ := restrack.Open("", 0, nil) // not configured: cannot fail
	return &Registry{now: now, byID: map[string]*job{}, ctx: ctx, cancel: cancel, maxJobs: maxRetainedJobs, audit: trails, track: track}
}

// SetBatchJobDir keeps the jobs' results and messages in dir
// (dolphindb.cfg batchJobDir), creating it, and removes job files older
// than retention there when it is positive (batchJobFileRetentionTime;
// 0 keeps them, as DolphinDB's default does).
func (r *Registry) SetBatchJobDir(dir string, retention time.Duration) error {
	return r.files.open(dir, retention, r.now())
}

// Close cancels the running jobs and waits up to timeout for them to end;
// a temporary job directory is then removed.
func (r *Registry) Close(timeout time.Duration) {
	r.cancel()
	done := make(chan struct{})
	go func() { r.wg.Wait(); close(done) }()
	select {
	case <-done:
		r.files.close()
	case <-time.After(timeout):
	}
	// a job still running records in memory only
	_, _ = r.audit.Close(), r.track.Close()
}

// job is one submitJob background run.
type job struct {
	id, desc string
	user     string
	rootID   string
	// priority, parallelism and the client's address are what
	// Registry.Describe recorded (the console defaults until then).
	priority, parallelism int
	clientIP              string
	clientPort            int
	start, end            time.Time
	done                  chan struct{}
	result                value.Value
	err                   error
	// msgs collects what the job prints, each line stamped with the time
	// it was written, for getJobMessage.
	msgs jobLog
	// cancel stops the job (cancelJob, Registry.Close).
	cancel context.CancelCauseFunc
	// resultStored and msgsStored report that the result and the
	// messages are in the job's files rather than in result and msgs
	// (set under Registry.mu once the job is done).
	resultStored, msgsStored bool
}

// maxRetainedJobs caps the jobs getRecentJobs can list; their results
// and messages are on disk, so the list entries are all that memory
// holds of a finished job.
const maxRetainedJobs = 10000

// Job is what a submitted job runs: its function called in a background
// session of the submitting user whose context is ctx and whose output
// goes to out. The caller recovers the function's panics.
type Job func(ctx context.Context, out io.Writer) (value.Value, error)

// UniqueID is id, or when used reports it taken, id followed by now's
// date (yyyyMMdd) and then by that date and "000", "001", ... until
// unused: the ids tutorials/scheduledJob.md shows a job's runs get
// (testJob, testJob20200214, testJob20200214000) and the rule
// funcs/s/scheduleJob.md states for a scheduled job's id.
func UniqueID(id string, now time.Time, used func(string) bool) string {
	if !used(id) {
		return id
	}
	base := id + now.Format("20060102")
	if !used(base) {
		return base
	}
	for k := 0; ; k++ {
		if c := fmt.Sprintf("%s%03d", base, k); !used(c) {
			return c
		}
	}
}

// Submit starts run as the background job id (made unique if already
// used) of user, described by desc, or when desc is empty by def, the
// job's function as DolphinDB names it. It returns the job's id.
func (r *Registry) Submit(id, desc, user, def string, run Job) string {
	if desc == "" {
		desc = def // getRecentJobs' jobDemo2 (funcs/g/getRecentJobs.md)
	}
	r.mu.Lock()
	id = UniqueID(id, r.now(), func(x string) bool { return r.byID[x] != nil })
	rootID := newRootID()
	ctx, cancel := context.WithCancelCause(r.recordsContext(r.ctx, func() string { return user }, Meta{}))
	j := &job{id: id, desc: desc, user: user, rootID: rootID, priority: consoleDefaults.Priority, parallelism: consoleDefaults.Parallelism,
		start: r.now(), done: make(chan struct{}), cancel: cancel}
	j.msgs.now = r.now
	r.byID[id] = j
	r.order = append(r.order, j)
	r.wg.Add(1)
	r.mu.Unlock()
	j.msgs.line(fmt.Sprintf("Start the job [%s]: %s", id, desc))
	r.log(j, "received")
	go func() {
		defer r.wg.Done()
		defer close(j.done)
		defer func() { j.end = r.now() }()
		r.log(j, "started")
		result, err := run(ctx, &j.msgs)
		j.err = err
		if j.err != nil && ctx.Err() != nil && errors.Is(context.Cause(ctx), ErrCancelled) {
			j.err = ErrCancelled
		}
		cancel(nil)
		if j.err != nil {
			j.msgs.line("Job [" + id + "] failed: " + j.err.Error())
		} else {
			j.msgs.line("The job is done.")
		}
		r.store(j, result)
		r.log(j, "finished")
	}()
	return id
}

// store writes a finished job's result and messages to its files, so
// that memory holds only its list entry, and forgets the oldest finished
// jobs past maxJobs. A result the file format cannot hold (a function
// definition, a handle; such values are small) stays in memory, as does
// anything a failed write could not keep.
func (r *Registry) store(j *job, result value.Value) {
	msgsErr := r.files.saveMessages(j.id, j.msgs.String())
	resultErr := r.files.saveResult(j.id, result)
	r.mu.Lock()
	defer r.mu.Unlock()
	if msgsErr == nil {
		j.msgsStored = true
		j.msgs.reset()
	}
	if resultErr == nil {
		j.resultStored = true
	} else {
		j.result = result
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
			delete(r.byID, old.id)
			over--
			continue
		}
		kept = append(kept, old)
	}
	clear(r.order[len(kept):])
	r.order = kept
}

// log appends a line for j's event to the directory's batchJob.log.
func (r *Registry) log(j *job, event string) {
	r.files.log(r.now(), j.id, j.desc, event)
}

// result is a finished job's return value, read back from its file.
func (r *Registry) result(j *job) (value.Value, error) {
	r.mu.Lock()
	stored, res := j.resultStored, j.result
	r.mu.Unlock()
	if !stored {
		return res, nil
	}
	return r.files.result(j.id)
}

// messages is what a job has printed so far, from its file once it is
// done.
func (r *Registry) messages(j *job) (string, error) {
	r.mu.Lock()
	stored := j.msgsStored
	r.mu.Unlock()
	if !stored {
		return j.msgs.String(), nil
	}
	return r.files.messages(j.id)
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
