package tsengine_test

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/testkit"
)

// waitDelivered polls until every subscription has handled what was
// published to it.
const waitDelivered = `def waitDelivered(){
	for(i in 0..1000){
		if(!any(getStreamingStat().subWorkers.queueDepth > 0)){
			sleep(5)
			if(!any(getStreamingStat().subWorkers.queueDepth > 0)) return
		}
		sleep(5)
	}
}
`

// stream/time_series_engine.md's example 7: an engine dropped after its
// snapshot and created again with the same snapshotDir, resubscribed
// from getSnapshotMsgId+1, outputs what an engine that never stopped
// outputs.
func TestSnapshotExample(t *testing.T) {
	const create = "Agg1 = createTimeSeriesEngine(name=`Agg1, windowSize=100, step=50, metrics=<sum(price)>, dummyTable=trades, outputTable=output1, timeColumn=`time, snapshotDir=\"snap\", snapshotIntervalInMsgCount=100)\n"
	const insert = `n=500
timev=(%d..%d) + 2021.03.12T15:00:00.000
insert into trades values(timev, take(` + "`abc`def" + `, n), int(1..n), take(-1, n))
`
	_, s := testkit.Started(t, waitDelivered+`mkdir("snap")
share streamTable(10000:0,`+"`time`sym`price`id"+`, [TIMESTAMP,SYMBOL,INT,INT]) as trades
output1 = table(10000:0, `+"`time`sumprice"+`, [TIMESTAMP,INT])
`+create+`subscribeTable(tableName="trades", actionName="Agg1", offset=0, handler=appendMsg{Agg1}, msgAsTable=true, handlerNeedMsgId=true)
`+fmt.Sprintf(insert, 1, 500)+`waitDelivered()`)
	require.Equal(t, "10", testkit.Run(t, s, "size(output1)"))
	require.Equal(t, "499", testkit.Run(t, s, "getSnapshotMsgId(Agg1)"))
	require.Equal(t, "[499]", testkit.Run(t, s, "exec snapshotMsgId from getStreamEngineStat()[`TimeSeriesEngine]"))
	testkit.Run(t, s, `unsubscribeTable(, "trades", "Agg1")
dropStreamEngine("Agg1")
Agg1 = NULL
`+fmt.Sprintf(insert, 501, 1000))
	// dropping the engine leaves its snapshot
	require.Equal(t, `["Agg1.snapshot"]`, testkit.Run(t, s, `exec filename from files("snap")`))
	testkit.Run(t, s, create)
	require.Equal(t, "499", testkit.Run(t, s, "getSnapshotMsgId(Agg1)"))
	testkit.Run(t, s, `subscribeTable(tableName="trades", actionName="Agg1", offset=getSnapshotMsgId(Agg1)+1, handler=appendMsg{Agg1}, msgAsTable=true, handlerNeedMsgId=true)
waitDelivered()`)
	require.Equal(t, "[1225,4950,9950,14950,19950,24950,29950,34950,39950,44950,25450,5450,9950,14950,19950,24950,29950,34950,39950,44950]",
		testkit.Run(t, s, "exec sumprice from output1"))
	require.Equal(t, "999", testkit.Run(t, s, "getSnapshotMsgId(Agg1)"))
	// the snapshot before the latest is kept as .old
	require.Equal(t, `["Agg1.old","Agg1.snapshot"]`, testkit.Run(t, s, `exec filename from files("snap") order by filename`))
	testkit.Run(t, s, `unsubscribeTable(, "trades", "Agg1")`)
}

// A snapshot outlives the server: an engine created after a restart
// with the same snapshotDir (under the data directory) restores it.
func TestSnapshotAfterRestart(t *testing.T) {
	dir := t.TempDir()
	const create = "eng = createTimeSeriesEngine(name=`rs, windowSize=10, step=10, metrics=<sum(v)>, dummyTable=table(1:0, `time`v, [TIMESTAMP, INT]), outputTable=out, timeColumn=`time, snapshotDir=\"snap\", snapshotIntervalInMsgCount=3)\n"
	e := testkit.OnDisk(t, dir)
	s := e.NewSession()
	testkit.Run(t, s, `mkdir("snap")
out = table(1:0, `+"`time`s"+`, [TIMESTAMP, LONG])
`+create+`appendMsg(eng, table(2024.01.01T00:00:00.001 2024.01.01T00:00:00.005 2024.01.01T00:00:00.012 as time, 1 2 3 as v), 2)`)
	require.Equal(t, "[3]", testkit.Run(t, s, "exec s from out"))
	e.Close()
	e = testkit.OnDisk(t, dir)
	defer e.Close()
	s = e.NewSession()
	testkit.Run(t, s, "out = table(1:0, `time`s, [TIMESTAMP, LONG])\n"+create)
	require.Equal(t, "2", testkit.Run(t, s, "getSnapshotMsgId(eng)"))
	testkit.Run(t, s, "appendMsg(eng, table(2024.01.01T00:00:00.015 2024.01.01T00:00:00.021 as time, 4 5 as v), 4)")
	// the window [10, 20) holds the row buffered before the restart
	require.Equal(t, "[7]", testkit.Run(t, s, "exec s from out"))
}

// snapCase is one engine of the property test: the arguments after
// name, dummyTable and outputTable, and the output table's schema.
type snapCase struct {
	fn, args, out string
	daily         bool
}

