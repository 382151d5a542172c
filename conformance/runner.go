package conformance

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/config"
	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/server"
	// The chinese parser of text indexes, for the records and the porpoise
	// command (serve and test), which imports this package.
	_ "github.com/porpoisedb/porpoise/textindex/jieba"
	"github.com/porpoisedb/porpoise/value"
)

// Conn runs scripts and function calls in one session.
type Conn interface {
	Run(script string) (value.Value, error)
	// Call calls a function by name with arguments, as a client's
	// function-call request does (arguments uploaded, not written as
	// script).
	Call(fn string, args ...value.Value) (value.Value, error)
	// Request sends raw request bytes on a new connection to the server
	// (see SendRequest).
	Request(raw []byte) (value.Value, error)
	Close() error
}

// Target opens a fresh environment for each file: its configuration
// applied and its dfs:// databases empty. A non-empty skip reason skips the
// whole file (counted, never passed).
type Target interface {
	Open(f *File) (conn Conn, skip string, err error)
}

// InProcess runs files against a fresh embedded in-memory engine each
// (one with a temporary data directory for a file that sets
// persistenceDir).
type InProcess struct{}

// persistenceDir is the configuration a file sets, to any path, to persist
// stream tables (enableTableShareAndPersistence needs it): in process,
// the engine gets a temporary data directory, where porpoise keeps them;
// over the wire, the server's persistenceDir must be set.
const persistenceDir = "persistenceDir"

// localSite is the configuration a file sets, to any value, when its
// scripts connect to their own server (xdb(getNodeHost(),
// getNodePort())): in process, the engine is then served on a loopback
// port from the start; over the wire, the server already listens.
const localSite = "localSite"

// Open implements Target.
func (InProcess) Open(f *File) (Conn, string, error) {
	cfg := config.Default()
	opts := engine.Options{Config: &cfg, InMemory: true}
	listen := false
	for _, kv := range f.Config {
		if kv[0] == localSite {
			listen = true
			continue
		}
		if kv[0] == persistenceDir && opts.InMemory {
			dir, err := os.MkdirTemp("", "porpoise-conformance-")
			if err != nil {
				return nil, "", err
			}
			opts.InMemory, opts.DataDir = false, dir
			continue
		}
		if err := cfg.Set(kv[0], kv[1]); err != nil {
			return nil, "", errors.Join(err, removeDir(opts.DataDir))
		}
	}
	e, err := engine.Open(opts)
	if err != nil {
		return nil, "", errors.Join(err, removeDir(opts.DataDir))
	}
	c := &engineConn{e: e, s: e.NewSession(), dir: opts.DataDir}
	if listen {
		if err := c.serve(); err != nil {
			return nil, "", errors.Join(err, c.Close())
		}
	}
	return c, "", nil
}

// removeDir removes a temporary data directory ("": none).
func removeDir(dir string) error {
	if dir == "" {
		return nil
	}
	return os.RemoveAll(dir)
}

type engineConn struct {
	e *engine.Engine
	s *engine.Session
	// dir is the engine's temporary data directory, removed on Close.
	dir string
	// srv serves e on a loopback port once a request record needs it.
	srv  *server.Server
	addr string
}

func (c *engineConn) Run(script string) (value.Value, error) { return c.s.Run(script) }
func (c *engineConn) Call(fn string, args ...value.Value) (value.Value, error) {
	return c.s.Call(fn, args...)
}
func (c *engineConn) Request(raw []byte) (value.Value, error) {
	if err := c.serve(); err != nil {
		return nil, err
	}
	return SendRequest(c.addr, raw)
}

