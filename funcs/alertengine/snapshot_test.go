package alertengine_test

import (
	"fmt"
	"math/rand"
	"strings"
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

// adBatches is a stream of appends and their rows: times mostly
// rising, some late, a few NULL.
func adBatches(r *rand.Rand) ([]string, []int) {
	n := 3 + r.Intn(10)
	out, sizes := make([]string, n), make([]int, n)
	t := int64(r.Intn(30))
	for i := range out {
		rows := 1 + r.Intn(15)
		sizes[i] = rows
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
	return out, sizes
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
		appends, sizes := adBatches(r)
		return testkit.SnapshotTrial{
			Create: func(name, out, snap string) string {
				return fmt.Sprintf("createAnomalyDetectionEngine(name=%q, dummyTable=table(1:0, `time`sym`v`d`s, [TIMESTAMP, SYMBOL, INT, DECIMAL64(2), STRING]), outputTable=%s, %s%s)", name, out, args, snap)
			},
			Out: out, Appends: appends, Sizes: sizes, Cut: 1 + r.Intn(len(appends)-1), Note: args,
			Same: []string{"exec numGroups, numRows from getStreamEngineStat().AnomalyDetectionEngine where name = %q"},
		}
	})
	// the streams made conditions to compare
	require.Greater(t, rows, 300)
}
