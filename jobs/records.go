package jobs

import (
	"context"
	"maps"
	"path/filepath"
	"slices"

	"github.com/porpoisedb/porpoise/audit"
	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/restrack"
)

// OpenRecords keeps the node's audit trails under dataDir/audit and, when
// samplingInterval (resourceSamplingInterval, seconds) is positive,
// starts resource tracking with its logs under dataDir/resource,
// reloading what earlier runs recorded; dataDir "" keeps them in memory.
// Every request's context carries them (see Session.Begin), so whatever a
// request changes or reads records itself there.
func (r *Registry) OpenRecords(dataDir string, samplingInterval int) error {
	sub := func(name string) string {
		if dataDir == "" {
			return ""
		}
		return filepath.Join(dataDir, name)
	}
	l, err := audit.Open(sub("audit"))
	if err != nil {
		return err
	}
	t, err := restrack.Open(sub("resource"), samplingInterval, r.usage)
	if err != nil {
		_ = l.Close()
		return err
	}
	_, _ = r.audit.Close(), r.track.Close()
	r.audit, r.track = l, t
	return nil
}

// usage is what each user holds now, for resource tracking: the
// requests and batch jobs running for it, its sessions' variables, and
// the bytes its sessions sent and received since the last call (a
// session's bytes count for the user logged in at the sample).
func (r *Registry) usage() []restrack.Usage {
	by := map[string]*restrack.Usage{}
	var out []*restrack.Usage
	of := func(user string) *restrack.Usage {
		user = auth.OrGuest(user)
		if u := by[user]; u != nil {
			return u
		}
		u := &restrack.Usage{User: user}
		by[user] = u
		out = append(out, u)
		return u
	}
	r.smu.Lock()
	left := r.leftTraffic
	r.leftTraffic = nil
	r.smu.Unlock()
	for _, s := range r.list() {
		u := of(s.User())
		u.Memory += s.memSize.Load()
		if s.job.Load() != nil {
			u.Requests++
		}
		sent, recv := s.takeTraffic()
		u.Send += sent
		u.Recv += recv
	}
	for _, user := range slices.Sorted(maps.Keys(left)) {
		t := left[user]
		u := of(user)
		u.Send += t[0]
		u.Recv += t[1]
	}
	r.mu.Lock()
	for _, j := range r.order {
		if j.end.IsZero() {
			of(j.user).Requests++
		}
	}
	r.mu.Unlock()
	res := make([]restrack.Usage, len(out))
	for i, u := range out {
		res[i] = *u
	}
	return res
}

// recordsContext is ctx carrying the audit trails and resource tracker
// a request's operations and reads are recorded in, with the request's
// user (and client address).
func (r *Registry) recordsContext(ctx context.Context, user func() string, meta Meta) context.Context {
	ctx = r.auditContext(ctx, user, meta)
	return restrack.NewContext(ctx, r.track, restrack.Request{User: user})
}

func (r *Registry) auditContext(ctx context.Context, user func() string, meta Meta) context.Context {
	return audit.NewContext(ctx, r.audit, audit.Actor{User: user, RemoteIP: meta.RemoteIP, RemotePort: meta.RemotePort})
}

// AuditContext is ctx carrying the node's audit trails with the session
// as the actor (its user as it is when an operation is recorded, its
// client's address), for what the session does outside a request: the
// wire protocol's login, its connection opening and closing.
func (s *Session) AuditContext(ctx context.Context) context.Context {
	return s.reg.auditContext(ctx, s.User, s.meta)
}
