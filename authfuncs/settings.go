package authfuncs

import (
	"path/filepath"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/filesys"
	"github.com/porpoisedb/porpoise/value"
)

// backupSettings and restoreSettings save and load the users, groups and
// privileges to a file.

// settingsPath resolves a backup file name against the home directory.
func settingsPath(env funcs.Env, name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	if home, err := filesys.HomeDir(env); err == nil {
		return filepath.Join(home, name)
	}
	return name
}

func backupSettings(h Host, p auth.Principal, r *funcs.Args) (value.Value, error) {
	name := nameArg(r, "fileName", r.Arg(0))
	perm := r.Bool("userPermission", r.Given(1), true)
	r.Bool("functionView", r.Given(2), true)
	if err := r.Err(); err != nil {
		return nil, err
	}
	return stringsResult(p.Store.Backup(settingsPath(h, name), perm))
}

func restoreSettings(h Host, p auth.Principal, r *funcs.Args) (value.Value, error) {
	name := nameArg(r, "fileName", r.Arg(0))
	overwrite := r.Bool("overwrite", r.Given(1), false)
	if err := r.Err(); err != nil {
		return nil, err
	}
	return stringsResult(p.Store.Restore(settingsPath(h, name), overwrite))
}
