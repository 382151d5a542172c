package joinengine_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	_ "github.com/porpoisedb/porpoise/funcs/all"
	"github.com/porpoisedb/porpoise/internal/testkit"
)

// Sessions appending to both inputs of a lookup join engine at once:
// the inputs are serialized with each other, and every left row gives
// one output row (a left join).
func TestLookupJoinConcurrentAppends(t *testing.T) {
	e := testkit.InMemory(t)
	s := e.NewSession()
	testkit.Run(t, s, "share table(1:0, `k`v`w, [INT, INT, INT]) as ljout\n"+
		"lj = createLookupJoinEngine(name=\"ljRace\", leftTable=table(1:0, `k`v, [INT, INT]), rightTable=table(1:0, `k`w, [INT, INT]), outputTable=ljout, metrics=<[v, w]>, matchingColumn=`k)")
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		w := e.NewSession()
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 25; j++ {
				testkit.Run(t, w, "appendForJoin(getStreamEngine(`ljRace), false, table(1..10 as k, 1..10 as w))")
				testkit.Run(t, w, "appendForJoin(getStreamEngine(`ljRace), true, table(1..10 as k, 1..10 as v))")
				testkit.Run(t, w, "tableInsert(getRightStream(getStreamEngine(`ljRace)), table(1..10 as k, 1..10 as w))")
			}
		}()
	}
	wg.Wait()
	require.Equal(t, "1000", testkit.Run(t, s, "exec count(*) from ljout where v == w and k == v"))
	testkit.Run(t, s, "dropStreamEngine(`ljRace)")
}
