package engine

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// robustPalette is one value of every form and of the common types,
// including NULLs and empty vectors, small enough that no built-in can
// allocate much from it.
const robustPalette = `
p0 = 0; p1 = 3; p2 = -1; p3 = 2.5; p4 = NULL; p5 = int(NULL); p6 = double(NULL)
p7 = true; p8 = 'a'; p9 = "abc"; p10 = ""; p11 = ` + "`sym" + `; p12 = 2024.01.01
p13 = 10:00:00.000; p14 = 1 2 3; p15 = 1.0 NULL 3.0; p16 = ["a", "b"]
p17 = ` + "`a`b" + `; p18 = [true, false]; p19 = 2024.01.01 2024.01.02; p20 = int([])
p21 = (1, "a"); p22 = 1:3; p23 = 1..6$2:3; p24 = {1:2}; p25 = set([1, 2])
p26 = table(1 2 as a, 3.5 4.5 as b); p27 = arrayVector([2, 3], 1..3); p28 = 1H
p29 = add; p30 = <1 + 1>; p31 = 3 NULL 1; p32 = short(2); p33 = 2024.01M
p34 = [1, NULL]; p35 = string([]); p36 = (1..4)$2:2; p37 = 5.0
p38 = complex(1 2, 3 4); p39 = point(1, 2); p40 = uuid("5d212a78-cc48-e3b1-4235-b4d91473ee87")
p41 = 3.14$DECIMAL64(2)
`

const robustPaletteSize = 42

// robustSkip lists built-ins that the robustness sweep must not call: they
// sleep, touch files, the network or other sessions, or stop the server.
var robustSkip = map[string]bool{
	"sleep": true, "shutdown": true, "exit": true, "submitJob": true, "submitJobEx": true,
	"closeSessions": true, "cancelJob": true, "cancelConsoleJob": true, "run": true,
	"saveText": true, "saveTable": true, "loadText": true, "loadTextEx": true, "files": true,
	"mkdir": true, "rmdir": true, "rm": true, "saveModule": true, "loadModule": true,
	"backup": true, "restore": true, "evalTimer": true, "ploop": true, "peach": true,
	"pcall": true, "pnodeRun": true, "rpc": true, "remoteRun": true, "remoteRunWithCompression": true,
	"print": true, "writeLog": true, "writeLogLevel": true, "setRandomSeed": true,
	"undef": true, "clearAllCache": true, "dropDatabase": true, "dropStreamTable": true,
	"share": true, "loop": true,
	// backupSettings/restoreSettings read and write files.
	"backupSettings": true, "restoreSettings": true,
}

// robustSessionSwept lists built-ins marked funcs.Session that the sweep
// still calls: they were swept while they were the interpreter's own, and
// over the palette they only read, create or change the objects of this
// one test engine and session.
var robustSessionSwept = map[string]bool{
	"database": true, "createPartitionedTable": true, "createTable": true, "createDimensionTable": true,
	"loadTable": true, "existsDatabase": true, "existsTable": true, "dropTable": true, "dropPartition": true,
	"addValuePartitions": true, "addRangePartitions": true, "getClusterDFSDatabases": true, "getClusterDFSTables": true,
	"exists": true, "defined": true, "login": true, "logout": true, "getConfig": true, "objs": true,
	"table": true, "tableInsert": true, "append!": true, "push!": true, "upsert!": true, "tableUpsert": true,
	"schema": true, "columnNames": true, "cols": true, "objByName": true,
}

// TestBuiltinsNeverPanic calls every registered built-in with every one and
// two argument combination of robustPalette (and a sample of three): each
// call must return a value or a DolphinDB error, never a Go panic, which
// the engine reports as an internal error.
func TestBuiltinsNeverPanic(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("sweeps every built-in; too slow under -short and -race")
	}
	e, err := Open(Options{InMemory: true, Seed: 1})
	require.NoError(t, err)
	defer e.Close()
	s := e.NewSession()
	mustRun(t, s, robustPalette)
	pal := make([]value.Value, robustPaletteSize)
	for i := range pal {
		v, ok := s.vars[fmt.Sprintf("p%d", i)]
		require.True(t, ok, "palette value p%d", i)
		pal[i] = v
	}
	var names []string
	for _, sp := range funcs.All() {
		names = append(names, sp.Name)
	}
	sort.Strings(names)
	var failures []string
	for _, name := range names {
		if robustSkip[name] {
			continue
		}
		if sp, ok := funcs.Lookup(name); ok && sp.Props.Has(funcs.Session) && !robustSessionSwept[name] {
			continue
		}
		fail := sweep(s, name, pal)
		if fail != "" {
			failures = append(failures, fail)
		}
	}
	require.Empty(t, failures, "built-ins that panic:\n%s", strings.Join(failures, "\n"))
}

// sweep calls name with the palette and returns the first panic it meets,
// described, or "".
func sweep(s *Session, name string, pal []value.Value) string {
	min := 0
	if sp, ok := funcs.Lookup(name); ok {
		min = sp.Min
	}
	try := func(args ...value.Value) string {
		// a fresh copy of mutable arguments, so that ! functions can't
		// poison the palette for the calls after them
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_, err := callRobust(s, ctx, name, args)
		if err != nil && strings.Contains(err.Error(), "internal error") {
			parts := make([]string, len(args))
			for i, a := range args {
				parts[i] = describeArg(a)
			}
			return fmt.Sprintf("%s(%s): %v", name, strings.Join(parts, ", "), err)
		}
		return ""
	}
	if f := try(); f != "" {
		return f
	}
	for _, a := range pal {
		if f := try(a); f != "" {
			return f
		}
	}
	for _, a := range pal {
		for _, b := range pal {
			if f := try(a, b); f != "" {
				return f
			}
		}
	}
	for i := range pal {
		a, b, c := pal[i], pal[(i*7+3)%len(pal)], pal[(i*13+5)%len(pal)]
		if f := try(a, b, c); f != "" {
			return f
		}
		// empty optional arguments, f(a, , b) and f(a, b, ), reach the
		// function as absent (required ones are NULL by then) and must
		// never be dereferenced
		if min < 2 {
			if f := try(a, nil, b); f != "" {
				return f
			}
		}
		if min < 3 {
			if f := try(a, b, nil); f != "" {
				return f
			}
		}
	}
	return ""
}

func callRobust(s *Session, ctx context.Context, name string, args []value.Value) (v value.Value, err error) {
	cp := make([]value.Value, len(args))
	for i, a := range args {
		if a != nil {
			cp[i] = copyArg(a)
		}
	}
	defer recoverError(&err)
	in := &interp{s: s, ctx: ctx, frame: map[string]value.Value{}}
	f := in.function(name)
	if f == nil {
		return nil, nil
	}
	return in.call(f, cp, nil)
}

// copyArg copies the containers a mutating built-in could change.
func copyArg(a value.Value) value.Value {
	switch x := a.(type) {
	case *value.Vector:
		return x.Clone()
	case *value.Table:
		cols := make([]*value.Vector, len(x.Cols))
		for i, c := range x.Cols {
			cols[i] = c.Clone()
		}
		return &value.Table{Names: append([]string(nil), x.Names...), Cols: cols}
	}
	return a
}

// describeArg prints a palette argument for a failure report; a value a
// failing call left broken prints as its type.
func describeArg(a value.Value) (s string) {
	if a == nil {
		return ""
	}
	defer func() {
		if recover() != nil {
			s = fmt.Sprintf("<%T>", a)
		}
	}()
	return a.String()
}
