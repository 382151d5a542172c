package funcs

import "github.com/porpoisedb/porpoise/ddberr"

// Admin-only built-ins are open to every administrator: the super
// administrator admin and the users created with isAdmin=true (the
// manual's access-control tutorial sets the two apart only by the
// privileges the super administrator holds on all data). DolphinDB words
// the refusal two ways, so there is a check for each.

// RequireAdmin fails with "Only administrators execute function fn"
// unless the session's user is an administrator.
func RequireAdmin(env Env, fn string) error {
	if !env.SessionInfo().Admin {
		return ddberr.Errorf("Only administrators execute function %s", fn)
	}
	return nil
}

// RequireAdminCan fails with "Only administrators can execute function
// fn." unless the session's user is an administrator.
func RequireAdminCan(env Env, fn string) error {
	if !env.SessionInfo().Admin {
		return ddberr.Errorf("Only administrators can execute function %s.", fn)
	}
	return nil
}
