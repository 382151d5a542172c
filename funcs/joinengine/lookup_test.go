package joinengine_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
	_ "github.com/porpoisedb/porpoise/funcs/all"
	"github.com/porpoisedb/porpoise/internal/testkit"
)

// Sessions appending to both inputs of a join engine at once: the
// inputs are serialized with each other, and the output holds the rows
// the join gives for every appended row.
func TestJoinEngineConcurrentAppends(t *testing.T) {
	type check struct{ want, script string }
	for _, tc := range []struct {
		name    string
		setup   string
		appends []string
		checks  []check
		engines []string
	}{
		{
			// every left row gives one output row (a left join)
			name: "lookup",
			setup: "share table(1:0, `k`v`w, [INT, INT, INT]) as ljout\n" +
				"lj = createLookupJoinEngine(name=\"ljRace\", leftTable=table(1:0, `k`v, [INT, INT]), rightTable=table(1:0, `k`w, [INT, INT]), outputTable=ljout, metrics=<[v, w]>, matchingColumn=`k)",
			appends: []string{
				"appendForJoin(getStreamEngine(`ljRace), false, table(1..10 as k, 1..10 as w))",
				"appendForJoin(getStreamEngine(`ljRace), true, table(1..10 as k, 1..10 as v))",
				"tableInsert(getRightStream(getStreamEngine(`ljRace)), table(1..10 as k, 1..10 as w))",
			},
			checks:  []check{{"1000", "exec count(*) from ljout where v == w and k == v"}},
			engines: []string{"ljRace"},
		},
		{
			// every left row is joined once, and with delayedTime's timer running
			name: "asof",
			setup: "share table(1:0, `t`k`v`w, [TIMESTAMP, INT, INT, INT]) as ajout\n" +
				"share table(1:0, `t`k`v`w, [TIMESTAMP, INT, INT, INT]) as ajout2\n" +
				"aj = createAsofJoinEngine(name=\"ajRace\", leftTable=table(1:0, `t`k`v, [TIMESTAMP, INT, INT]), rightTable=table(1:0, `t`k`w, [TIMESTAMP, INT, INT]), outputTable=ajout, metrics=<[v, w]>, matchingColumn=`k, useSystemTime=true)\n" +
				"aj2 = createAsofJoinEngine(name=\"ajRace2\", leftTable=table(1:0, `t`k`v, [TIMESTAMP, INT, INT]), rightTable=table(1:0, `t`k`w, [TIMESTAMP, INT, INT]), outputTable=ajout2, metrics=<[v, w]>, matchingColumn=`k, timeColumn=`t, delayedTime=1, garbageSize=10)",
			appends: []string{
				"appendForJoin(getStreamEngine(`ajRace), false, table(take(now(), 10) as t, 1..10 as k, 1..10 as w))",
				"appendForJoin(getStreamEngine(`ajRace), true, table(take(now(), 10) as t, 1..10 as k, 1..10 as v))",
				"appendForJoin(getStreamEngine(`ajRace2), false, table(take(now(), 10) as t, 1..10 as k, 1..10 as w))",
				"appendForJoin(getStreamEngine(`ajRace2), true, table(take(now(), 10) as t, 1..10 as k, 1..10 as v))",
			},
			checks: []check{
				{"1000", "exec count(*) from ajout where v == w and k == v"},
				{"true", "exec count(*) <= 1000 and count(*) == sum(v == w or isNull(w)) from ajout2"},
			},
			engines: []string{"ajRace", "ajRace2"},
		},
		{
			// outer: every row of either side gives one output row,
			// matched with the other side's latest row of its key or alone
			name: "snapshot",
			setup: "share table(1:0, `k`t1`t2`v`w, [INT, TIMESTAMP, TIMESTAMP, INT, INT]) as sjout\n" +
				"sj = createSnapshotJoinEngine(name=\"sjRace\", leftTable=table(1:0, `k`v, [INT, INT]), rightTable=table(1:0, `k`w, [INT, INT]), outputTable=sjout, metrics=<[v, w]>, matchingColumn=`k, isInnerJoin=false)",
			appends: []string{
				"appendForJoin(getStreamEngine(`sjRace), false, table(1..10 as k, 1..10 as w))",
				"appendForJoin(getStreamEngine(`sjRace), true, table(1..10 as k, 1..10 as v))",
				"tableInsert(getRightStream(getStreamEngine(`sjRace)), table(1..10 as k, 1..10 as w))",
			},
			checks: []check{
				{"3000", "exec count(*) from sjout"},
				// every match pairs rows of one key
				{"0", "exec count(*) from sjout where not isNull(v) and not isNull(w) and v != w"},
				{"3000", "exec count(*) from sjout where t1 != NULL or t2 != NULL"},
			},
			engines: []string{"sjRace"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, s := testkit.Started(t, tc.setup)
			testkit.Concurrently(t, e, 4, 25, tc.appends...)
			for _, c := range tc.checks {
				require.Equal(t, c.want, testkit.Run(t, s, c.script), c.script)
			}
			for _, name := range tc.engines {
				testkit.Run(t, s, "dropStreamEngine(`"+name+")")
			}
		})
	}
}

