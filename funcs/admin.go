package funcs

import "github.com/porpoisedb/porpoise/ddberr"

// Admin-only built-ins check the session's user by name: DolphinDB
// reserves them to the user admin. Their pages word the refusal two
// ways, so there is a check for each.

// RequireAdmin fails with "Only administrators execute function fn"
// unless the session's user is admin.
func RequireAdmin(env Env, fn string) error {
	if env.SessionInfo().User != "admin" {
		return ddberr.Errorf("Only administrators execute function %s", fn)
	}
	return nil
}

// RequireAdminCan fails with "Only administrators can execute function
// fn." unless the session's user is admin.
func RequireAdminCan(env Env, fn string) error {
	if env.SessionInfo().User != "admin" {
		return ddberr.Errorf("Only administrators can execute function %s.", fn)
	}
	return nil
}
