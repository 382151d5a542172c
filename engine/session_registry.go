package engine

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"time"
	"weak"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/memlimit"
)

// The session registry lists every open session — wire, HTTP/WebSocket,
// embedded — for getSessionMemoryStat, getConsoleJobs, cancelConsoleJob
// and closeSessions. It holds weak pointers: an embedded session that its
// owner drops without Close leaves the registry when it is collected, so
// the registry never keeps a session (and its variables) alive.

// ErrJobCancelled is the error a script or query gets when
// cancelConsoleJob, cancelJob or closeSessions stops it.
var ErrJobCancelled error = ddberr.Errorf("The job was cancelled.")

// SessionMeta describes where a session comes from; the server fills it
// for the sessions of its connections.
type SessionMeta struct {
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

// consoleJob is the request a session is running: what getConsoleJobs and
// getRunningQueries list and cancelConsoleJob stops.
type consoleJob struct {
	rootID  string
	jobType string // "script" or "function"
	desc    string
	start   time.Time
	cancel  context.CancelCauseFunc
}

type sessionRegistry struct {
	mu sync.Mutex
	m  map[int64]weak.Pointer[Session]
}

func (r *sessionRegistry) add(s *Session) {
	r.mu.Lock()
	if r.m == nil {
		r.m = map[int64]weak.Pointer[Session]{}
	}
	r.m[s.id] = weak.Make(s)
	r.mu.Unlock()
	runtime.AddCleanup(s, r.remove, s.id)
}

func (r *sessionRegistry) remove(id int64) {
	r.mu.Lock()
	delete(r.m, id)
	r.mu.Unlock()
}

// list returns the live sessions ordered by creation.
func (r *sessionRegistry) list() []*Session {
	r.mu.Lock()
	out := make([]*Session, 0, len(r.m))
	for _, w := range r.m {
		if s := w.Value(); s != nil {
			out = append(out, s)
		}
	}
	r.mu.Unlock()
	slices.SortFunc(out, func(a, b *Session) int { return int(a.id - b.id) })
	return out
}

// Sessions is the number of open sessions (for /metrics and getPerf).
func (e *Engine) Sessions() int {
	e.sessions.mu.Lock()
	defer e.sessions.mu.Unlock()
	return len(e.sessions.m)
}

// OpenSession opens a guest session described by meta and registers it;
// the server opens one per connection and closes it when the connection
// ends.
func (e *Engine) OpenSession(meta SessionMeta) *Session {
	s := e.newSession()
	s.meta = meta
	if meta.ID == 0 {
		s.meta.ID = s.id
	}
	e.sessions.add(s)
	return s
}

// PublicID is the session id clients see (getSessionMemoryStat's
// sessionId).
func (s *Session) PublicID() int64 { return s.meta.ID }

// Close cancels the session's running request and removes it from the
// registry. The session must not be used after.
func (s *Session) Close() {
	if !s.closed.CompareAndSwap(false, true) {
		return
	}
	if j := s.job.Load(); j != nil {
		j.cancel(ErrJobCancelled)
	}
	s.eng.sessions.remove(s.id)
	s.eng.logins.drop(s)
}

// begin marks the start of a request: it registers the running job with a
// context cancelConsoleJob can cancel. end, deferred while s.mu is held,
// clears it, turns a cancellation into ErrJobCancelled and refreshes the
// session's activity time and memory estimate.
func (s *Session) begin(ctx context.Context, jobType, desc string) (context.Context, func(err *error)) {
	ctx, cancel := context.WithCancelCause(ctx)
	start := time.Now()
	j := &consoleJob{rootID: newRootID(), jobType: jobType, desc: desc, start: start, cancel: cancel}
	s.job.Store(j)
	user := s.user
	s.userSeen.Store(&user)
	if s.closed.Load() {
		cancel(ErrJobCancelled)
	}
	return ctx, func(err *error) {
		s.job.Store(nil)
		user := s.user
		s.userSeen.Store(&user)
		if *err != nil && ctx.Err() != nil && errors.Is(context.Cause(ctx), ErrJobCancelled) {
			*err = ErrJobCancelled
		}
		cancel(nil)
		now := time.Now()
		s.lastActive.Store(now.UnixMilli())
		s.memSize.Store(s.varsBytes())
		s.eng.perf.queryDone(now.Sub(start))
	}
}

// varsBytes estimates the memory of the session's variables; s.mu is held.
func (s *Session) varsBytes() int64 {
	var n int64
	for name, v := range s.vars {
		n += int64(len(name)) + memlimit.EstimateBytes(v)
	}
	return n
}

// newRootID is a random UUID text, DolphinDB's form of a rootJobId.
func newRootID() string {
	a, b := rand.Uint64(), rand.Uint64()
	b = b&^(0xc000<<48) | 0x8000<<48
	a = a&^0xf000 | 0x4000
	return fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", a>>32, (a>>16)&0xffff, a&0xffff, b>>48, b&0xffffffffffff)
}

// cancelConsoleJobs cancels the running requests whose root job id is in
// ids; ids no session runs are ignored, as DolphinDB does.
func (e *Engine) cancelConsoleJobs(ids []string) {
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	for _, s := range e.sessions.list() {
		if j := s.job.Load(); j != nil && want[j.rootID] {
			j.cancel(ErrJobCancelled)
		}
	}
}

// closeSessions closes the sessions whose public id is in ids: the running
// request is cancelled and the connection, if any, closed.
func (e *Engine) closeSessions(ids []int64) {
	for _, s := range e.sessions.list() {
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