// randomCase picks an engine and its options.
func randomCase(r *rand.Rand) snapCase {
	keyed := r.Intn(3) > 0
	key := ""
	outKey := ""
	if keyed {
		key, outKey = ", keyColumn=`sym", "`sym"
	}
	if r.Intn(6) == 0 {
		// a session window engine shares the state
		return snapCase{fn: "createSessionWindowEngine",
			args: fmt.Sprintf("sessionGap=%d, metrics=<[sum(v), count(v), last(v), sum(d), last(s)]>, timeColumn=`time%s, useSessionStartTime=%v", 3+r.Intn(10), key, r.Intn(2) == 0),
			out:  "table(1:0, `time" + outKey + "`s`c`l`sd`ls, [TIMESTAMP" + map[bool]string{true: ", SYMBOL", false: ""}[keyed] + ", LONG, LONG, INT, DECIMAL64(2), STRING])"}
	}
	step := []int{2, 3, 5, 7, 10}[r.Intn(5)]
	w := step * (1 + r.Intn(3))
	var opts []string
	switch r.Intn(5) {
	case 1:
		opts = append(opts, "fill='null'")
	case 2:
		opts = append(opts, "fill='ffill'")
	case 3:
		opts = append(opts, "fill=0")
	case 4:
		opts = append(opts, "fill=['ffill', -1, 'null', 'ffill', 'ffill']")
	}
	if r.Intn(2) == 0 {
		opts = append(opts, "useWindowStartTime=true")
	}
	if r.Intn(3) == 0 {
		opts = append(opts, "closed='right'")
	}
	daily := r.Intn(3) == 0
	switch {
	case keyed && r.Intn(4) == 0:
		opts = append(opts, fmt.Sprintf("forceTriggerTime=%d", 5+r.Intn(20)))
	case r.Intn(4) == 0:
		opts = append(opts, fmt.Sprintf("acceptedDelay=%d", 1+r.Intn(step*2)))
	}
	c := snapCase{fn: "createTimeSeriesEngine", daily: daily}
	if daily {
		c.fn = "createDailyTimeSeriesEngine"
		opts = append(opts, "sessionBegin=09:30:00.000 09:30:00.300", "sessionEnd=09:30:00.200 09:30:00.500")
		if r.Intn(2) == 0 {
			opts = append(opts, "mergeSessionEnd=true")
		}
	}
	c.args = fmt.Sprintf("windowSize=%d, step=%d, metrics=<[sum(v), count(v), last(v), sum(d), last(s)]>, timeColumn=`time%s", w, step, key)
	if r.Intn(5) == 0 && !slices.Contains(opts, "useWindowStartTime=true") {
		// metrics over two window sizes
		c.args = fmt.Sprintf("windowSize=[%d, %d], step=%d, metrics=[<sum(v)>, <[count(v), last(v), sum(d), last(s)]>], timeColumn=`time%s", step, w+step, step, key)
	}
	if len(opts) > 0 {
		c.args += ", " + strings.Join(opts, ", ")
	}
	c.out = "table(1:0, `time" + outKey + "`s`c`l`sd`ls, [TIMESTAMP" + map[bool]string{true: ", SYMBOL", false: ""}[keyed] + ", LONG, LONG, INT, DECIMAL64(2), STRING])"
	return c
}

// For random streams and engines: an engine snapshotted after a random
// append, dropped, created again from the snapshot and fed the rest of
// the stream outputs what an engine fed the whole stream uninterrupted
// outputs.
func TestSnapshotRestoresState(t *testing.T) {
	rows := testkit.SnapshotProperty(t, "", 60, func(r *rand.Rand) testkit.SnapshotTrial {
		c := randomCase(r)
		appends, sizes := testkit.SnapshotStream(r, false, c.daily)
		return testkit.SnapshotTrial{
			Create: func(name, out, snap string) string {
				return fmt.Sprintf("%s(name=%q, dummyTable=%s, outputTable=%s, %s%s)", c.fn, name, testkit.SnapshotStreamDummy, out, c.args, snap)
			},
			Out: c.out, Appends: appends, Sizes: sizes, Cut: 1 + r.Intn(len(appends)-1), Note: c.fn + "(" + c.args + ")",
		}
	})
	// the streams made windows to compare
	require.Greater(t, rows, 300)
}

// A save cut short between its renames leaves <name>.old and no
// <name>.snapshot: the engine restores the .old one. Without
// snapshotIntervalInMsgCount an engine restores and saves nothing.
func TestSnapshotFallsBackToOld(t *testing.T) {
	const create = "eng = createTimeSeriesEngine(name=`cut, windowSize=10, step=10, metrics=<sum(v)>, dummyTable=table(1:0, `time`v, [TIMESTAMP, INT]), outputTable=out, timeColumn=`time, snapshotDir=\"snap\"%s)\n"
	_, s := testkit.Started(t, `mkdir("snap")
out = table(1:0, `+"`time`s"+`, [TIMESTAMP, LONG])
`+fmt.Sprintf(create, ", snapshotIntervalInMsgCount=1")+`appendMsg(eng, table(2024.01.01T00:00:00.001 as time, 1 as v), 0)
appendMsg(eng, table(2024.01.01T00:00:00.002 as time, 2 as v), 1)`)
	require.Equal(t, "1", testkit.Run(t, s, "getSnapshotMsgId(eng)"))
	testkit.Run(t, s, `dropStreamEngine("cut")
rm("snap/cut.snapshot")
`+fmt.Sprintf(create, ""))
	require.Equal(t, "0", testkit.Run(t, s, "getSnapshotMsgId(eng)"))
	testkit.Run(t, s, "appendMsg(eng, table(2024.01.01T00:00:00.015 as time, 5 as v), 7)")
	// the .old snapshot held the first row only
	require.Equal(t, "[1]", testkit.Run(t, s, "exec s from out"))
	require.Equal(t, "0", testkit.Run(t, s, "getSnapshotMsgId(eng)"))
	require.Equal(t, `["cut.old"]`, testkit.Run(t, s, `exec filename from files("snap")`))
}
