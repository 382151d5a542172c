package jobs

import (
	"context"
	"sync"

	"github.com/porpoisedb/porpoise/ctxval"
	"github.com/porpoisedb/porpoise/funcs"
)

// Request is the priority and parallelism a client asks for one request
// (the wire header's options); the server puts it in the request's
// context, where Session.Begin reads it.
type Request struct{ Priority, Parallelism int }

// consoleDefaults are a request's priority and parallelism when its
// context carries no Request (an embedded session): DolphinDB's console
// job defaults (tutorials/job_management_tutorial.md, "作业调度"), which
// submitJob's jobs get too.
var consoleDefaults = Request{Priority: 4, Parallelism: 2}

// requestOf is the Request ctx carries, else consoleDefaults.
func requestOf(ctx context.Context) Request {
	if r, ok := ctxval.From[Request](ctx); ok {
		return r
	}
	return consoleDefaults
}

// Limits are the per-user maxima of setMaxJobPriority and
// setMaxJobParallelism that every job is held to: console requests,
// batch and scheduled jobs.
type Limits struct {
	mu          sync.Mutex
	priority    map[string]int
	parallelism map[string]int
}

// SetMaxPriority makes n the highest priority of user's jobs.
func (l *Limits) SetMaxPriority(user string, n int) { l.set(&l.priority, user, n) }

// SetMaxParallelism makes n the highest parallelism of user's jobs.
func (l *Limits) SetMaxParallelism(user string, n int) { l.set(&l.parallelism, user, n) }

func (l *Limits) set(m *map[string]int, user string, n int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if *m == nil {
		*m = map[string]int{}
	}
	(*m)[user] = n
}

// Cap returns min(priority, the user's maximum) and min(parallelism, the
// user's maximum); without a setting the maxima are
// DolphinDB's defaults (priority 8; parallelism 64 for an administrator,
// 2 for others: funcs/s/setMaxJobParallelism.md).
func (l *Limits) Cap(user string, admin bool, priority, parallelism int) (int, int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	maxPrio, ok := l.priority[user]
	if !ok {
		maxPrio = 8
	}
	maxPar, ok := l.parallelism[user]
	if !ok {
		maxPar = 2
		if admin {
			maxPar = 64
		}
	}
	return min(priority, maxPrio), min(parallelism, maxPar)
}

// Limits are the registry's per-user job maxima.
func (r *Registry) Limits() *Limits { return &r.limits }

// Describe records the priority and parallelism req asks for the batch
// job id, held to the limits of the user info describes, and the client
// that submitted it, as getRecentJobs lists them.
func (r *Registry) Describe(id string, info funcs.SessionInfo, req Request) {
	prio, par := r.limits.Cap(info.User, info.Admin, req.Priority, req.Parallelism)
	r.mu.Lock()
	defer r.mu.Unlock()
	if j := r.byID[id]; j != nil {
		j.priority, j.parallelism = prio, par
		j.clientIP, j.clientPort = info.RemoteIP, info.RemotePort
	}
}
