package rsengine_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	_ "github.com/porpoisedb/porpoise/funcs/all"
	"github.com/porpoisedb/porpoise/internal/testkit"
)

// Sessions appending to one engine at once: each key's rows are
// computed over its whole history whatever the interleaving, so every
// key's cumulative sum ends at the sum of its rows.
func TestConcurrentAppends(t *testing.T) {
	e := testkit.InMemory(t)
	s := e.NewSession()
	testkit.Run(t, s, `share table(1:0, `+"`k`c`m"+`, [INT, LONG, DOUBLE]) as rout
createReactiveStateEngine(name="rseRace", metrics=[<cumsum(v)>, <mavg(v, 3)>], dummyTable=table(1:0, `+"`k`v"+`, [INT, INT]), outputTable=rout, keyColumn="k")`)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		w := e.NewSession()
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 25; j++ {
				testkit.Run(t, w, "tableInsert(getStreamEngine(`rseRace), table(1..10 as k, take(1, 10) as v))")
			}
		}()
	}
	wg.Wait()
	require.Equal(t, "1000", testkit.Run(t, s, "size(rout)"))
	require.Equal(t, "[100,100,100,100,100,100,100,100,100,100]", testkit.Run(t, s, "(select max(c) as mc from rout group by k order by k).mc"))
	require.Equal(t, "true", testkit.Run(t, s, "all((exec m from rout where c >= 3) == 1)"))
}

// A metric of moving windows keeps only the rows its windows reach, and
// the history rewritten without the others gives what the whole history
// gives.
func TestBoundedHistoryMatchesQuery(t *testing.T) {
	e := testkit.InMemory(t)
	s := e.NewSession()
	testkit.Run(t, s, `out = table(1:0, `+"`k`a`b"+`, [SYMBOL, DOUBLE, DOUBLE])
eng = createReactiveStateEngine(name="rseBound", metrics=[<mavg(mavg(v, 3), 4) - prev(v)>, <mcorr(v, w, 5)>], dummyTable=table(1:0, `+"`k`v`w"+`, [SYMBOL, DOUBLE, DOUBLE]), outputTable=out, keyColumn="k")
data = table(take(`+"`a`b`c"+`, 6000) as k, rand(10.0, 6000) as v, rand(10.0, 6000) as w)
for (i in 0..59) eng.append!(data[(i*100):((i+1)*100)])
data[`+"`i"+`] = 0..5999
exp = select i, mavg(mavg(v, 3), 4) - prev(v) as a, mcorr(v, w, 5) as b from data context by k
exp = select * from exp order by i`)
	require.Equal(t, "true", testkit.Run(t, s, "eqObj(out.a, exp.a, 9) && eqObj(out.b, exp.b, 9)"))
	// 3 keys of at most 7 rows each are kept
	require.Equal(t, "true", testkit.Run(t, s, "(exec memoryInUsed from getStreamEngineStat()[`ReactiveStreamEngine] where name = `rseBound)[0] < 100000"))
}
