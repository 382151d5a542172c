package sysfuncs

import (
	"time"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/jobs"
	"github.com/porpoisedb/porpoise/value"
)

// Host is what these functions need of the calling interpreter beyond
// funcs.Env.
type Host interface {
	funcs.Env
	// CheckRead fails with DolphinDB's text when the session is not
	// logged in.
	CheckRead() error
	// MaxMemSizeGB is the memory cap (maxMemSize), 0 when unlimited.
	MaxMemSizeGB() float64
	// Now is the engine's clock.
	Now() time.Time
	// EngineState is the engine's value under key, made by create on
	// first use; a value with a Close() method is closed with the engine.
	EngineState(key string, create func() any) any
	// SubmitJob runs fn(args...) as a batch job of the session's user and
	// returns its id (made unique).
	SubmitJob(id, desc string, fn value.Value, args []value.Value) (string, error)
	// Jobs is the engine's job registry, which keeps the users' job
	// limits.
	Jobs() *jobs.Registry
	// JobSource is a script expression that evaluates to fn and the
	// definitions it needs, for saving a scheduled job.
	JobSource(fn value.Value) (expr string, defs []string, err error)
}

// Runner runs scheduled jobs for the engine, with no client session.
type Runner interface {
	// HostFor opens a session of user in which defs have run.
	HostFor(user string, defs []string) (Host, error)
	// Store keeps the scheduled jobs across restarts.
	Store() Store
}

// Store is where server objects are saved.
type Store interface {
	PutSystemObject(name string, blob []byte) error
	GetSystemObject(name string) ([]byte, bool, error)
}
