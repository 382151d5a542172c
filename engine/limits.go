package engine

import (
	"time"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/memlimit"
	"github.com/porpoisedb/porpoise/value"
)

// The engine's run-time limits belong to package memlimit; this is where
// the interpreter meets them: allocations of script-built objects and
// query results are checked, and the server reads the connection cap.

// MemLimits implements memlimit.Host.
func (in *interp) MemLimits() *memlimit.Limits { return in.s.eng.limits }

// MaxConnections is the cap on client connections (maxConnections, as
// raised by setMaxConnections).
func (e *Engine) MaxConnections() int { return e.limits.MaxConnections() }

// TCPUserTimeout is the configured TCP_USER_TIMEOUT of client connections
// (0: the system's).
func (e *Engine) TCPUserTimeout() time.Duration {
	return time.Duration(e.cfg.TCPUserTimeout) * time.Millisecond
}

// maxMemSizeGB is maxMemSize as set by setMaxMemSize, else as configured.
func (e *Engine) maxMemSizeGB() float64 { return e.limits.MaxMemSizeGB() }

// checkQueryResult refuses a query result larger than
// memLimitOfQueryResult or the user's own limit.
func (in *interp) checkQueryResult(v value.Value) error {
	return in.s.eng.limits.CheckQueryResult(v, in.s.principal().Limit(auth.QueryResultMemLimit))
}

// reserveElems checks n new elements of a script-built object against
// the memory cap.
func (in *interp) reserveElems(n int64) error {
	if in == nil {
		return nil
	}
	return in.s.eng.limits.ReserveElems(n)
}
