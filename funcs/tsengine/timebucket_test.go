package tsengine_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/internal/testkit"
)

// Sessions appending to one keyed time-bucket engine at once: every row
// is counted once, in its key's buckets.
func TestTimeBucketConcurrentAppends(t *testing.T) {
	e, s := testkit.Started(t, `share table(1:0, `+"`time`sym`n"+`, [TIMESTAMP, INT, LONG]) as tbout
createTimeBucketEngine(name="tbconc", timeCutPoints=09:00m + 0..30, metrics=<count(v)>, dummyTable=table(1:0, `+"`time`sym`v"+`, [TIMESTAMP, INT, INT]), outputTable=tbout, timeColumn=`+"`time"+`, keyColumn=`+"`sym"+`)`)
	testkit.Go(e, 4, func(w int, ss *engine.Session) {
		// worker w owns keys w*10 .. w*10+9; append j is minute j's
		// rows, in time order per key
		for j := 0; j < 20; j++ {
			testkit.Run(t, ss, "tableInsert(getStreamEngine(`tbconc), table(take(2024.01.01T09:00:00.000 + "+strconv.Itoa(j)+"*60000, 10) as time, "+strconv.Itoa(w*10)+" + 0..9 as sym, 1..10 as v))")
		}
	})()
	// a row at the minute's start closes its own one-minute bucket: 40
	// keys, 20 buckets each
	require.Equal(t, "800", testkit.Run(t, s, "size(tbout)"))
	require.Equal(t, "800", testkit.Run(t, s, "sum(tbout.n)"))
	require.Equal(t, "40", testkit.Run(t, s, "size(distinct(tbout.sym))"))
	testkit.Run(t, s, `dropStreamEngine("tbconc")`)
}
