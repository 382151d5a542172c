package engine_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/stretchr/testify/require"
)

// Shared objects read outside their statement lock, or written under
// the wrong one: objs(true) and getSessionMemoryStat read every shared
// table without its lock; a handle or shared table held in a dictionary
// (or a tuple inside one) was not found by the lock planning; a module's
// function with a mutable parameter took only the read lock of the
// table passed to it. Each raced another session's appends: under -race
// these failed, and now report nothing while the counts agree.
func TestSharedReadsOutsideThePlan(t *testing.T) {
	n := 1500
	if testing.Short() {
		n = 300
	}
	appendLoop := fmt.Sprintf("for (j in til(%d)) { st.append!(table(j as a, 1.0 as v)) }", n)
	readLoop := fmt.Sprintf("for (j in til(%d)) { assert size(st.a) == size(st.v) }", n)
	runSharedCases(t, []sharedCase{
		{
			name:  "objs(true) while another session appends",
			setup: "share table(1:0, `a`v, [INT,DOUBLE]) as st",
			scripts: []string{
				appendLoop,
				fmt.Sprintf("for (j in til(%d)) { r = exec rows from objs(true) where name == `st; assert r[0] <= %d }", n/5, n),
				// objs under a statement holding st's lock, and the
				// memory estimate of the shared tables
				fmt.Sprintf("for (j in til(%d)) { o = select rows from objs(true) where name == \"st\"; m = getSessionMemoryStat() }", n/5),
			},
			check: "exec rows from objs(true) where name == `st",
			want:  fmt.Sprintf("[%d]", n),
		},
		{
			name:  "a variable bound to the table it shared",
			setup: "share table(1:0, `a`v, [INT,DOUBLE]) as st",
			scripts: []string{
				appendLoop,
				fmt.Sprintf("t = table(1:0, `a`v, [INT,DOUBLE]); share t as st2; for (j in til(%d)) { t.append!(table(j as a, 1.0 as v)); o = objs(true) }", n),
				fmt.Sprintf("for (j in til(%d)) { if (`st2 in (exec name from objs(true))) assert size(st2.a) == size(st2.v) }", n),
			},
			check: "size(st)",
			want:  fmt.Sprint(n),
		},
		{
			name:  "an IPC table held in a dictionary and in a tuple inside one",
			setup: "createIPCInMemoryTable(1000000, \"ipc_r\", `a`v, [INT,DOUBLE])",
			scripts: []string{
				fmt.Sprintf("h = loadIPCInMemoryTable(\"ipc_r\"); d = dict([`a], [h]); for (j in til(%d)) { d[`a].append!(table(j as a, 1.0 as v)) }", n),
				fmt.Sprintf("h = loadIPCInMemoryTable(\"ipc_r\"); e1 = dict([`a], [[h, 1]]); for (j in til(%d)) { e1[`a][0].append!(table(j as a, 1.0 as v)) }", n),
				fmt.Sprintf("h = loadIPCInMemoryTable(\"ipc_r\"); for (j in til(%d)) { assert size(h.a) == size(h.v); o = objs() }", n),
			},
			check: "size(loadIPCInMemoryTable(\"ipc_r\"))",
			want:  fmt.Sprint(2 * n),
		},
		{
			name:  "a shared table held in a dictionary",
			setup: "share table(1:0, `a`v, [INT,DOUBLE]) as st",
			scripts: []string{
				fmt.Sprintf("d = dict([`a], [st]); for (j in til(%d)) { d[`a].append!(table(j as a, 1.0 as v)) }", n),
				readLoop,
			},
			check: "size(st)",
			want:  fmt.Sprint(n),
		},
		{
			name:  "a module's function with a mutable parameter",
			setup: "share table(1:0, `a`v, [INT,DOUBLE]) as st",
			scripts: []string{
				fmt.Sprintf("loadModuleFromScript(\"rowsmod\", \"module rowsmod \\n def addRow(mutable t, j) { t.append!(table(j as a, 1.0 as v)) }\")\n"+
					"for (j in til(%d)) { addRow(st, j) }; for (j in til(%d)) { rowsmod::addRow(st, j) }", n/2, n/2),
				readLoop,
			},
			check: "size(st)",
			want:  fmt.Sprint(n / 2 * 2),
		},
	})
}

// Two sessions take the locks of two shared tables named in opposite
// orders while objs(true) reads every shared table, alone and inside a
// statement that holds one of them (where it must not wait for the
// other): none of them may wait forever.
func TestSharedLocksNoDeadlockWithObjs(t *testing.T) {
	n := 1000
	if testing.Short() {
		n = 200
	}
	e, _ := testkit.Started(t, "share table(1:0, `a, [INT]) as ta; share table(1:0, `a, [INT]) as tb")
	done := make(chan []error)
	go func() {
		done <- runConcurrently(e,
			fmt.Sprintf("for (j in til(%d)) { x = [ta.append!(table(j as a)), tb.append!(table(j as a))] }", n),
			fmt.Sprintf("for (j in til(%d)) { x = [tb.append!(table(j as a)), ta.append!(table(j as a))] }", n),
			fmt.Sprintf("for (j in til(%d)) { o = objs(true) }", n/2),
			fmt.Sprintf("for (j in til(%d)) { o = select * from objs(true) where name == \"tb\" }", n/2),
			fmt.Sprintf("for (j in til(%d)) { o = select * from objs(true) where name == \"ta\"; m = getSessionMemoryStat() }", n/2),
		)
	}()
	select {
	case errs := <-done:
		for i, err := range errs {
			require.NoError(t, err, "script %d", i)
		}
	case <-time.After(3 * time.Minute):
		t.Fatal("deadlock: the sessions did not finish")
	}
	require.Equal(t, fmt.Sprintf("[%d,%d]", 2*n, 2*n), testkit.RunAll(t, e, "exec rows from objs(true) where name in `ta`tb"))
}
