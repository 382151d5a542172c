package modules

import (
	"bytes"
	"compress/zlib"
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/porpoisedb/porpoise/ddberr"
)

// domMagic starts every .dom file Porpoise writes (see the package doc).
const domMagic = "PORPOISE-DOM 1\n"

func encodeDom(src string) []byte {
	var b bytes.Buffer
	b.WriteString(domMagic)
	w := zlib.NewWriter(&b)
	_, _ = w.Write([]byte(src)) // a bytes.Buffer doesn't fail
	_ = w.Close()
	return b.Bytes()
}

func decodeDom(path string, data []byte) (string, error) {
	if !bytes.HasPrefix(data, []byte(domMagic)) {
		return "", ddberr.Errorf("The module file %s was not saved by Porpoise; DolphinDB's .dom format can't be read, use the module's .dos file.", path)
	}
	var src []byte
	r, err := zlib.NewReader(bytes.NewReader(data[len(domMagic):]))
	if err == nil {
		src, err = io.ReadAll(r)
	}
	if err != nil {
		return "", ddberr.Errorf("Can't read the damaged module file %s: %w", path, err)
	}
	return string(src), nil
}

// Save serializes module name's .dos file, under the directory dirArg
// names (moduleDir when empty), into the .dom file beside it
// (saveModule); an existing .dom is replaced only with overwrite. The
// module must parse as loading would read it.
func (r *Registry) Save(dirArg, name string, overwrite bool) error {
	dir, err := r.dir(dirArg)
	if err != nil {
		return err
	}
	b, ok := base(dir, name)
	if !ok {
		return errNotFound(name)
	}
	src, err := os.ReadFile(b + ".dos")
	if errors.Is(err, fs.ErrNotExist) {
		return errNotFound(name)
	}
	if err != nil {
		return err
	}
	if _, _, err := r.parse(name, string(src)); err != nil {
		return err
	}
	if _, err := os.Stat(b + ".dom"); err == nil && !overwrite {
		return ddberr.Errorf("The module file %s already exists. Set overwrite=true to replace it.", b+".dom")
	}
	return os.WriteFile(b+".dom", encodeDom(string(src)), 0o644)
}
