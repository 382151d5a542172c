package jobs

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Host is what these functions need of the calling interpreter beyond
// funcs.Env.
type Host interface {
	funcs.Env
	// Jobs is the registry of the session's engine.
	Jobs() *Registry
	// SubmitJob runs fn(args...) as a batch job of the session's user and
	// returns its id (made unique).
	SubmitJob(id, desc string, fn value.Value, args []value.Value) (string, error)
	// SharedBytes estimates the memory of the shared objects.
	SharedBytes() int64
	// DataDir is the engine's data directory, "" when it keeps
	// everything in memory.
	DataDir() string
}

func host(env funcs.Env) (Host, error) { return funcs.HostOf[Host](env) }

// mayManage reports whether the calling user may cancel or close what
// owner started: administrators anything, other users their own (the
// cancelJob page's rule, applied to console jobs and sessions alike).
func mayManage(env funcs.Env, owner string) bool {
	info := env.SessionInfo()
	return info.Admin || info.User != "" && info.User == owner
}
