package filesys

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
)

// Home is implemented by an Env whose server has a directory for user
// files (the engine's: its data directory, or a scratch directory for an
// in-memory engine, created on first use).
type Home interface {
	FileHome() (string, error)
}

// HomeDir returns the directory env's file functions are confined to.
func HomeDir(env funcs.Env) (string, error) {
	h, err := funcs.HostOf[Home](env)
	if err != nil {
		return "", err
	}
	return h.FileHome()
}

// Resolve turns a script's file name into a path on disk: a relative name
// is taken from the home directory (as DolphinDB resolves it), and the
// result must lie inside the home directory, also after following the
// symbolic links of its existing part, so a script cannot read or write
// the rest of the machine.
func Resolve(env funcs.Env, name string) (string, error) {
	home, err := HomeDir(env)
	if err != nil {
		return "", err
	}
	if name == "" {
		return "", ddberr.Errorf("The file name can't be empty.")
	}
	p := name
	if !filepath.IsAbs(p) {
		p = filepath.Join(home, p)
	}
	p = filepath.Clean(p)
	if !within(home, p) {
		return "", noAccess(name)
	}
	if real, ok := realPrefix(p); ok {
		realHome, err := filepath.EvalSymlinks(home)
		if err == nil && !within(realHome, real) {
			return "", noAccess(name)
		}
	}
	return p, nil
}

func noAccess(name string) error {
	return ddberr.Errorf("No access to [%s]: file functions may only use paths under the server's home directory.", name)
}

// within reports whether p is dir or below it.
func within(dir, p string) bool {
	dir = filepath.Clean(dir)
	if p == dir {
		return true
	}
	return strings.HasPrefix(p, dir+string(filepath.Separator))
}

// realPrefix resolves the symbolic links of p's longest existing prefix
// and appends the rest.
func realPrefix(p string) (string, bool) {
	rest := ""
	for q := p; ; {
		if _, err := os.Lstat(q); err == nil {
			r, err := filepath.EvalSymlinks(q)
			if err != nil {
				return "", false
			}
			return filepath.Join(r, rest), true
		}
		parent := filepath.Dir(q)
		if parent == q {
			return "", false
		}
		rest = filepath.Join(filepath.Base(q), rest)
		q = parent
	}
}
