package ipctable_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/testkit"
)

// Sessions that load an IPC table by name append to and read the same
// rows, concurrently.
func TestIPCTableSharedBetweenSessions(t *testing.T) {
	e := testkit.InMemory(t)
	testkit.Run(t, e.NewSession(), "t = createIPCInMemoryTable(1000000, `ipc1, `id`v, [INT, DOUBLE])")

	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		s := e.NewSession()
		wg.Add(1)
		go func() {
			defer wg.Done()
			testkit.Run(t, s, `h = loadIPCInMemoryTable("ipc1")
for (k in 1..50) { h.append!(table(k as id, 1.5 as v)); select count(*) from h }`)
		}()
	}
	wg.Wait()
	require.Equal(t, "200", testkit.Run(t, e.NewSession(), "exec count(*) from loadIPCInMemoryTable(`ipc1)"))
}
