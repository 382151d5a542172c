package cached_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

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
