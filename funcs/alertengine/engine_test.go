package alertengine_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
	_ "github.com/porpoisedb/porpoise/funcs/all"
	"github.com/porpoisedb/porpoise/internal/testkit"
)

// Sessions appending to one keyed engine at once are serialized: every
// row is checked once, and each key's windows close in order.
func TestConcurrentAppends(t *testing.T) {
	e, s := testkit.Started(t, "share table(1:0, `time`sym`type`metric, [TIMESTAMP, SYMBOL, INT, STRING]) as adout\n"+
		"createAnomalyDetectionEngine(\"adc\", <[qty > 0, sum(qty) > 0]>, table(1:0, `time`sym`qty, [TIMESTAMP, SYMBOL, INT]), adout, `time, `sym, 10, 10)")
	testkit.Go(e, 4, func(w int, ws *engine.Session) {
		for j := 0; j < 25; j++ {
			// each worker its own key, times rising
			testkit.Run(t, ws, fmt.Sprintf("tableInsert(getStreamEngine(`adc), table(2024.01.01T00:00:00.000 + %d * 10 + 0..9 as time, take(`k%d, 10) as sym, take(1, 10) as qty))", j, w))
		}
	})()
	// 1000 rows fire qty > 0; each key closes 24 windows of 10 rows
	require.Equal(t, "1000", testkit.Run(t, s, "exec count(*) from adout where type = 0"))
	require.Equal(t, "96", testkit.Run(t, s, "exec count(*) from adout where type = 1"))
	require.Equal(t, "[4]", testkit.Run(t, s, "exec numGroups from getStreamEngineStat().AnomalyDetectionEngine"))
}

// Odd input never panics: NULL times, an empty append, a metric giving
// no boolean. A NULL compares below every number, as DolphinDB
// compares it: avg(v) > v holds for a NULL v.
func TestOddInput(t *testing.T) {
	_, s := testkit.Started(t, "o = table(1:0, `time`type`metric, [TIMESTAMP, INT, STRING])\n"+
		"eng = createAnomalyDetectionEngine(\"ado\", <[v > 1, avg(v) > v, string(v)]>, table(1:0, `time`v, [TIMESTAMP, DOUBLE]), o, `time, , 2, 2)\n"+
		"eng.append!(table(2024.01.01T00:00:00.000 + [0, NULL, 3] as time, [2.0, 3.0, NULL] as v))\n"+
		"eng.append!(table(1:0, `time`v, [TIMESTAMP, DOUBLE]))")
	require.Equal(t, "[0,0,1]", testkit.Run(t, s, "exec type from o"))
}

// Rules change while other sessions append: every row is checked once,
// by the rules of the moment.
func TestRulesChangeWhileAppending(t *testing.T) {
	e, s := testkit.Started(t, "share table(1:0, `k`rule, [INT, INT]) as rout\n"+
		"createRuleEngine(\"rc\", dict([1, NULL], [[<v > 0>], [<v < 0>]]), table(1:0, `k`v, [INT, INT]), `k, rout, , `k)")
	wait := testkit.Go(e, 3, func(_ int, ws *engine.Session) {
		for j := 0; j < 30; j++ {
			testkit.Run(t, ws, "tableInsert(getStreamEngine(`rc), table(1..10 as k, 1..10 as v))")
		}
	})
	u := e.NewSession()
	for j := 0; j < 30; j++ {
		testkit.Run(t, u, fmt.Sprintf("updateRule(\"rc\", %d, [<v > 5>])", j%10+1))
	}
	wait()
	require.Equal(t, "900", testkit.Run(t, s, "exec count(*) from rout"))
}
