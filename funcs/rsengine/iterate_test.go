package rsengine_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/testkit"
)

// stateIterate and conditionalIterate computed from each key's latest
// results give what the functions give over each key's whole history
// (a context by query), over batches of every size, with a bounded
// history.
func TestIterateNodesMatchQuery(t *testing.T) {
	e := testkit.InMemory(t)
	s := e.NewSession()
	testkit.Run(t, s, `n = 3000
data = table(take(`+"`a`b`c`d"+`, n) as k, take(1 NULL 3 4 5, n) * rand(10, n) as v, rand(10.0, n) as w)
m = [<stateIterate(v, w, 3, msum{, 3}, [0.5, 0.25])>, <stateIterate(v, w, 2, mavg{, 4}, [1, -0.5])>, <conditionalIterate(v > 4, w, mmax{, 2})>,
	<conditionalIterate(v > 6, w, cumlastNot)>, <conditionalIterate(v > 2, w, cumfirstNot)>, <conditionalIterate(v > 5, w, move{, 2})>,
	<stateIterate(v, w, 1, mcount{, 5}, [1, 1])>, <conditionalIterate(v < 3, v, ffill)>, <stateIterate(v, w, 4, mmin{, 3}, [0.5, 0.5])>]
out = table(1:0, `+"`k`a`b`c`d`e`f`g`h`i"+`, [SYMBOL, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE])
eng = createReactiveStateEngine(name="rseIter", metrics=m, dummyTable=table(1:0, `+"`k`v`w"+`, [SYMBOL, INT, DOUBLE]), outputTable=out, keyColumn="k")
i = 0
sizes = 1 7 30 500 2 1000
for (z in 0..40) { if (i < n) { j = min(n, i + sizes[z % 6]); eng.append!(data[i:j]); i = j } }
data[`+"`i"+`] = 0..(n-1)
exp = select i, stateIterate(v, w, 3, msum{, 3}, [0.5, 0.25]) as a, stateIterate(v, w, 2, mavg{, 4}, [1, -0.5]) as b, conditionalIterate(v > 4, w, mmax{, 2}) as c,
	conditionalIterate(v > 6, w, cumlastNot) as d, conditionalIterate(v > 2, w, cumfirstNot) as e, conditionalIterate(v > 5, w, move{, 2}) as f,
	stateIterate(v, w, 1, mcount{, 5}, [1, 1]) as g, conditionalIterate(v < 3, v, ffill) as h, stateIterate(v, w, 4, mmin{, 3}, [0.5, 0.5]) as ii from data context by k
exp = select * from exp order by i`)
	require.Equal(t, "3000", testkit.Run(t, s, "size(out)"))
	for _, c := range [][2]string{{"a", "a"}, {"b", "b"}, {"c", "c"}, {"d", "d"}, {"e", "e"}, {"f", "f"}, {"g", "g"}, {"h", "h"}, {"i", "ii"}} {
		require.Equal(t, "true", testkit.Run(t, s, "eqObj(out."+c[0]+", exp."+c[1]+", 9)"), c[0])
	}
	// 4 keys of one row each are kept: the whole history would take 72000
	// bytes
	require.Equal(t, "true", testkit.Run(t, s, "(exec memoryInUsed from getStreamEngineStat()[`ReactiveStreamEngine] where name = `rseIter)[0] < 20000"))
	testkit.Run(t, s, "dropStreamEngine(`rseIter)")
}

// stateMavg in the engine, computed from each key's latest results (it
// kept and recomputed each key's history on every append), gives what the
// function gives over each key's whole history, NULLs among X included,
// for windows of 1 (X itself) and more.
func TestStateMavgNodeMatchesQuery(t *testing.T) {
	e := testkit.InMemory(t)
	s := e.NewSession()
	testkit.Run(t, s, `n = 6000
data = table(take(`+"`a`b`c"+`, n) as k, take(1 NULL 3 4 5 NULL 7, n) * rand(10, n) as v)
out = table(1:0, `+"`k`a`b`c"+`, [SYMBOL, DOUBLE, DOUBLE, DOUBLE])
eng = createReactiveStateEngine(name="rseMavg", metrics=[<stateMavg(v, 3)>, <stateMavg(v, 1)>, <stateMavg(v, 5)>], dummyTable=table(1:0, `+"`k`v"+`, [SYMBOL, INT]), outputTable=out, keyColumn="k")
i = 0
sizes = 1 7 30 500 2 1000
for (z in 0..40) { if (i < n) { j = min(n, i + sizes[z % 6]); eng.append!(data[i:j]); i = j } }
data[`+"`i"+`] = 0..(n-1)
exp = select i, stateMavg(v, 3) as a, stateMavg(v, 1) as b, stateMavg(v, 5) as c from data context by k
exp = select * from exp order by i`)
	require.Equal(t, "6000", testkit.Run(t, s, "size(out)"))
	for _, c := range []string{"a", "b", "c"} {
		require.Equal(t, "true", testkit.Run(t, s, "eqObj(out."+c+", exp."+c+", 9)"), c)
	}
	require.Equal(t, "[1,3,2.666667,3.555556,4.407407,5.654321]", testkit.Run(t, s, "stateMavg(1 3 4 5 7 9, 3)"))
	// 3 keys' latest results are kept: the whole history took 150000 bytes
	require.Equal(t, "true", testkit.Run(t, s, "(exec memoryInUsed from getStreamEngineStat()[`ReactiveStreamEngine] where name = `rseMavg)[0] < 60000"))
}
