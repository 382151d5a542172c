package filesys

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"syscall"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
)

func init() {
	const cat = "filesystem"
	p := func(names ...string) []string { return names }
	funcs.Register(
		funcs.Spec{Name: "file", Params: p("name", "mode", "isLittleEndian"), Min: 1, Max: 3, Props: funcs.Session, Category: cat, Fn: fileFn},
		funcs.Spec{Name: "close", Params: p("X"), Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: cat, Fn: closeAny},
		funcs.Spec{Name: "fflush", Params: p("obj"), Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: cat, Fn: onHandle("fflush", fflush)},
		funcs.Spec{Name: "readLine", Params: p("handle"), Min: 1, Max: 1, Props: funcs.Session, Category: cat, Fn: onHandle("readLine", readLineFn)},
		funcs.Spec{Name: "readLines", Params: p("handle", "length"), Min: 1, Max: 2, Props: funcs.Session, Category: cat, Fn: onHandle("readLines", readLinesFn)},
		funcs.Spec{Name: "writeLine", Params: p("handle", "string", "windowsLineEnding"), Min: 2, Max: 3, Props: funcs.Session, Category: cat, Fn: onHandle("writeLine", writeLineFn)},
		funcs.Spec{Name: "writeLines", Params: p("handle", "object", "offset", "length", "windowsLineEnding"), Min: 2, Max: 5, Props: funcs.Session, Category: cat, Fn: onHandle("writeLines", writeLinesFn)},
		funcs.Spec{Name: "readBytes", Params: p("fileHandle", "sizeInByte"), Min: 2, Max: 2, Props: funcs.Session, Category: cat, Fn: onHandle("readBytes", readBytesFn)},
		funcs.Spec{Name: "writeBytes", Params: p("handle", "bytes"), Min: 2, Max: 2, Props: funcs.Session, Category: cat, Fn: onHandle("writeBytes", writeBytesFn)},
		funcs.Spec{Name: "seek", Params: p("handle", "offset", "mode"), Min: 2, Max: 3, Props: funcs.Session, Category: cat, Fn: onHandle("seek", seekFn)},
		funcs.Spec{Name: "files", Params: p("directory", "pattern"), Min: 1, Max: 2, Props: funcs.Session, Category: cat, Fn: filesFn},
		funcs.Spec{Name: "mkdir", Params: p("directory"), Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: cat, Fn: mkdirFn},
		funcs.Spec{Name: "rm", Params: p("filename"), Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: cat, Fn: rmFn},
		funcs.Spec{Name: "run", Params: p("scriptFile", "newSession", "clean"), Min: 1, Max: 3, Props: funcs.Session, Category: cat, Fn: runFn},
		funcs.Spec{Name: "rmdir", Params: p("directory", "recursive", "keepRootDir"), Min: 1, Max: 3, Props: funcs.Session | funcs.Command, Category: cat, Fn: rmdirFn},
		// binary.go
		funcs.Spec{Name: "read!", Params: p("handle", "holder", "offset", "length"), Min: 2, Max: 4, Props: funcs.Session | funcs.Mutating, Category: cat, Fn: onHandle("read!", readInto)},
		funcs.Spec{Name: "write", Params: p("handle", "object", "offset", "length"), Min: 2, Max: 4, Props: funcs.Session, Category: cat, Fn: onHandle("write", writeFn)},
		funcs.Spec{Name: "readLines!", Params: p("handle", "holder", "offset", "length"), Min: 2, Max: 4, Props: funcs.Session | funcs.Mutating, Category: cat, Fn: onHandle("readLines!", readLinesInto)},
		funcs.Spec{Name: "readRecord!", Params: p("handle", "holder", "offset", "length"), Min: 2, Max: 4, Props: funcs.Session | funcs.Mutating, Category: cat, Fn: readRecord},
		funcs.Spec{Name: "writeRecord", Params: p("handle", "object", "offset", "length"), Min: 2, Max: 4, Props: funcs.Session, Category: cat, Fn: writeRecord},
		// object.go
		funcs.Spec{Name: "writeObject", Params: p("handle", "object"), Min: 2, Max: 2, Props: funcs.Session, Category: cat, Fn: onHandle("writeObject", writeObject)},
		funcs.Spec{Name: "readObject", Params: p("handle"), Min: 1, Max: 1, Props: funcs.Session, Category: cat, Fn: onHandle("readObject", readObject)},
		// model.go
		funcs.Spec{Name: "saveModel", Params: p("model", "location"), Min: 2, Max: 2, Props: funcs.Session, Category: cat, Fn: saveModel},
		funcs.Spec{Name: "loadModel", Params: p("file"), Min: 1, Max: 1, Props: funcs.Session, Category: cat, Fn: loadModel},
	)
}

