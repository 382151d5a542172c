package tsengine_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
	_ "github.com/porpoisedb/porpoise/funcs/all"
	"github.com/porpoisedb/porpoise/internal/testkit"
)

// Sessions appending to one keyed engine at once: every row is counted
// once, in its key's windows.
func TestConcurrentAppends(t *testing.T) {
	e, s := testkit.Started(t, `share table(1:0, `+"`time`sym`n"+`, [TIMESTAMP, INT, LONG]) as tsout
createTimeSeriesEngine(name="conc", windowSize=10, step=10, metrics=<count(v)>, dummyTable=table(1:0, `+"`time`sym`v"+`, [TIMESTAMP, INT, INT]), outputTable=tsout, timeColumn=`+"`time"+`, keyColumn=`+"`sym"+`)`)
	testkit.Go(e, 4, func(w int, ss *engine.Session) {
		// worker w owns keys w*10 .. w*10+9; each append is one
		// window's rows, in time order per key
		for j := 0; j < 20; j++ {
			testkit.Run(t, ss, "tableInsert(getStreamEngine(`conc), table(take(2024.01.01T00:00:00.000 + "+strconv.Itoa(j*10)+", 10) as time, "+strconv.Itoa(w*10)+" + 0..9 as sym, 1..10 as v))")
		}
	})()
	// 40 keys, windows 0..18 closed by the next one's rows: 19 each
	require.Equal(t, "760", testkit.Run(t, s, "size(tsout)"))
	require.Equal(t, "760", testkit.Run(t, s, "sum(tsout.n)"))
	require.Equal(t, "40", testkit.Run(t, s, "size(distinct(tsout.sym))"))
}

// A timer engine (updateTime, useSystemTime) stops its goroutine when
// dropped: no output after the drop.
func TestTimerStopsOnDrop(t *testing.T) {
	_, s := testkit.Started(t, `share table(1:0, `+"`time`v"+`, [TIMESTAMP, INT]) as o
eng = createTimeSeriesEngine(name="sys", windowSize=50, step=50, metrics=<sum(v)>, dummyTable=table(1:0, `+"`time`v"+`, [TIMESTAMP, INT]), outputTable=o, useSystemTime=true)
eng.append!(table(now() as time, 5 as v))`)
	require.Eventually(t, func() bool { return testkit.Run(t, s, "size(o)") == "1" }, 5*time.Second, 10*time.Millisecond)
	testkit.Run(t, s, `eng.append!(table(now() as time, 7 as v))
dropStreamEngine("sys")`)
	time.Sleep(150 * time.Millisecond)
	require.Equal(t, "1", testkit.Run(t, s, "size(o)"))
}

// A session window engine on the system clock closes a window
// sessionGap after its last row.
func TestSessionSystemTime(t *testing.T) {
	_, s := testkit.Started(t, `share table(1:0, `+"`time`v"+`, [TIMESTAMP, INT]) as swo
eng = createSessionWindowEngine(name="swsys", sessionGap=50, metrics=<sum(v)>, dummyTable=table(1:0, `+"`time`v"+`, [TIMESTAMP, INT]), outputTable=swo, useSystemTime=true)
eng.append!(table(now() as time, 5 as v))
eng.append!(table(now() as time, 6 as v))`)
	require.Eventually(t, func() bool { return testkit.Run(t, s, "size(swo)") == "1" }, 5*time.Second, 10*time.Millisecond)
	require.Equal(t, "11", testkit.Run(t, s, "swo.v[0]"))
	testkit.Run(t, s, `dropStreamEngine("swsys")`)
}

// A session window engine with updateTime outputs its open window when a
// row comes in a later updateTime part of it, and once its rows waited
// 2 seconds.
func TestSessionUpdateTime(t *testing.T) {
	_, s := testkit.Started(t, `share table(1:0, `+"`time`v"+`, [TIMESTAMP, INT]) as swu
eng = createSessionWindowEngine(name="swupd", sessionGap=50, metrics=<sum(v)>, dummyTable=table(1:0, `+"`time`v"+`, [TIMESTAMP, INT]), outputTable=swu, timeColumn=`+"`time"+`, updateTime=10)
eng.append!(table(2024.01.01T00:00:00.001 2024.01.01T00:00:00.015 as time, 1 2 as v))`)
	require.Equal(t, "[1]", testkit.Run(t, s, "exec v from swu"))
	require.Eventually(t, func() bool { return testkit.Run(t, s, "exec v from swu") == "[1,3]" }, 5*time.Second, 50*time.Millisecond)
	testkit.Run(t, s, `dropStreamEngine("swupd")`)
}
