package npy

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"strings"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/filesys"
	"github.com/porpoisedb/porpoise/value"
)

// readFile reads a script's file under the home directory.
func readFile(env funcs.Env, fn string, arg value.Value) ([]byte, string, error) {
	name, err := funcs.StrScalarArg(fn, "fileName", arg)
	if err != nil {
		return nil, "", err
	}
	path, err := filesys.Resolve(env, name)
	if err != nil {
		return nil, "", err
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, "", filesys.OpenError(name, err)
	}
	return b, name, nil
}

// loadNpy is loadNpy(fileName).
func loadNpy(env funcs.Env, args []value.Value) (value.Value, error) {
	b, name, err := readFile(env, "loadNpy", args[0])
	if err != nil {
		return nil, err
	}
	return load("loadNpy", name, b)
}

// loadNpz is loadNpz(fileName): an .npz file is a zip archive (stored or
// deflated) of .npy files, one per array, which loads as a dictionary
// from each array's name to its value.
func loadNpz(env funcs.Env, args []value.Value) (value.Value, error) {
	b, name, err := readFile(env, "loadNpz", args[0])
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, notNpz(name, err)
	}
	keys := make([]string, 0, len(zr.File))
	vals := make([]value.Value, 0, len(zr.File))
	for _, f := range zr.File {
		member, err := readMember(f)
		if err != nil {
			return nil, notNpz(name, err)
		}
		v, err := load("loadNpz", name+"/"+f.Name, member)
		if err != nil {
			return nil, err
		}
		keys = append(keys, strings.TrimSuffix(f.Name, ".npy"))
		vals = append(vals, v)
	}
	return funcs.DictOf(value.NewStrings(value.String, keys), value.NewTuple(vals)), nil
}

func readMember(f *zip.File) ([]byte, error) {
	r, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}
