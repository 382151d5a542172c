package engine

import (
	"fmt"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"

	"github.com/porpoisedb/porpoise/sysfuncs"
)

// The interpreter is the Host of sysfuncs' batch-job and setting
// functions (job_host.go has the rest).
var _ sysfuncs.Host = (*interp)(nil)

// JobMessage implements sysfuncs.Host.
func (in *interp) JobMessage(id string) (string, error) {
	j, err := in.s.eng.job(id)
	if err != nil {
		return "", err
	}
	return j.msgs.String(), nil
}

// RunningJobs implements sysfuncs.Host.
func (in *interp) RunningJobs() int {
	r := in.s.eng.jobs
	r.mu.Lock()
	defer r.mu.Unlock()
	running := 0
	for _, j := range r.order {
		select {
		case <-j.done:
		default:
			running++
		}
	}
	return running
}

func (e *Engine) job(id string) (*job, error) {
	e.jobs.mu.Lock()
	j := e.jobs.byID[id]
	e.jobs.mu.Unlock()
	if j == nil {
		return nil, fmt.Errorf("The job [%s] doesn't exist.", id)
	}
	return j, nil
}

// MemLimit implements sysfuncs.Host.
func (in *interp) MemLimit() int64 { return in.s.eng.memLimit() }

// SetMaxMemSize implements sysfuncs.Host.
func (in *interp) SetMaxMemSize(gb float64) { in.s.eng.maxMemSize.Store(&gb) }

// QueryResultLimit implements sysfuncs.Host.
func (in *interp) QueryResultLimit() float64 { return in.s.eng.queryResultLimitBytes() }

// SetQueryResultLimit implements sysfuncs.Host.
func (in *interp) SetQueryResultLimit(bytes float64) { in.s.eng.queryResultLimit.Store(&bytes) }

// defaultQueryResultLimit is DolphinDB's default memLimitOfQueryResult:
// half of maxMemSize capped at 8 GB, where maxMemSize is our memory cap.
func (e *Engine) defaultQueryResultLimit() float64 {
	limit := float64(e.memLimit()) / 2
	if limit <= 0 || limit > 8<<30 {
		limit = 8 << 30
	}
	return limit
}

// positiveNumber is a numeric, non-null, finite, positive scalar argument.
func positiveNumber(x value.Value) (float64, bool) { return funcs.PositiveNumber(x) }
