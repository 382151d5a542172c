package engine

import (
	"context"

	"github.com/porpoisedb/porpoise/jobs"
	"github.com/porpoisedb/porpoise/memlimit"
	"github.com/porpoisedb/porpoise/sharedobj"
)

// Package jobs keeps the registry of open sessions, their running
// requests and the background jobs (getSessionMemoryStat,
// getConsoleJobs, cancelConsoleJob, closeSessions, submitJob ...); this is
// where a session enters it, reports each request and leaves it.

// ErrJobCancelled is the error a script or query gets when
// cancelConsoleJob, cancelJob or closeSessions stops it.
var ErrJobCancelled = jobs.ErrCancelled

// SessionMeta describes where a session comes from; the server fills it
// for the sessions of its connections.
type SessionMeta = jobs.Meta

// Sessions is the number of open sessions (for /metrics and getPerf).
func (e *Engine) Sessions() int { return e.jobs.Sessions() }

// CountNetwork adds bytes the server sent to and received from clients
// (getPerf's network figures).
func (e *Engine) CountNetwork(sent, recv int64) { e.jobs.CountNetwork(sent, recv) }

// CountNetwork adds bytes the server sent to and received from the
// session's client: to the node's figures (getPerf) and to its user's
// (getUserHardwareUsage).
func (s *Session) CountNetwork(sent, recv int64) { s.reg.CountNetwork(sent, recv) }

// OpenSession opens a guest session described by meta and registers it;
// the server opens one per connection and closes it when the connection
// ends.
func (e *Engine) OpenSession(meta SessionMeta) *Session {
	s := e.newSession()
	s.reg.SetMeta(meta)
	s.meta = s.reg.Meta()
	e.jobs.Add(s.reg)
	return s
}

// AuditContext is ctx carrying the audit trails with the session as the
// actor, for what the server records of it outside a request.
func (s *Session) AuditContext(ctx context.Context) context.Context { return s.reg.AuditContext(ctx) }

// PublicID is the session id clients see (getSessionMemoryStat's
// sessionId).
func (s *Session) PublicID() int64 { return s.meta.ID }

// Close cancels the session's running request and removes it from the
// registry. The session must not be used after.
func (s *Session) Close() { s.reg.Close() }

// begin marks the start of a request in the registry, where
// cancelConsoleJob can cancel its context. end, deferred while s.mu is
// held, also refreshes the user and the memory estimate other sessions
// read.
func (s *Session) begin(ctx context.Context, jobType, desc string) (context.Context, func(err *error)) {
	s.reg.SetUser(s.user)
	ctx, end := s.reg.Begin(ctx, jobType, desc, s.isAdmin())
	return ctx, func(err *error) {
		s.reg.SetUser(s.user)
		s.reg.SetMemSize(s.varsBytes())
		end(err)
	}
}

// varsBytes estimates the memory of the session's variables; s.mu is held.
// A handle (IPC table) is the engine's, as a shared table is (a variable
// still bound to a table it shared), and other sessions append to them:
// a variable that is or holds one (a dictionary of them) is not counted,
// nor read here without their lock.
func (s *Session) varsBytes() int64 {
	var n int64
	for name, v := range s.vars {
		if len(sharedobj.AppendHeld(nil, v)) == 0 {
			n += int64(len(name)) + memlimit.EstimateBytes(v)
		}
	}
	return n
}
