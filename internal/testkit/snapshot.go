package testkit

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
)

// SnapshotTrial is one trial of the property stream engines' snapshots
// are tested by: an engine snapshotted after some appends, dropped,
// created again from the snapshot and fed the rest of the stream
// outputs what an engine fed the whole stream uninterrupted outputs.
type SnapshotTrial struct {
	// Create is the script creating the engine called name that writes
	// to the table out; snap is "" or the snapshot options, to append
	// to its arguments.
	Create func(name, out, snap string) string
	// Out is the script of an empty output table.
	Out string
	// Appends is the stream, an append a table's script; Sizes their
	// rows.
	Appends []string
	Sizes   []int
	// Cut is the number of appends before the snapshot, from 1 to
	// len(Appends)-1.
	Cut int
	// Same are queries of the engine called %[1]q whose values the
	// restored engine shares with the uninterrupted one, after the
	// restore and at the end.
	Same []string
	// Note says what the trial is in failure messages.
	Note string
}

// RunSnapshotTrial runs trial n in s, whose home holds a directory
// snap, and returns the number of rows output. The engines are full<n>
// (uninterrupted) and part<n> (fed by appendMsg with message ids, a
// snapshot after the cut, dropped and created again), in the variables
// engFull and engPart writing to outFull and outPart; both are dropped
// at the end.
func RunSnapshotTrial(t testing.TB, s *engine.Session, n int, tr SnapshotTrial) int {
	t.Helper()
	rowsToCut := 0
	for _, k := range tr.Sizes[:tr.Cut] {
		rowsToCut += k
	}
	snap := fmt.Sprintf(", snapshotDir=\"snap\", snapshotIntervalInMsgCount=%d", rowsToCut)
	full, part := fmt.Sprintf("full%d", n), fmt.Sprintf("part%d", n)
	msg := fmt.Sprintf("trial %d: %s, cut after %d of %d appends", n, tr.Note, tr.Cut, len(tr.Appends))
	run := func(script string) string {
		t.Helper()
		v, err := s.Run(script)
		require.NoError(t, err, msg+"\n"+script)
		if v == nil {
			return ""
		}
		return v.String()
	}
	same := func() {
		t.Helper()
		for _, q := range tr.Same {
			require.Equal(t, run(fmt.Sprintf(q, full)), run(fmt.Sprintf(q, part)), msg+"\n"+q)
		}
	}
	run(fmt.Sprintf("outFull = %s\noutPart = %s\nengFull = %s\nengPart = %s", tr.Out, tr.Out, tr.Create(full, "outFull", ""), tr.Create(part, "outPart", snap)))
	id := -1
	for i, b := range tr.Appends[:tr.Cut] {
		id += tr.Sizes[i]
		run(fmt.Sprintf("engFull.append!(%s)\nappendMsg(engPart, %s, %d)", b, b, id))
	}
	require.Equal(t, fmt.Sprint(rowsToCut-1), run("getSnapshotMsgId(engPart)"), msg)
	run(fmt.Sprintf("dropStreamEngine(%q)\nengPart = %s", part, tr.Create(part, "outPart", snap)))
	require.Equal(t, fmt.Sprint(rowsToCut-1), run("getSnapshotMsgId(engPart)"), msg)
	same()
	for _, b := range tr.Appends[tr.Cut:] {
		run(fmt.Sprintf("engFull.append!(%s)\nengPart.append!(%s)", b, b))
	}
	require.Equal(t, run("select * from outFull"), run("select * from outPart"), msg+"\n"+strings.Join(tr.Appends, "\n"))
	same()
	var rows int
	_, _ = fmt.Sscan(run("size(outFull)"), &rows)
	run(fmt.Sprintf("dropStreamEngine(%q)\ndropStreamEngine(%q)", full, part))
	return rows
}

// SnapshotProperty runs trials trials of the snapshot property in one
// session, started with setup and a directory snap, each made by next
// from a random source seeded from the clock (the seed is logged), and
// returns the rows output in all.
func SnapshotProperty(t testing.TB, setup string, trials int, next func(r *rand.Rand) SnapshotTrial) int {
	t.Helper()
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	r := rand.New(rand.NewSource(seed))
	_, s := Started(t, setup+"\nmkdir(\"snap\")")
	rows := 0
	for n := 0; n < trials; n++ {
		rows += RunSnapshotTrial(t, s, n, next(r))
	}
	t.Logf("%d rows output", rows)
	return rows
}

// SnapshotStreamDummy is the dummy table of SnapshotStream's appends.
const SnapshotStreamDummy = "table(1:0, `time`sym`v`d`s, [TIMESTAMP, SYMBOL, INT, DECIMAL64(2), STRING])"

// SnapshotStream is a random stream of appends of SnapshotStreamDummy's
// columns, and their rows, for SnapshotTrial: a few keys, times mostly
// rising and some late, with nulls now and then a NULL time, with
// laterDays now and then a day later.
func SnapshotStream(r *rand.Rand, nulls, laterDays bool) ([]string, []int) {
	t := int64(r.Intn(30))
	return SnapshotBatches(r, 15, func(rows int) string {
		times, syms, vals := make([]string, rows), make([]string, rows), make([]string, rows)
		for j := range times {
			t += int64(r.Intn(8))
			if laterDays && r.Intn(60) == 0 {
				t += 86400000
			}
			switch {
			case nulls && r.Intn(40) == 0:
				times[j] = "NULL"
			case r.Intn(10) == 0:
				times[j] = fmt.Sprint(t - int64(r.Intn(12)))
			default:
				times[j] = fmt.Sprint(t)
			}
			syms[j] = `"` + string(rune('a'+r.Intn(3))) + `"`
			vals[j] = fmt.Sprint(r.Intn(100) - 20)
		}
		return fmt.Sprintf("table(2024.01.02T09:29:59.990 + [%s] as time, symbol([%s]) as sym, [%s] as v, decimal64([%s], 2) / 4 as d, string([%s]) as s)",
			strings.Join(times, ","), strings.Join(syms, ","), strings.Join(vals, ","), strings.Join(vals, ","), strings.Join(vals, ","))
	})
}

// SnapshotBatches is a random stream of 3 to 12 appends for
// SnapshotTrial, each of 1 to maxRows rows, the script batch makes of
// its number of rows; and their rows.
func SnapshotBatches(r *rand.Rand, maxRows int, batch func(rows int) string) ([]string, []int) {
	n := 3 + r.Intn(10)
	out, sizes := make([]string, n), make([]int, n)
	for i := range out {
		sizes[i] = 1 + r.Intn(maxRows)
		out[i] = batch(sizes[i])
	}
	return out, sizes
}