// OpenError words an operating system error on a script's path as
// DolphinDB does: "Couldn't open file [name]. <reason>".
func OpenError(name string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return ddberr.Errorf("Couldn't open file [%s]. No such file or directory", name)
	case errors.Is(err, fs.ErrPermission):
		return ddberr.Errorf("Couldn't open file [%s]. Permission denied", name)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return ddberr.Errorf("Couldn't open file [%s]. %v", name, pe.Err)
	}
	return ddberr.Errorf("Couldn't open file [%s]. %v", name, err)
}

func pathArg(env funcs.Env, fn, param string, x value.Value) (string, string, error) {
	name, ok := funcs.StringArg(x)
	if !ok {
		return "", "", ddberr.Errorf("The argument [%s] of %s must be a string.", param, fn)
	}
	p, err := Resolve(env, name)
	return p, name, err
}

func handleArg(fn string, x value.Value) (*Handle, error) {
	h, ok := x.(*Handle)
	if !ok {
		return nil, ddberr.Errorf("The first argument of %s must be a file handle.", fn)
	}
	return h, nil
}

// closeAny is close(X): X is a file handle or a connection xdb opened
// (funcs/c/close.md), which the remote package's handle closes itself.
func closeAny(env funcs.Env, args []value.Value) (value.Value, error) {
	if c, ok := args[0].(interface{ CloseConn() error }); ok {
		return nil, c.CloseConn()
	}
	return onHandle("close", closeFn)(env, args)
}

// onHandle is fn, which f runs once its first argument is known to be a
// file handle.
func onHandle(fn string, f func(h *Handle, env funcs.Env, args []value.Value) (value.Value, error)) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		h, err := handleArg(fn, args[0])
		if err != nil {
			return nil, err
		}
		return f(h, env, args)
	}
}

func optBool(fn, param string, x value.Value, def bool) (bool, error) {
	return funcs.BoolArg(fn, param, nilIfNull(x), def)
}

func fileFn(env funcs.Env, args []value.Value) (value.Value, error) {
	path, name, err := pathArg(env, "file", "name", args[0])
	if err != nil {
		return nil, err
	}
	mode, ok := funcs.OptStringArg(funcs.Arg(args, 1), "r")
	if !ok {
		return nil, ddberr.Errorf("The argument [mode] of file must be a string.")
	}
	little, err := optBool("file", "isLittleEndian", funcs.Arg(args, 2), true)
	if err != nil {
		return nil, err
	}
	return openHandle(path, name, mode, !little)
}

func closeFn(h *Handle, _ funcs.Env, args []value.Value) (value.Value, error) {
	return nil, h.close()
}

func fflush(h *Handle, _ funcs.Env, args []value.Value) (value.Value, error) {
	return nil, h.sync()
}

func readLineFn(h *Handle, _ funcs.Env, args []value.Value) (value.Value, error) {
	s, ok, err := h.readLine()
	if err != nil {
		return nil, err
	}
	if !ok {
		return value.NullScalar(value.Void), nil
	}
	return value.NewString(s), nil
}

func readLinesFn(h *Handle, _ funcs.Env, args []value.Value) (value.Value, error) {
	n, err := funcs.PositiveIntArg("readLines", "length", funcs.Arg(args, 1), 1024)
	if err != nil {
		return nil, err
	}
	lines, err := h.readLines(int(n))
	if err != nil {
		return nil, err
	}
	return value.NewStrings(value.String, lines), nil
}

func lineEnd(fn string, x value.Value) (string, error) {
	win, err := optBool(fn, "windowsLineEnding", x, false)
	if err != nil {
		return "", err
	}
	if win {
		return "\r\n", nil
	}
	return "\n", nil
}

