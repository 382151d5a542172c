package jobs

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync/atomic"
	"time"
	"weak"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/ddberr"
)

// The session registry lists every open session — wire, HTTP/WebSocket,
// embedded — for getSessionMemoryStat, getConsoleJobs, cancelConsoleJob
// and closeSessions. Each interpreter session owns a *Session, the part
// of it other sessions may see; the registry holds those weakly, so a
// session its owner drops without Close leaves the registry when it is
// collected, and the registry never keeps a session (and its variables)
// alive.

// ErrCancelled is the error a script or query gets when
// cancelConsoleJob, cancelJob or closeSessions stops it.
var ErrCancelled error = ddberr.Errorf("The job was cancelled.")

// Meta describes where a session comes from; the server fills it for the
// sessions of its connections.
type Meta struct {
	// ID is the session id clients see (the wire reply header's); 0 uses
	// the engine's own sequence number.
	ID int64
	// RemoteIP and RemotePort are the client's address ("" / 0 embedded).
	RemoteIP   string
	RemotePort int
	// Close, when set, ends the session's connection; closeSessions calls
	// it after cancelling the session's running request.
	Close func()
}

// Session is what the registry knows of one session: where it comes
// from, who is logged in, the request it runs and its memory estimate.
// Its owner (the interpreter's session) keeps it for its lifetime; other
// sessions read it through the registry.
type Session struct {
	reg *Registry
	id  int64
	// meta is set before the session is registered and never after.
	meta    Meta
	created time.Time
	onClose func()

	lastActive atomic.Int64 // unix milliseconds of the last request's end
	memSize    atomic.Int64 // estimated bytes of the variables
	// sent and recv are the bytes sent to and received from the session's
	// client since the last resource sample.
	sent, recv atomic.Int64
	job        atomic.Pointer[consoleJob]
	// user is the logged-in user as other sessions read it.
	user   atomic.Pointer[string]
	closed atomic.Bool
}

// consoleJob is the request a session is running: what getConsoleJobs and
// getRunningQueries list and cancelConsoleJob stops.
type consoleJob struct {
	// seq numbers the requests the node has started (getQueryStatus' id)
	seq     int64
	rootID  string
	jobType string // "script" or "function"
	desc    string
	start   time.Time
	cancel  context.CancelCauseFunc
	// priority and parallelism are what the request asked for (the
	// console defaults when it did not say), held to the user's limits.
	priority, parallelism int
}

// NewSession makes the registry's part of session id, not registered yet
// (a submitJob job's session is listed as a job, never as a session).
// onClose, if set, runs once when the session closes; it must not refer
// to the interpreter's session, or the registry would keep it alive.
func (r *Registry) NewSession(id int64, onClose func()) *Session {
	return &Session{reg: r, id: id, meta: Meta{ID: id}, created: time.Now(), onClose: onClose}
}

// SetMeta sets where the session comes from; meta.ID 0 keeps the
// session's own id. Call it before Add.
func (s *Session) SetMeta(meta Meta) {
	if meta.ID == 0 {
		meta.ID = s.id
	}
	s.meta = meta
}

// Meta is where the session comes from.
func (s *Session) Meta() Meta { return s.meta }

// SetUser records the logged-in user for other sessions to read.
func (s *Session) SetUser(user string) { s.user.Store(&user) }

// User is the logged-in user ("" before login).
func (s *Session) User() string {
	if p := s.user.Load(); p != nil {
		return *p
	}
	return ""
}

// SetMemSize records the estimated bytes of the session's variables.
func (s *Session) SetMemSize(n int64) { s.memSize.Store(n) }

// CountNetwork adds bytes the server sent to and received from the
// session's client: to the node's figures (getPerf) and to the session's
// user's (getUserHardwareUsage).
func (s *Session) CountNetwork(sent, recv int64) {
	s.sent.Add(sent)
	s.recv.Add(recv)
	s.reg.CountNetwork(sent, recv)
}

// takeTraffic returns and clears what the session sent and received
// since the last call.
func (s *Session) takeTraffic() (sent, recv int64) {
	return s.sent.Swap(0), s.recv.Swap(0)
}

// Add lists s until it closes or is collected.
func (r *Registry) Add(s *Session) {
	r.smu.Lock()
	if r.sessions == nil {
		r.sessions = map[int64]weak.Pointer[Session]{}
	}
	r.sessions[s.id] = weak.Make(s)
	r.smu.Unlock()
	runtime.AddCleanup(s, r.remove, s.id)
}

