package npy

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/filesys"
	"github.com/porpoisedb/porpoise/value"
)

var errTruncated = errors.New("the array's data is shorter than its shape")

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

// load decodes one .npy file's bytes.
func load(fn, name string, b []byte) (value.Value, error) {
	h, at, err := parseHeader(b)
	if err == nil {
		var v value.Value
		if v, err = decode(fn, h, b[at:]); err == nil || !errors.Is(err, errTruncated) {
			return v, err
		}
	}
	return nil, ddberr.Errorf("The file [%s] is not a valid NumPy .npy file: %w", name, err)
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
		return nil, ddberr.Errorf("The file [%s] is not a valid NumPy .npz file: %w", name, err)
	}
	keys := make([]string, 0, len(zr.File))
	vals := make([]value.Value, 0, len(zr.File))
	for _, f := range zr.File {
		member, err := readMember(f)
		if err != nil {
			return nil, ddberr.Errorf("The file [%s] is not a valid NumPy .npz file: %w", name, err)
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

// saveAsNpy is saveAsNpy(obj, fileName): a numeric vector or matrix
// written as an .npy file; DolphinDB requires a logged-in user.
func saveAsNpy(env funcs.Env, args []value.Value) (value.Value, error) {
	var (
		v       *value.Vector
		shape   []int
		fortran bool
	)
	switch x := args[0].(type) {
	case *value.Vector:
		v, shape = x, []int{x.Len()}
	case *value.Matrix:
		v, shape, fortran = x.V, []int{x.Rows, x.Cols}, true
	}
	if v == nil || descrs[v.T] == "" {
		return nil, ddberr.Errorf("The argument [obj] of saveAsNpy must be a numeric vector or matrix.")
	}
	name, err := funcs.StrScalarArg("saveAsNpy", "fileName", args[1])
	if err != nil {
		return nil, err
	}
	if env.SessionInfo().User == "" {
		return nil, ddberr.Errorf("<NotAuthenticated>Please login first.")
	}
	path, err := filesys.Resolve(env, name)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(path, encode(v, shape, fortran), 0o644); err != nil {
		return nil, filesys.OpenError(name, err)
	}
	return nil, nil
}
