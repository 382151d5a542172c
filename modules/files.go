package modules

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
)

// DefaultDir is moduleDir's default: modules under the home directory.
const DefaultDir = "modules"

// Dir resolves the moduleDir setting: an absolute directory as it is, a
// relative one (DefaultDir when empty) under home. DolphinDB also looks
// under the working and executable directories; a single node has them
// all equal to home (loadModule.md).
func Dir(home, moduleDir string) string {
	if moduleDir == "" {
		moduleDir = DefaultDir
	}
	if filepath.IsAbs(moduleDir) {
		return moduleDir
	}
	return filepath.Join(home, moduleDir)
}

// errNotFound is the error for a module no file holds.
func errNotFound(name string) error { return ddberr.Errorf("Can't find module [%s]", name) }

// base is the path of module name's files under dir, without the
// extension; false when name is no module name (a::b::c of identifiers),
// so no name reaches outside dir.
func base(dir, name string) (string, bool) {
	parts := strings.Split(name, "::")
	for _, p := range parts {
		if p == "" {
			return "", false
		}
		for i, c := range p {
			if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
				return "", false
			}
		}
	}
	return filepath.Join(append([]string{dir}, parts...)...), true
}

// read returns module name's source from dir: the .dos or the .dom file,
// whichever preferDom puts first when both exist.
func read(dir, name string, preferDom bool) (string, error) {
	b, ok := base(dir, name)
	if !ok {
		return "", errNotFound(name)
	}
	exts := []string{".dos", ".dom"}
	if preferDom {
		exts[0], exts[1] = exts[1], exts[0]
	}
	for _, ext := range exts {
		data, err := os.ReadFile(b + ext)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		if ext == ".dom" {
			return decodeDom(b+ext, data)
		}
		return string(data), nil
	}
	return "", errNotFound(name)
}
