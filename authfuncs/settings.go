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

func backupSettings(h Host, p auth.Principal, args []value.Value) (value.Value, error) {
	name, err := nameArg("backupSettings", "fileName", args[0])
	if err != nil {
		return nil, err
	}
	perm, err := optBool("backupSettings", "userPermission", funcs.Arg(args, 1), true)
	if err != nil {
		return nil, err
	}
	if _, err := optBool("backupSettings", "functionView", funcs.Arg(args, 2), true); err != nil {
		return nil, err
	}
	users, err := p.Store.Backup(settingsPath(h, name), perm)
	if err != nil {
		return nil, err
	}
	return stringsResult(users), nil
}

func restoreSettings(h Host, p auth.Principal, args []value.Value) (value.Value, error) {
	name, err := nameArg("restoreSettings", "fileName", args[0])
	if err != nil {
		return nil, err
	}
	overwrite, err := optBool("restoreSettings", "overwrite", funcs.Arg(args, 1), false)
	if err != nil {
		return nil, err
	}
	users, err := p.Store.Restore(settingsPath(h, name), overwrite)
	if err != nil {
		return nil, err
	}
	return stringsResult(users), nil
}
