package xsengine_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	_ "github.com/porpoisedb/porpoise/funcs/all"
	"github.com/porpoisedb/porpoise/internal/testkit"
)

// Sessions appending to one cross-sectional engine at once: every row
// fires one computation (perRow), the cross-section ends with one row
// per key, and a dropped interval engine stops its timer.
func TestCrossSectionalConcurrentAppends(t *testing.T) {
	e, s := testkit.Started(t, "share table(1:0, `time`n`total, [TIMESTAMP, INT, LONG]) as xsout\n"+
		"share table(1:0, `time`n`total, [TIMESTAMP, INT, LONG]) as xsout2\n"+
		"xs = createCrossSectionalEngine(name=\"xsRace\", metrics=<[count(v), sum(v)]>, dummyTable=table(1:0, `k`v, [INT, INT]), outputTable=xsout, keyColumn=`k, triggeringPattern=\"perRow\")\n"+
		"xi = createCrossSectionalEngine(name=\"xsTick\", metrics=<[count(v), sum(v)]>, dummyTable=table(1:0, `k`v, [INT, INT]), outputTable=xsout2, keyColumn=`k, triggeringPattern=\"interval\", triggeringInterval=5)")
	testkit.Concurrently(t, e, 4, 25,
		"tableInsert(getStreamEngine(`xsRace), table(1..10 as k, take(1, 10) as v))",
		"tableInsert(getStreamEngine(`xsTick), table(1..10 as k, take(1, 10) as v))",
		"select count(*) from getStreamEngine(`xsRace)",
	)
	time.Sleep(20 * time.Millisecond)
	testkit.Run(t, s, "dropStreamEngine(`xsTick)")
	require.Equal(t, "10", testkit.Run(t, s, "size(getStreamEngine(`xsRace))"))
	require.Equal(t, "1000", testkit.Run(t, s, "exec count(*) from xsout where n == total"))
	require.Equal(t, "10,10", testkit.Run(t, s, "exec string(last(n)) + \",\" + string(last(total)) from xsout"))
	require.Equal(t, "10,10", testkit.Run(t, s, "exec string(last(n)) + \",\" + string(last(total)) from xsout2"))
	testkit.Run(t, s, "dropStreamEngine(`xsRace)")
}
