package alertengine_test

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/testkit"
)

// adMetrics are the metric sets the property test picks from: per row,
// per window, mixed (a row against the last window's aggregates),
// order-sensitive, over INT, DECIMAL, STRING and SYMBOL columns.
var adMetrics = []string{
	"<[sum(v) > 60, avg(v) > v, v < 0]>",
	"<[v > 80, max(d) > d, count(v) >= 3]>",
	"<[v > prev(v) + 40, avg(v) > v + 10, first(s) == s]>",
	"<[sum(d) > 20, mavg(v, 3) > 50, last(sym) == sym, min(v) < v - 30]>",
	"<[cumsum(v) > 300, percentile(v, 75) < v]>",
}

// adBatches is a stream of appends: times mostly rising, some late,
// a few NULL.
func adBatches(r *rand.Rand) []string {
	n := 3 + r.Intn(10)
	out := make([]string, n)
	t := int64(r.Intn(30))
	for i := range out {
		rows := 1 + r.Intn(15)
		times, syms, vals := make([]string, rows), make([]string, rows), make([]string, rows)
		for j := range times {
			t += int64(r.Intn(8))
			switch at := t; {
			case r.Intn(40) == 0:
				times[j] = "NULL"
			case r.Intn(10) == 0:
				times[j] = fmt.Sprint(at - int64(r.Intn(12)))
			default:
				times[j] = fmt.Sprint(at)
			}
			syms[j] = `"` + string(rune('a'+r.Intn(3))) + `"`
			vals[j] = fmt.Sprint(r.Intn(100) - 20)
		}
		out[i] = fmt.Sprintf("table(2024.01.02T09:29:59.990 + [%s] as time, symbol([%s]) as sym, [%s] as v, decimal64([%s], 2) / 4 as d, string([%s]) as s)",
			strings.Join(times, ","), strings.Join(syms, ","), strings.Join(vals, ","), strings.Join(vals, ","), strings.Join(vals, ","))
	}
	return out
}

// rowsOf is the number of rows of one of adBatches' appends.
func rowsOf(b string) int {
	return strings.Count(b[strings.Index(b, "["):strings.Index(b, "]")], ",") + 1
}

// For random streams and engines: an engine snapshotted after a random
// append, dropped, created again from the snapshot and fed the rest of
// the stream outputs what an engine fed the whole stream uninterrupted
// outputs.
func TestSnapshotRestoresState(t *testing.T) {
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	r := rand.New(rand.NewSource(seed))
	_, s := testkit.Started(t, `mkdir("snap")`)
	outRows := 0
	for trial := 0; trial < 100; trial++ {
		keyed := r.Intn(3) > 0
		step := []int{2, 3, 5, 7, 10}[r.Intn(5)]
		args := fmt.Sprintf("metrics=%s, timeColumn=`time, windowSize=%d, step=%d", adMetrics[r.Intn(len(adMetrics))], step*(1+r.Intn(3)), step)
		out := "table(1:0, `time`type`metric, [TIMESTAMP, INT, STRING])"
		if keyed {
			args += ", keyColumn=`sym"
			out = "table(1:0, `time`sym`type`metric, [TIMESTAMP, SYMBOL, INT, STRING])"
		}
		if r.Intn(3) == 0 {
			// garbage collection of the buffered rows and the kept tails
			args += fmt.Sprintf(", garbageSize=%d", 1+r.Intn(6))
		}
		batches := adBatches(r)
		cut := 1 + r.Intn(len(batches)-1)
		dummy := "table(1:0, `time`sym`v`d`s, [TIMESTAMP, SYMBOL, INT, DECIMAL64(2), STRING])"
		engine := func(name, out string, snap int) string {
			x := fmt.Sprintf("createAnomalyDetectionEngine(name=%q, dummyTable=%s, outputTable=%s, %s", name, dummy, out, args)
			if snap > 0 {
				x += fmt.Sprintf(", snapshotDir=\"snap\", snapshotIntervalInMsgCount=%d", snap)
			}
			return x + ")"
		}
		rowsToCut := 0
		for _, b := range batches[:cut] {
			rowsToCut += rowsOf(b)
		}
		full, part := fmt.Sprintf("full%d", trial), fmt.Sprintf("part%d", trial)
		msg := fmt.Sprintf("trial %d: %s, cut after %d of %d appends", trial, args, cut, len(batches))
		run := func(script string) string {
			v, err := s.Run(script)
			require.NoError(t, err, msg+"\n"+script)
			if v == nil {
				return ""
			}
			return v.String()
		}
		run(fmt.Sprintf("outFull = %s\noutPart = %s\nengFull = %s\nengPart = %s", out, out, engine(full, "outFull", 0), engine(part, "outPart", rowsToCut)))
		id := -1
		for _, b := range batches[:cut] {
			id += rowsOf(b)
			run(fmt.Sprintf("engFull.append!(%s)\nappendMsg(engPart, %s, %d)", b, b, id))
		}
		require.Equal(t, fmt.Sprint(rowsToCut-1), run("getSnapshotMsgId(engPart)"), msg)
		run(fmt.Sprintf("dropStreamEngine(%q)\nengPart = %s", part, engine(part, "outPart", rowsToCut)))
		require.Equal(t, fmt.Sprint(rowsToCut-1), run("getSnapshotMsgId(engPart)"), msg)
		require.Equal(t, run(fmt.Sprintf("exec numGroups, numRows from getStreamEngineStat().AnomalyDetectionEngine where name = %q", full)),
			run(fmt.Sprintf("exec numGroups, numRows from getStreamEngineStat().AnomalyDetectionEngine where name = %q", part)), msg)
		for _, b := range batches[cut:] {
			run(fmt.Sprintf("engFull.append!(%s)\nengPart.append!(%s)", b, b))
		}
		require.Equal(t, run("select * from outFull"), run("select * from outPart"), msg+"\n"+strings.Join(batches, "\n"))
		var n int
		_, _ = fmt.Sscan(run("size(outFull)"), &n)
		outRows += n
		run(fmt.Sprintf("dropStreamEngine(%q)\ndropStreamEngine(%q)", full, part))
	}
	// the streams made conditions to compare
	require.Greater(t, outRows, 300)
	t.Logf("%d rows output", outRows)
}
