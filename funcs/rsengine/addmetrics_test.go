package rsengine_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/internal/testkit"
)

// Sessions appending to a narrow engine while another adds metrics to
// it: each append sees the metrics before or after an addition whole,
// and every input row gives one row per metric of its time.
func TestNarrowAddMetricsWhileAppending(t *testing.T) {
	e, s := testkit.Started(t, `share table(1:0, `+"`k`name`v"+`, [INT, STRING, LONG]) as nout
createNarrowReactiveStateEngine(name="narrowRace", metrics=<cumcount(v)>, metricNames="c0", dummyTable=table(1:0, `+"`k`v"+`, [INT, INT]), outputTable=nout, keyColumn="k")`)
	added := testkit.Go(e, 1, func(_ int, a *engine.Session) {
		for i := 1; i <= 5; i++ {
			testkit.Run(t, a, `addReactiveMetrics("narrowRace", "c`+strconv.Itoa(i)+`", <cumcount(v)>)`)
		}
	})
	testkit.Concurrently(t, e, 4, 25,
		"tableInsert(getStreamEngine(`narrowRace), table(1..10 as k, take(1, 10) as v))",
	)
	added()
	require.Equal(t, "1000", testkit.Run(t, s, "exec count(*) from nout where name == \"c0\""))
	require.Equal(t, "100", testkit.Run(t, s, "exec max(v) from nout where name == \"c0\""))
	require.Equal(t, "6", testkit.Run(t, s, "exec count(*) from getReactiveMetrics(\"narrowRace\")"))
	testkit.Run(t, s, "dropStreamEngine(`narrowRace)")
}
