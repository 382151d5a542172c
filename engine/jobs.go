package engine

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"sync"
	"time"

	"github.com/porpoisedb/porpoise/memlimit"
	"github.com/porpoisedb/porpoise/value"
)

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
	// cancel stops the job (cancelJob, Engine.Close).
	cancel context.CancelCauseFunc
	// resultBytes is the estimated size of result while it is retained;
	// released marks a result dropped by the retention rule (both under
	// jobRegistry.mu, as is result once the job is done).
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
	return fmt.Errorf("The result of the job [%s] was released: job results are kept up to %d MB in total; read them sooner, e.g. with getJobReturn(jobId, true).", id, budget>>20)
}

type jobRegistry struct {
	mu    sync.Mutex
	byID  map[string]*job
	order []*job
	wg    sync.WaitGroup
	// retained is the bytes of the results still held; budget caps it
	// (jobResultBudget; tests lower it).
	retained, budget int64
	// ctx is every job's context: Engine.Close cancels it, so a job stuck
	// in a loop ends instead of holding shutdown for the full wait.
	ctx    context.Context
	cancel context.CancelFunc
}

func newJobRegistry() *jobRegistry {
	ctx, cancel := context.WithCancel(context.Background())
	return &jobRegistry{byID: map[string]*job{}, ctx: ctx, cancel: cancel, budget: jobResultBudget}
}

func (r *jobRegistry) wait(timeout time.Duration) {
	done := make(chan struct{})
	go func() { r.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(timeout):
	}
}

func init() {
	reg("submitJob", p("jobId", "jobDesc", "jobDef", "args"), 3, -1, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		id, ok := stringArg(args[0])
		if !ok {
			return nil, errors.New("The job id must be a string.")
		}
		desc, _ := stringArg(args[1])
		fn, ok := args[2].(Function)
		if !ok {
			return nil, errors.New("The job definition must be a function.")
		}
		return value.NewString(in.s.eng.submitJob(in.s, id, desc, fn, args[3:])), nil
	})
	reg("getJobReturn", p("jobId", "blocking"), 1, 2, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		id, ok := stringArg(args[0])
		if !ok {
			return nil, errors.New("The job id must be a string.")
		}
		r := in.s.eng.jobs
		r.mu.Lock()
		j := r.byID[id]
		r.mu.Unlock()
		if j == nil {
			return nil, fmt.Errorf("The job [%s] doesn't exist.", id)
		}
		if boolArg(arg(args, 1), false) {
			select {
			case <-j.done:
			case <-in.s.ctx.Done():
				return nil, in.s.ctx.Err()
			}
		}
		select {
		case <-j.done:
		default:
			return nil, fmt.Errorf("The job [%s] is not complete yet.", id)
		}
		if j.err != nil {
			return nil, j.err
		}
		r.mu.Lock()
		res, released := j.result, j.released
		r.mu.Unlock()
		if released {
			return nil, errJobReleased(id, r.budget)
		}
		if res == nil {
			return value.NullScalar(value.Void), nil
		}
		return res, nil
	})
	reg("getRecentJobs", p("n"), 0, 1, func(in *interp, args []value.Value, _ []string) (value.Value, error) {
		return in.s.eng.recentJobs(), nil
	})
	alias("getJobStatus", "getRecentJobs")
}

// submitJob runs fn(args...) in a background session of the same user and
// returns the job id (made unique if already used).
func (e *Engine) submitJob(s *Session, id, desc string, fn Function, args []value.Value) string {
	r := e.jobs
	r.mu.Lock()
	base, k := id, 1
	for r.byID[id] != nil {
		id = fmt.Sprintf("%s%d", base, k)
		k++
	}
	j := &job{id: id, desc: desc, user: s.user, start: s.eng.Now(), done: make(chan struct{}), cancel: func(error) {}}
	r.byID[id] = j
	r.order = append(r.order, j)
	r.wg.Add(1)
	r.mu.Unlock()
	bg := e.newSession()
	bg.setUser(s.user)
	ctx, cancel := context.WithCancelCause(r.ctx)
	j.cancel = cancel
	bg.ctx = ctx
	j.msgs.now = e.Now
	j.msgs.line(fmt.Sprintf("Start the job [%s]: %s", id, fn.String()))
	bg.out = &j.msgs
	// The job sees the functions defined when it was submitted: the
	// session goes on defining functions while the job runs, and a map
	// shared between the two goroutines would be a data race.
	bg.defs = maps.Clone(s.defs)
	go func() {
		defer r.wg.Done()
		defer close(j.done)
		defer func() { j.end = s.eng.Now() }()
		var result value.Value
		func() {
			defer recoverError(&j.err)
			in := &interp{s: bg, frame: bg.vars}
			result, j.err = in.call(fn, args, nil)
		}()
		r.retain(j, result)
		if j.err != nil && ctx.Err() != nil && errors.Is(context.Cause(ctx), ErrJobCancelled) {
			j.err = ErrJobCancelled
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
func (r *jobRegistry) retain(j *job, result value.Value) {
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
	// forget the oldest finished jobs past maxRetainedJobs
	for len(r.order) > maxRetainedJobs {
		old := r.order[0]
		select {
		case <-old.done:
		default:
			if old != j {
				return // the oldest is still running: keep the list
			}
		}
		r.release(old)
		delete(r.byID, old.id)
		r.order = r.order[1:]
	}
}

// release drops a job's result; r.mu is held.
func (r *jobRegistry) release(j *job) {
	r.retained -= j.resultBytes
	j.result, j.resultBytes, j.released = nil, 0, true
}

// runningBatchJobs counts the submitJob jobs still running.
func (e *Engine) runningBatchJobs() int {
	r := e.jobs
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, j := range r.order {
		select {
		case <-j.done:
		default:
			n++
		}
	}
	return n
}

func (e *Engine) recentJobs() *value.Table {
	r := e.jobs
	r.mu.Lock()
	defer r.mu.Unlock()
	n := len(r.order)
	ids := value.NewVector(value.String, 0, n)
	descs := value.NewVector(value.String, 0, n)
	users := value.NewVector(value.String, 0, n)
	starts := value.NewVector(value.Timestamp, 0, n)
	ends := value.NewVector(value.Timestamp, 0, n)
	errs := value.NewVector(value.String, 0, n)
	for _, j := range r.order {
		ids.Str = append(ids.Str, j.id)
		descs.Str = append(descs.Str, j.desc)
		users.Str = append(users.Str, j.user)
		starts.I64 = append(starts.I64, j.start.UnixMilli())
		select {
		case <-j.done:
			ends.I64 = append(ends.I64, j.end.UnixMilli())
			if j.err != nil {
				errs.Str = append(errs.Str, j.err.Error())
			} else {
				errs.Str = append(errs.Str, "")
			}
		default:
			ends.I64 = append(ends.I64, value.NullInt64)
			errs.Str = append(errs.Str, "")
		}
	}
	return value.NewTable([]string{"userID", "jobId", "jobDesc", "startTime", "endTime", "errorMsg"},
		[]*value.Vector{users, ids, descs, starts, ends, errs})
}
