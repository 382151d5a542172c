package xsengine_test

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/testkit"
)

// xsCase is one engine of the property test: its arguments after name,
// dummyTable and outputTable, and its output table.
type xsCase struct{ args, out string }

// randomXS picks a triggering pattern and options whose output time is
// the data's (the interval pattern's and system time's are the clock's).
func randomXS(r *rand.Rand) xsCase {
	var c xsCase
	switch r.Intn(5) {
	case 0:
		c.args = `triggeringPattern="perBatch"`
	case 1:
		c.args = `triggeringPattern="perRow"`
	case 2:
		c.args = fmt.Sprintf(`triggeringPattern="dataInterval", triggeringInterval=%d`, 3+r.Intn(20))
	case 3:
		c.args = fmt.Sprintf(`triggeringPattern="keyCount", triggeringInterval=%d`, 2+r.Intn(4))
	default:
		c.args = fmt.Sprintf(`triggeringPattern="keyCount", triggeringInterval=(%d, %d)`, 3+r.Intn(3), 1+r.Intn(3))
	}
	if strings.Contains(c.args, "keyCount") && r.Intn(2) == 0 {
		c.args += ", lastBatchOnly=true"
	}
	c.args += ", useSystemTime=false, timeColumn=`time"
	switch r.Intn(5) {
	case 0:
		c.args = "metrics=<[sum(v), count(v), max(d), last(s)]>, keyColumn=`sym, " + c.args
		c.out = "table(1:0, `time`sv`cv`md`ls, [TIMESTAMP, LONG, LONG, DECIMAL64(2), STRING])"
	case 1:
		// aggregates by context group
		c.args = "metrics=<[sum(v), max(d)]>, keyColumn=`sym, contextByColumn=`grp, " + c.args
		c.out = "table(1:0, `time`grp`sv`md, [TIMESTAMP, INT, LONG, DECIMAL64(2)])"
	case 2:
		// over the context groups updated since the last computation,
		// keyed on two columns
		c.args = "metrics=<[sum(v), count(v)]>, keyColumn=`sym`s, contextByColumn=`grp, updatedContextGroupsOnly=true, " + c.args
		c.out = "table(1:0, `time`grp`sv`cv, [TIMESTAMP, INT, LONG, LONG])"
	case 3:
		// a context by query (rank is no aggregate) over the groups
		// updated since the last computation
		c.args = "metrics=<[v, rank(v)]>, keyColumn=`sym, contextByColumn=`grp, updatedContextGroupsOnly=true, " + c.args
		c.out = "table(1:0, `time`grp`v`rk, [TIMESTAMP, INT, INT, INT])"
	default:
		// a row per key, in the order the keys arrived
		c.args = "metrics=<[sym, v, rank(v)]>, keyColumn=`sym, " + c.args
		c.out = "table(1:0, `time`sym`v`rk, [TIMESTAMP, SYMBOL, INT, INT])"
	}
	return c
}

// xsBatches is a stream of appends: times mostly rising, some late,
// equal times in runs (keyCount counts the rows of one time); and their
// rows.
func xsBatches(r *rand.Rand) ([]string, []int) {
	t := int64(r.Intn(30))
	return testkit.SnapshotBatches(r, 15, func(rows int) string {
		times, syms, grps, vals, strs := make([]string, rows), make([]string, rows), make([]string, rows), make([]string, rows), make([]string, rows)
		for j := range times {
			if r.Intn(3) == 0 {
				t += int64(1 + r.Intn(6))
			}
			at := t
			if r.Intn(12) == 0 {
				at -= int64(1 + r.Intn(8))
			}
			times[j] = fmt.Sprint(at)
			syms[j] = `"` + string(rune('a'+r.Intn(6))) + `"`
			grps[j] = fmt.Sprint(r.Intn(3))
			vals[j] = fmt.Sprint(r.Intn(100) - 20)
			strs[j] = `"` + string(rune('x'+r.Intn(2))) + `"`
		}
		return fmt.Sprintf("table(2024.01.02T09:30:00.000 + [%s] as time, symbol([%s]) as sym, [%s] as grp, [%s] as v, decimal64([%s], 2) / 4 as d, [%s] as s)",
			strings.Join(times, ","), strings.Join(syms, ","), strings.Join(grps, ","), strings.Join(vals, ","), strings.Join(vals, ","), strings.Join(strs, ","))
	})
}

// For random streams and engines: an engine snapshotted after a random
// append, dropped, created again from the snapshot and fed the rest of
// the stream outputs what an engine fed the whole stream uninterrupted
// outputs, and holds the same cross-section.
func TestSnapshotRestoresState(t *testing.T) {
	rows := testkit.SnapshotProperty(t, "", 100, func(r *rand.Rand) testkit.SnapshotTrial {
		c := randomXS(r)
		appends, sizes := xsBatches(r)
		return testkit.SnapshotTrial{
			Create: func(name, out, snap string) string {
				return fmt.Sprintf("createCrossSectionalEngine(name=%q, dummyTable=table(1:0, `time`sym`grp`v`d`s, [TIMESTAMP, SYMBOL, INT, INT, DECIMAL64(2), STRING]), outputTable=%s, %s%s)", name, out, c.args, snap)
			},
			Out: c.out, Appends: appends, Sizes: sizes, Cut: 1 + r.Intn(len(appends)-1), Note: c.args,
			// the cross-section
			Same: []string{"select * from getStreamEngine(%q)"},
		}
	})
	// the streams made computations to compare
	require.Greater(t, rows, 300)
}

// The interval pattern's timer is wall-clock state: a restored engine's
// starts again at its creation, and its first tick computes the rows
// that arrived after the last computation before the snapshot.
func TestSnapshotIntervalPendingRows(t *testing.T) {
	const create = "eng = createCrossSectionalEngine(name=\"xsIv\", metrics=<[sum(v), count(v)]>, dummyTable=table(1:0, `sym`v, [SYMBOL, INT]), outputTable=%s, keyColumn=`sym, triggeringPattern=\"interval\", triggeringInterval=300, snapshotDir=\"snap\", snapshotIntervalInMsgCount=1)\n"
	// the timer writes the outputs while the test reads them: shared
	_, s := testkit.Started(t, "mkdir(\"snap\")\nshare table(1:0, `time`s`c, [TIMESTAMP, LONG, LONG]) as out1\nshare table(1:0, `time`s`c, [TIMESTAMP, LONG, LONG]) as out2\n"+
		fmt.Sprintf(create, "out1")+"appendMsg(eng, table(`a`b`a as sym, 1 2 3 as v), 2)\ndropStreamEngine(\"xsIv\")\n"+fmt.Sprintf(create, "out2"))
	require.Equal(t, "2", testkit.Run(t, s, "getSnapshotMsgId(eng)"))
	require.Equal(t, "[3,2]", testkit.Run(t, s, "exec v from eng order by sym"))
	deadline := time.Now().Add(5 * time.Second)
	for testkit.Run(t, s, "size(out2)") == "0" && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	require.Equal(t, "[5]", testkit.Run(t, s, "exec s from out2"))
	require.Equal(t, "[2]", testkit.Run(t, s, "exec c from out2"))
	time.Sleep(400 * time.Millisecond)
	// nothing arrived since: no second computation
	require.Equal(t, "1", testkit.Run(t, s, "size(out2)"))
	testkit.Run(t, s, "dropStreamEngine(\"xsIv\")")
}
