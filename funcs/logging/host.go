package logging

import (
	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Host is what these functions need of the calling session beyond
// funcs.Env.
type Host interface {
	funcs.Env
	// Principal is the session's user and the engine's access store.
	Principal() auth.Principal
	// ServerLog is the engine's log.
	ServerLog() Log
}

// logFn is one of these functions given the engine's log.
type logFn func(log Log, args []value.Value) (value.Value, error)

// loggedIn runs f on the caller's log when the session has logged in
// (writeLog).
func loggedIn(f logFn) funcs.Impl {
	return funcs.WithHost(func(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
		if h.Principal().User == "" {
			return nil, ddberr.Errorf("<NotAuthenticated>Please login first.")
		}
		return f(h.ServerLog(), args)
	})
}

// admin runs f on the caller's log when the session's user is an
// administrator.
func admin(fn string, f logFn) funcs.Impl {
	return funcs.WithHost(func(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
		if err := funcs.RequireAdminCan(h, fn); err != nil {
			return nil, err
		}
		return f(h.ServerLog(), args)
	})
}
