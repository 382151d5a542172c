package alertengine_test

import (
	"fmt"
	"math/rand"
	"testing"

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

// For random streams and engines: an engine snapshotted after a random
// append, dropped, created again from the snapshot and fed the rest of
// the stream outputs what an engine fed the whole stream uninterrupted
// outputs.
func TestSnapshotRestoresState(t *testing.T) {
	rows := testkit.SnapshotProperty(t, "", 100, func(r *rand.Rand) testkit.SnapshotTrial {
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
		appends, sizes := testkit.SnapshotStream(r, true, false)
		return testkit.SnapshotTrial{
			Create: func(name, out, snap string) string {
				return fmt.Sprintf("createAnomalyDetectionEngine(name=%q, dummyTable=%s, outputTable=%s, %s%s)", name, testkit.SnapshotStreamDummy, out, args, snap)
			},
			Out: out, Appends: appends, Sizes: sizes, Cut: 1 + r.Intn(len(appends)-1), Note: args,
			Same: []string{"exec numGroups, numRows from getStreamEngineStat().AnomalyDetectionEngine where name = %q"},
		}
	})
	// the streams made conditions to compare
	require.Greater(t, rows, 300)
}
