package cached_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/internal/testkit"
)

// A shared cached table is refreshed by a query from any session, once
// per retention period.
func TestSharedCachedTableRefreshesFromAnySession(t *testing.T) {
	e := testkit.InMemory(t)
	owner := e.NewSession()
	testkit.Run(t, owner, `share table(1:0, [`+"`"+`n], [INT]) as calls
def refill(){ calls.append!(table(1 as n)); return table(size(calls) as n) }
share cachedTable(refill, 1) as ct`)

	reader := e.NewSession()
	require.Equal(t, "[1]", testkit.Run(t, reader, "exec n from ct"))
	require.Equal(t, "[1]", testkit.Run(t, reader, "exec n from ct"), "refreshed before the retention time")
	time.Sleep(1100 * time.Millisecond)
	require.Equal(t, "[2]", testkit.Run(t, reader, "exec n from ct"))
	require.Equal(t, "[2]", testkit.Run(t, owner, "exec n from ct"))
}

// Sessions querying a shared cached table while one of them refreshes it
// must not race: the refresh swaps the table's columns.
func TestSharedCachedTableConcurrentRefresh(t *testing.T) {
	e := testkit.InMemory(t)
	owner := e.NewSession()
	testkit.Run(t, owner, `def fill(){ return table(rand(100, 200000) as n) }
share cachedTable(fill, 1) as ct`)
	deadline := time.Now().Add(2200 * time.Millisecond)
	testkit.Go(e, 3, func(_ int, s *engine.Session) {
		for time.Now().Before(deadline) {
			require.Equal(t, "200000", testkit.Run(t, s, "exec count(*) from ct"))
		}
	})()
}