// The equi and left semi join engines under concurrent appends to both
// inputs: each key joins once.
func TestEquiAndSemiJoinConcurrentAppends(t *testing.T) {
	e, s := testkit.Started(t, "share table(1:0, `t`k`v`w, [SECOND, INT, INT, INT]) as ejout\n"+
		"share table(1:0, `k`v`w, [INT, INT, INT]) as sjout\n"+
		"createEquiJoinEngine(name=\"ejRace\", leftTable=table(1:0, `t`k`v, [SECOND, INT, INT]), rightTable=table(1:0, `t`k`w, [SECOND, INT, INT]), outputTable=ejout, metrics=<[v, w]>, matchingColumn=`k, timeColumn=`t, garbageSize=50, maxDelayedTime=100)\n"+
		"createLeftSemiJoinEngine(name=\"sjRace\", leftTable=table(1:0, `k`v, [INT, INT]), rightTable=table(1:0, `k`w, [INT, INT]), outputTable=sjout, metrics=<[v, w]>, matchingColumn=`k, garbageSize=50)")
	testkit.Go(e, 4, func(i int, w *engine.Session) {
		for j := 0; j < 25; j++ {
			k := "(" + strconv.Itoa(i*1000+j*10) + " + 1..10)"
			side := []string{"true", "false"}
			if j%2 == 1 {
				side[0], side[1] = side[1], side[0]
			}
			testkit.Run(t, w, "appendForJoin(getStreamEngine(`ejRace), "+side[0]+", table(second(0) + 1..10 as t, "+k+" as k, "+k+" as v))")
			testkit.Run(t, w, "appendForJoin(getStreamEngine(`ejRace), "+side[1]+", table(second(0) + 1..10 as t, "+k+" as k, "+k+" as v))")
			testkit.Run(t, w, "appendForJoin(getStreamEngine(`sjRace), "+side[0]+", table("+k+" as k, "+k+" as v))")
			testkit.Run(t, w, "appendForJoin(getStreamEngine(`sjRace), "+side[1]+", table("+k+" as k, "+k+" as v))")
		}
	})()
	require.Equal(t, "1000", testkit.Run(t, s, "exec count(*) from ejout where v == w and k == v"))
	require.Equal(t, "1000", testkit.Run(t, s, "exec count(*) from sjout where v == w and k == v"))
	testkit.Run(t, s, "dropStreamEngine(`ejRace)")
	testkit.Run(t, s, "dropStreamEngine(`sjRace)")
}

// The window join engine under concurrent appends to both inputs, with
// garbage collection: every window that closes is written once.
func TestWindowJoinConcurrentAppends(t *testing.T) {
	e, s := testkit.Started(t, "share table(1:0, `t`k`n, [TIMESTAMP, INT, INT]) as wjout\n"+
		"createWindowJoinEngine(name=\"wjRace\", leftTable=table(1:0, `t`k, [TIMESTAMP, INT]), rightTable=table(1:0, `t`k`w, [TIMESTAMP, INT, INT]), outputTable=wjout, window=0:0, metrics=<count(w)>, matchingColumn=`k, timeColumn=`t, garbageSize=20)")
	testkit.Go(e, 4, func(i int, w *engine.Session) {
		k := strconv.Itoa(i)
		for j := 0; j < 25; j++ {
			ts := strconv.Itoa(j * 10)
			testkit.Run(t, w, "appendForJoin(getStreamEngine(`wjRace), true, table(timestamp(long("+ts+")) as t, "+k+" as k))")
			testkit.Run(t, w, "appendForJoin(getStreamEngine(`wjRace), false, table(timestamp(long("+ts+") + 0..9) as t, take("+k+", 10) as k, 0..9 as w))")
		}
	})()
	require.Equal(t, "100", testkit.Run(t, s, "exec count(*) from wjout"))
	require.Equal(t, "true", testkit.Run(t, s, "exec all(n == iif(long(t) == 0, 0, 10)) from wjout"))
	testkit.Run(t, s, "dropStreamEngine(`wjRace)")
}
