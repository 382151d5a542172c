package engine

import (
	"fmt"

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