func writeLineFn(h *Handle, _ funcs.Env, args []value.Value) (value.Value, error) {
	s, ok := funcs.StringArg(args[1])
	if !ok {
		return nil, ddberr.Errorf("The argument [string] of writeLine must be a string.")
	}
	eol, err := lineEnd("writeLine", funcs.Arg(args, 2))
	if err != nil {
		return nil, err
	}
	if err := h.write([]byte(s + eol)); err != nil {
		return nil, err
	}
	return value.NewInt(1), nil
}

func writeLinesFn(h *Handle, _ funcs.Env, args []value.Value) (value.Value, error) {
	lines, ok := funcs.StringsArg(args[1])
	if !ok {
		return nil, ddberr.Errorf("The argument [object] of writeLines must be a string vector.")
	}
	off, err := funcs.IntArg("writeLines", "offset", nilIfNull(funcs.Arg(args, 2)), 0)
	if err != nil || off < 0 || off > int64(len(lines)) {
		return nil, ddberr.Errorf("The argument [offset] of writeLines is out of range.")
	}
	n, err := funcs.IntArg("writeLines", "length", nilIfNull(funcs.Arg(args, 3)), int64(len(lines))-off)
	if err != nil || n < 0 {
		return nil, ddberr.Errorf("The argument [length] of writeLines must be a non-negative integer.")
	}
	n = min(n, int64(len(lines))-off)
	eol, err := lineEnd("writeLines", funcs.Arg(args, 4))
	if err != nil {
		return nil, err
	}
	var buf []byte
	for _, s := range lines[off : off+n] {
		buf = append(buf, s...)
		buf = append(buf, eol...)
	}
	if err := h.write(buf); err != nil {
		return nil, err
	}
	return value.NewInt(int32(n)), nil
}

func nilIfNull(x value.Value) value.Value {
	if s, ok := x.(*value.Scalar); ok && s.Null {
		return nil
	}
	return x
}

func readBytesFn(h *Handle, env funcs.Env, args []value.Value) (value.Value, error) {
	n, err := funcs.PositiveIntArg("readBytes", "sizeInByte", args[1], 0)
	if err != nil {
		return nil, err
	}
	if err := env.Reserve(int(n)); err != nil {
		return nil, err
	}
	b, err := h.readBytes(int(n))
	if err != nil {
		return nil, err
	}
	out := value.NewVector(value.Char, len(b), len(b))
	copy(value.AsBytes(out.I8), b)
	return out, nil
}

func writeBytesFn(h *Handle, _ funcs.Env, args []value.Value) (value.Value, error) {
	var b []byte
	switch v := args[1].(type) {
	case *value.Scalar:
		if v.T != value.Char {
			return nil, ddberr.Errorf("The buffer of writeBytes must be a CHAR scalar or vector.")
		}
		b = []byte{byte(v.I)}
	case *value.Vector:
		if v.T != value.Char {
			return nil, ddberr.Errorf("The buffer of writeBytes must be a CHAR scalar or vector.")
		}
		b = make([]byte, len(v.I8))
		for i, c := range v.I8 {
			b[i] = byte(c)
		}
	default:
		return nil, ddberr.Errorf("The buffer of writeBytes must be a CHAR scalar or vector.")
	}
	if err := h.write(b); err != nil {
		return nil, err
	}
	return value.NewInt(int32(len(b))), nil
}

// seekFn moves the cursor; mode is 0 (HEAD), 1 (CURRENT, the default) or
// 2 (TAIL).
func seekFn(h *Handle, _ funcs.Env, args []value.Value) (value.Value, error) {
	off, err := funcs.IntArg("seek", "offset", args[1], 0)
	if err != nil {
		return nil, err
	}
	mode, err := funcs.IntArg("seek", "mode", nilIfNull(funcs.Arg(args, 2)), io.SeekCurrent)
	if err != nil || mode < 0 || mode > 2 {
		return nil, ddberr.Errorf("The argument [mode] of seek must be HEAD, CURRENT or TAIL.")
	}
	pos, err := h.seek(off, int(mode))
	if err != nil {
		return nil, err
	}
	return value.NewLong(pos), nil
}

