package dbfuncs_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/internal/testkit"
)

// replay orders rows by a time column of any temporal type with a fixed
// unit (DATEMINUTE was refused as "not temporal") or MONTH.
func TestReplayTimeColumnTypes(t *testing.T) {
	e, err := engine.Open(engine.Options{})
	require.NoError(t, err)
	defer e.Close()
	for _, c := range []struct{ typ, times string }{
		{"TIMESTAMP", "2024.01.01T00:00:02.000 2024.01.01T00:00:01.000 2024.01.01T00:00:03.000"},
		{"DATEMINUTE", "cast([2024.01.01T00:02:00, 2024.01.01T00:01:00, 2024.01.01T00:03:00], DATEMINUTE)"},
		{"DATEHOUR", "datehour([2024.01.01T02:00:00, 2024.01.01T01:00:00, 2024.01.01T03:00:00])"},
		{"SECOND", "00:00:02 00:00:01 00:00:03"},
		{"MONTH", "2024.02M 2024.01M 2024.03M"},
	} {
		got := testkit.RunAll(t, e, `t = table(`+c.times+` as time, 2 1 3 as v)
out = streamTable(1:0, `+"`time`v"+`, [`+c.typ+`, INT])
replay(inputTables=t.sortBy!(`+"`time"+`), outputTables=out, dateColumn=`+"`time"+`, timeColumn=`+"`time"+`)
exec v from out`)
		require.Equal(t, "[1,2,3]", got, c.typ)
	}
}

// A heterogeneous replay keeps the homogeneous one's pace (replayRate
// rows a second: 4 rows at 2 a second take one wait of a second) and
// stops when its job is cancelled.
func TestHeteroReplayPaceAndCancel(t *testing.T) {
	e, err := engine.Open(engine.Options{})
	require.NoError(t, err)
	defer e.Close()
	setup := "a = table(2024.01.01T00:00:00.000 + 0 2 as ts, 1 2 as v)\n" +
		"b = table(2024.01.01T00:00:00.000 + 1 3 as ts, `x`y as s)\n" +
		"out = streamTable(1:0, `ts`key`body, [TIMESTAMP, SYMBOL, BLOB])\n"
	start := time.Now()
	got := testkit.RunAll(t, e, setup+"replay(dict(`a`b, [a, b]), out, `ts, `ts, 2)\nexec key from out")
	require.Equal(t, `["a","b","a","b"]`, got)
	require.GreaterOrEqual(t, time.Since(start), 900*time.Millisecond)

	s := e.NewSession()
	_, err = s.Run(setup)
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start = time.Now()
	_, err = s.RunContext(ctx, "replay(dict(`a`b, [a, b]), out, `ts, `ts, 1)")
	require.Error(t, err)
	require.Less(t, time.Since(start), 2*time.Second)
	n, err := s.Run("size(out)")
	require.NoError(t, err)
	require.Equal(t, "1", n.(interface{ String() string }).String())
}

// A paced replay lasts rows/replayRate seconds, the last batch's second
// included (funcs/r/replay.md: 1,000 rows at 100 a second take about 10
// seconds); three rows at three a second used to return at once.
func TestReplayPaceCoversLastBatch(t *testing.T) {
	e, err := engine.Open(engine.Options{})
	require.NoError(t, err)
	defer e.Close()
	start := time.Now()
	got := testkit.RunAll(t, e, "t = table(2024.01.01T00:00:00.000 + 0 1 2 as ts, 1 2 3 as v)\n"+
		"out = streamTable(1:0, `ts`v, [TIMESTAMP, INT])\n"+
		"replay(t, out, `ts, `ts, 3)\nexec v from out")
	require.Equal(t, "[1,2,3]", got)
	require.GreaterOrEqual(t, time.Since(start), 900*time.Millisecond)
}

// N to N replay takes its rows from all inputs in time order, so two
// inputs writing to one table interleave (they used to be replayed one
// input after the other).
func TestReplayNToNInterleaves(t *testing.T) {
	e, err := engine.Open(engine.Options{})
	require.NoError(t, err)
	defer e.Close()
	got := testkit.RunAll(t, e, "a = table(2024.01.01T00:00:00.000 + 0 2 as ts, 1 3 as v)\n"+
		"b = table(2024.01.01T00:00:00.000 + 1 3 as ts, 2 4 as v)\n"+
		"out = streamTable(1:0, `ts`v, [TIMESTAMP, INT])\n"+
		"replay([a, b], [out, out], `ts, `ts, 1000, false, , , true)\nexec v from out")
	require.Equal(t, "[1,2,3,4]", got)
}
