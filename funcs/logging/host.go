package logging

import (
	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
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

// loggedIn is the caller's log when the session has logged in (writeLog).
func loggedIn(env funcs.Env) (Log, error) {
	h, err := funcs.HostOf[Host](env)
	if err != nil {
		return nil, err
	}
	if h.Principal().User == "" {
		return nil, ddberr.Errorf("<NotAuthenticated>Please login first.")
	}
	return h.ServerLog(), nil
}

// admin is the caller's log when the session's user is an administrator.
func admin(env funcs.Env, fn string) (Log, error) {
	h, err := funcs.HostOf[Host](env)
	if err != nil {
		return nil, err
	}
	if !h.Principal().IsAdmin() {
		return nil, ddberr.Errorf("Only administrators can execute function %s.", fn)
	}
	return h.ServerLog(), nil
}