// filesFn lists a directory: filename, isDir, fileSize, lastAccessed and
// lastModified (milliseconds), optionally only names LIKE pattern.
func filesFn(env funcs.Env, args []value.Value) (value.Value, error) {
	path, name, err := pathArg(env, "files", "directory", args[0])
	if err != nil {
		return nil, err
	}
	pattern, ok := funcs.OptStringArg(funcs.Arg(args, 1), "")
	if !ok {
		return nil, ddberr.Errorf("The argument [pattern] of files must be a string.")
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, OpenError(name, err)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	var names []string
	var isDir []int8
	var size, accessed, modified []int64
	for _, e := range entries {
		if pattern != "" && !kernel.LikeMatch(e.Name(), pattern) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		names = append(names, e.Name())
		var d int8
		sz := info.Size()
		if e.IsDir() {
			d, sz = 1, 0
		}
		isDir = append(isDir, d)
		size = append(size, sz)
		mod := info.ModTime().UnixMilli()
		modified = append(modified, mod)
		accessed = append(accessed, accessTime(info, mod))
	}
	return value.NewTable(
		[]string{"filename", "isDir", "fileSize", "lastAccessed", "lastModified"},
		[]*value.Vector{
			value.NewStrings(value.String, names),
			{T: value.Bool, I8: nonNil(isDir)},
			value.NewLongs(nonNil(size)),
			value.NewLongs(nonNil(accessed)),
			value.NewLongs(nonNil(modified)),
		}), nil
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

func accessTime(info fs.FileInfo, def int64) int64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return st.Atim.Sec*1000 + st.Atim.Nsec/1e6
	}
	return def
}

func mkdirFn(env funcs.Env, args []value.Value) (value.Value, error) {
	path, name, err := pathArg(env, "mkdir", "directory", args[0])
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); err == nil {
		return nil, ddberr.Errorf("The directory [%s] already exists.", name)
	}
	if err := os.MkdirAll(path, 0o755); err != nil {
		return nil, OpenError(name, err)
	}
	return nil, nil
}

func rmFn(env funcs.Env, args []value.Value) (value.Value, error) {
	path, name, err := pathArg(env, "rm", "filename", args[0])
	if err != nil {
		return nil, err
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, ddberr.Errorf("Failed to remove file [%s]: it is a directory. Use rmdir.", name)
	}
	if err := os.Remove(path); err != nil {
		return nil, ddberr.Errorf("Failed to remove file [%s] with error code %d", name, errnoOf(err))
	}
	return nil, nil
}

func rmdirFn(env funcs.Env, args []value.Value) (value.Value, error) {
	path, name, err := pathArg(env, "rmdir", "directory", args[0])
	if err != nil {
		return nil, err
	}
	recursive, err := optBool("rmdir", "recursive", funcs.Arg(args, 1), false)
	if err != nil {
		return nil, err
	}
	keepRoot, err := optBool("rmdir", "keepRootDir", funcs.Arg(args, 2), false)
	if err != nil {
		return nil, err
	}
	if keepRoot && !recursive {
		return nil, fmt.Errorf("rmdir: recursive must be true when keepRootDir is true.")
	}
	home, _ := HomeDir(env)
	if filepath.Clean(path) == filepath.Clean(home) && !keepRoot {
		return nil, ddberr.Errorf("Failed to remove directory [%s]: it is the home directory.", name)
	}
	if st, err := os.Stat(path); err != nil || !st.IsDir() {
		return nil, ddberr.Errorf("Failed to remove directory [%s] with error code %d", name, errnoOf(err))
	}
	switch {
	case keepRoot:
		entries, err := os.ReadDir(path)
		if err != nil {
			return nil, OpenError(name, err)
		}
		for _, e := range entries {
			if err := os.RemoveAll(filepath.Join(path, e.Name())); err != nil {
				return nil, ddberr.Errorf("Failed to remove directory [%s] with error code %d", name, errnoOf(err))
			}
		}
	case recursive:
		err = os.RemoveAll(path)
	default:
		err = syscall.Rmdir(path)
	}
	if err != nil {
		return nil, ddberr.Errorf("Failed to remove directory [%s] with error code %d", name, errnoOf(err))
	}
	return nil, nil
}

// errnoOf is the operating system's error number behind err (DolphinDB
// reports it), 0 when there is none.
func errnoOf(err error) int {
	var en syscall.Errno
	if errors.As(err, &en) {
		return int(en)
	}
	if err == nil {
		return int(syscall.ENOTDIR)
	}
	return 0
}