// serve starts serving the engine on a loopback port, once; the engine
// then knows its site (getNodePort).
func (c *engineConn) serve() error {
	if c.srv != nil {
		return nil
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	c.srv, c.addr = server.New(c.e, server.Options{}), l.Addr().String()
	go c.srv.Serve(l)
	for i := 0; c.srv.Addr() == nil && i < 1000; i++ {
		time.Sleep(time.Millisecond)
	}
	return nil
}

func (c *engineConn) Close() error {
	if c.srv != nil {
		c.srv.Close()
	}
	return errors.Join(c.e.Close(), removeDir(c.dir))
}

// Failure describes one record that did not pass.
type Failure struct {
	File     string
	Line     int
	Script   string
	Expected string
	Got      string
}

// String lays the failure out as the runner prints it.
func (f Failure) String() string {
	return fmt.Sprintf("FAIL %s:%d\n  script:\n%s\n  expected:\n%s\n  got:\n%s\n",
		f.File, f.Line, indent(f.Script), indent(f.Expected), indent(f.Got))
}

func indent(s string) string {
	if s == "" {
		return "    (empty)"
	}
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

// Result counts records.
type Result struct {
	Passed, Failed, Skipped int
	Failures                []Failure
}

// Summary is the closing line: "N passed, M failed[, K skipped]".
func (r Result) Summary() string {
	s := fmt.Sprintf("%d passed, %d failed", r.Passed, r.Failed)
	if r.Skipped > 0 {
		s += fmt.Sprintf(", %d skipped", r.Skipped)
	}
	return s
}

// Collect expands paths (files or directories) into the sorted list of
// .test files.
func Collect(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(path, ".test") {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(files)
	return files, nil
}

// RunFiles runs every file and prints failures (and skips) to out as they
// happen.
func RunFiles(t Target, files []string, out io.Writer) (Result, error) {
	var total Result
	for _, path := range files {
		f, err := ParseFile(path)
		if err != nil {
			return total, err
		}
		r, err := RunFile(t, f)
		if err != nil {
			return total, fmt.Errorf("%s: %w", path, err)
		}
		for _, fl := range r.Failures {
			fmt.Fprint(out, fl.String())
		}
		if r.Skipped > 0 {
			fmt.Fprintf(out, "SKIP %s: %d records\n", path, r.Skipped)
		}
		total.Passed += r.Passed
		total.Failed += r.Failed
		total.Skipped += r.Skipped
		total.Failures = append(total.Failures, r.Failures...)
	}
	return total, nil
}

// RunFile runs one parsed file top to bottom in one session.
func RunFile(t Target, f *File) (Result, error) {
	var res Result
	conn, skip, err := t.Open(f)
	if err != nil {
		return res, err
	}
	if skip != "" {
		res.Skipped = len(f.Records)
		return res, nil
	}
	defer conn.Close()
	for _, rec := range f.Records {
		if fl, ok := runRecord(conn, f.Path, rec); ok {
			res.Passed++
		} else {
			res.Failed++
			res.Failures = append(res.Failures, fl)
		}
	}
	return res, nil
}

// execute runs a record's script, sends a request record's bytes, or for
// a call record evaluates its argument expressions and calls the function
// with their values.
func execute(conn Conn, rec Record) (value.Value, error) {
	if rec.Kind == Request {
		return conn.Request(rec.Raw)
	}
	if rec.Kind != Call {
		return conn.Run(rec.Script)
	}
	args := make([]value.Value, len(rec.Args))
	for i, a := range rec.Args {
		v, err := conn.Run(a)
		if err != nil {
			return nil, fmt.Errorf("argument %d (%s): %w", i+1, a, err)
		}
		args[i] = v
	}
	return conn.Call(rec.Func, args...)
}

func runRecord(conn Conn, path string, rec Record) (Failure, bool) {
	fail := Failure{File: path, Line: rec.Line, Script: rec.Script}
	if rec.Kind == Call {
		fail.Script = "call " + rec.Func + "(" + strings.Join(rec.Args, ", ") + ")"
	}
	if rec.New {
		fail.Expected, fail.Got = "a golden (the record is marked new)", "run with -rewrite to record the output"
		return fail, false
	}
	v, err := execute(conn, rec)
	kind := rec.Kind
	switch kind {
	case Call:
		kind = Query
		if rec.CallError {
			kind = StatementError
		}
	case Request:
		kind = StatementOK
		if rec.CallError {
			kind = StatementError
		}
	}
	switch kind {
	case StatementOK:
		if err != nil {
			fail.Expected, fail.Got = "no error", "error: "+err.Error()
			return fail, false
		}
	case StatementError:
		if err == nil {
			fail.Expected = "error"
			if rec.ErrText != "" {
				fail.Expected += " containing: " + rec.ErrText
			}
			got, _ := Render(v)
			fail.Got = "no error, value:\n" + strings.Join(got, "\n")
			return fail, false
		}
		if !strings.Contains(err.Error(), rec.ErrText) {
			fail.Expected, fail.Got = "error containing: "+rec.ErrText, "error: "+err.Error()
			return fail, false
		}
	case Query:
		if err != nil {
			fail.Expected, fail.Got = strings.Join(rec.Expected, "\n"), "error: "+err.Error()
			return fail, false
		}
		got, header := Render(v)
		want := rec.Expected
		if rec.RowSort {
			got, want = sortRows(got, header), sortRows(want, header)
		}
		// A NULL scalar renders as one empty line, which the file format
		// can't write (a blank line ends the record): trailing empty lines
		// compare equal to none.
		got, want = trimTrailingEmpty(got), trimTrailingEmpty(want)
		if strings.Join(got, "\n") != strings.Join(want, "\n") || len(got) != len(want) {
			fail.Expected, fail.Got = strings.Join(want, "\n"), strings.Join(got, "\n")
			return fail, false
		}
	}
	return fail, true
}

func sortRows(lines []string, header bool) []string {
	out := append([]string(nil), lines...)
	start := 0
	if header && len(out) > 0 {
		start = 1
	}
	sort.Strings(out[start:])
	return out
}

func trimTrailingEmpty(lines []string) []string {
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}