func (r *Registry) remove(id int64) {
	r.smu.Lock()
	delete(r.sessions, id)
	r.smu.Unlock()
}

// list returns the live sessions ordered by creation.
func (r *Registry) list() []*Session {
	r.smu.Lock()
	out := make([]*Session, 0, len(r.sessions))
	for _, w := range r.sessions {
		if s := w.Value(); s != nil {
			out = append(out, s)
		}
	}
	r.smu.Unlock()
	slices.SortFunc(out, func(a, b *Session) int { return int(a.id - b.id) })
	return out
}

// Sessions is the number of open sessions (for /metrics and getPerf).
func (r *Registry) Sessions() int {
	r.smu.Lock()
	defer r.smu.Unlock()
	return len(r.sessions)
}

// Close cancels the session's running request and removes it from the
// registry; it reports whether this call closed it (false when it was
// closed already).
func (s *Session) Close() bool {
	if !s.closed.CompareAndSwap(false, true) {
		return false
	}
	if j := s.job.Load(); j != nil {
		j.cancel(ErrCancelled)
	}
	s.reg.remove(s.id)
	if sent, recv := s.takeTraffic(); sent != 0 || recv != 0 {
		s.reg.smu.Lock()
		if s.reg.leftTraffic == nil {
			s.reg.leftTraffic = map[string][2]int64{}
		}
		user := auth.OrGuest(s.User())
		t := s.reg.leftTraffic[user]
		s.reg.leftTraffic[user] = [2]int64{t[0] + sent, t[1] + recv}
		s.reg.smu.Unlock()
	}
	if s.onClose != nil {
		s.onClose()
	}
	return true
}

// Begin marks the start of a request: it registers the running job with
// a context cancelConsoleJob can cancel. The returned end clears it, turns
// a cancellation into ErrCancelled, refreshes the session's activity time
// and records the request's duration for getPerf. admin reports whether
// the session's user is an administrator, whose default parallelism
// limit is higher.
func (s *Session) Begin(ctx context.Context, jobType, desc string, admin bool) (context.Context, func(err *error)) {
	req := requestOf(ctx)
	prio, par := s.reg.limits.Cap(s.User(), admin, req.Priority, req.Parallelism)
	rootID := newRootID()
	ctx, cancel := context.WithCancelCause(s.reg.recordsContext(ctx, s.User, s.meta))
	start := time.Now()
	traced := s.reg.traces.tracing()
	j := &consoleJob{seq: s.reg.queries.seq.Add(1), rootID: rootID, jobType: jobType, desc: desc, start: start, cancel: cancel,
		priority: max(prio, 0), parallelism: max(par, 1)}
	s.job.Store(j)
	if s.closed.Load() {
		cancel(ErrCancelled)
	}
	return ctx, func(err *error) {
		s.job.Store(nil)
		if *err != nil && ctx.Err() != nil && errors.Is(context.Cause(ctx), ErrCancelled) {
			*err = ErrCancelled
		}
		cancel(nil)
		now := time.Now()
		s.finish(j, now, *err)
		s.lastActive.Store(now.UnixMilli())
		s.reg.perf.queryDone(now.Sub(start))
		if traced {
			s.reg.traces.add(trace{id: newRootID(), script: desc, session: s.meta.ID, start: start, elapsed: now.Sub(start)})
		}
	}
}

// newRootID is a random UUID text, DolphinDB's form of a rootJobId.
func newRootID() string {
	a, b := rand.Uint64(), rand.Uint64()
	b = b&^(0xc000<<48) | 0x8000<<48
	a = a&^0xf000 | 0x4000
	return fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", a>>32, (a>>16)&0xffff, a&0xffff, b>>48, b&0xffffffffffff)
}

// runningJob is one session's running request, as listed.
type runningJob struct {
	s *Session
	j *consoleJob
}

func (r *Registry) runningJobs() []runningJob {
	var out []runningJob
	for _, s := range r.list() {
		if j := s.job.Load(); j != nil {
			out = append(out, runningJob{s, j})
		}
	}
	return out
}

// closeSessions closes the sessions whose public id is in ids: the running
// request is cancelled and the connection, if any, closed.
func (r *Registry) closeSessions(ids []int64) {
	for _, s := range r.list() {
		if !slices.Contains(ids, s.meta.ID) {
			continue
		}
		closeFn := s.meta.Close
		s.Close()
		if closeFn != nil {
			closeFn()
		}
	}
}
