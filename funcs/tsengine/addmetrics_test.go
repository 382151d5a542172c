package tsengine_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/internal/testkit"
)

// A session adds a metric to a keyed time-series engine while others
// append to it: every window is output once, and the added metric counts
// no more rows than the first.
func TestAddMetricsWhileAppending(t *testing.T) {
	e, s := testkit.Started(t, `share table(1:0, `+"`time`sym`n"+`, [TIMESTAMP, INT, LONG]) as amout
createTimeSeriesEngine(name="amconc", windowSize=10, step=10, metrics=<count(v)>, dummyTable=table(1:0, `+"`time`sym`v"+`, [TIMESTAMP, INT, INT]), outputTable=amout, timeColumn=`+"`time"+`, keyColumn=`+"`sym"+`)`)
	added := testkit.Go(e, 1, func(_ int, a *engine.Session) {
		testkit.Run(t, a, "addMetrics(getStreamEngine(`amconc), <count(v)>, table(1:0, [`m], [LONG]))")
	})
	// one session appends the windows in time order
	var scripts []string
	for j := 0; j < 20; j++ {
		scripts = append(scripts, "tableInsert(getStreamEngine(`amconc), table(take(2024.01.01T00:00:00.000 + "+strconv.Itoa(j*10)+", 10) as time, 0..9 as sym, 1..10 as v))")
	}
	testkit.Concurrently(t, e, 1, 1, scripts...)
	added()
	require.Equal(t, "190", testkit.Run(t, s, "size(amout)"))
	require.Equal(t, "190", testkit.Run(t, s, "sum(amout.n)"))
	require.Equal(t, "true", testkit.Run(t, s, "all(nullFill(amout.m, 0) <= amout.n)"))
	testkit.Run(t, s, "dropStreamEngine(`amconc)")
}
