package joinengine_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/testkit"
)

// Sessions appending to both inputs of an outer snapshot join engine at
// once: the inputs are serialized with each other, and every row of
// either side gives one output row, matched with the other side's
// latest row of its key or alone.
func TestSnapshotJoinConcurrentAppends(t *testing.T) {
	e, s := testkit.Started(t, "share table(1:0, `k`t1`t2`v`w, [INT, TIMESTAMP, TIMESTAMP, INT, INT]) as sjout\n"+
		"sj = createSnapshotJoinEngine(name=\"sjRace\", leftTable=table(1:0, `k`v, [INT, INT]), rightTable=table(1:0, `k`w, [INT, INT]), outputTable=sjout, metrics=<[v, w]>, matchingColumn=`k, isInnerJoin=false)")
	testkit.Concurrently(t, e, 4, 25,
		"appendForJoin(getStreamEngine(`sjRace), false, table(1..10 as k, 1..10 as w))",
		"appendForJoin(getStreamEngine(`sjRace), true, table(1..10 as k, 1..10 as v))",
		"tableInsert(getRightStream(getStreamEngine(`sjRace)), table(1..10 as k, 1..10 as w))",
	)
	require.Equal(t, "3000", testkit.Run(t, s, "exec count(*) from sjout"))
	// every match pairs rows of one key
	require.Equal(t, "0", testkit.Run(t, s, "exec count(*) from sjout where not isNull(v) and not isNull(w) and v != w"))
	require.Equal(t, "3000", testkit.Run(t, s, "exec count(*) from sjout where t1 != NULL or t2 != NULL"))
	testkit.Run(t, s, "dropStreamEngine(`sjRace)")
}
