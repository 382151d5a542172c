package bench

import (
	"context"
	"io"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/porpoisedb/porpoise/client"
	"github.com/porpoisedb/porpoise/conformance"
	"github.com/porpoisedb/porpoise/internal/crashtest"
	"github.com/porpoisedb/porpoise/server"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// Issue 12: memory grew about 110 MB per round when the same
// create/append/drop suites ran again and again against one in-memory
// server. TestRepeatedSuitesMemory runs the top-level conformance files
// (DFS create/append/update/drop, in-memory tables, MTW) over the wire
// against one server for PORPOISE_LEAK_ROUNDS rounds (default 6) and
// logs the live heap and RSS after each; it fails when the heap after the
// last round is more than 64 MB above the heap after the first. Run with
// PORPOISE_LEAK=1 (it takes minutes).
func TestRepeatedSuitesMemory(t *testing.T) {
	crashtest.SkipUnlessEnv(t, "PORPOISE_LEAK", "the repeated-suite memory test")
	rounds := crashtest.EnvInt(t, "PORPOISE_LEAK_ROUNDS", 6)
	files, err := filepath.Glob("../conformance/testdata/*.test")
	require.NoError(t, err)
	ts := server.RunT(t)
	target := wireTarget{addr: ts.Addr}
	var heaps []uint64
	ctx := context.Background()
	for round := 1; round <= rounds; round++ {
		res, err := conformance.RunFiles(target, files, io.Discard)
		require.NoError(t, err)
		// and a heavier create/append/update/drop cycle in its own session
		c, err := client.Dial(ctx, ts.Addr, client.Options{User: "admin", Password: "123456"})
		require.NoError(t, err)
		_, err = c.Run(ctx, heavyRound)
		require.NoError(t, err)
		require.NoError(t, c.Close())
		heap, rss := settledMemory()
		heaps = append(heaps, heap)
		t.Logf("round %d: %s; live heap %d MB, RSS %d MB", round, res.Summary(), heap>>20, rss>>20)
	}
	require.Less(t, int64(heaps[len(heaps)-1])-int64(heaps[0]), int64(64<<20), "the live heap grows round after round")
}

// heavyRound creates a DFS database, appends 1M rows in batches, queries,
// updates, deletes and drops it, and shares, fills and undefines an
// in-memory table, the pattern of the suites of the issue.
const heavyRound = `
if (existsDatabase("dfs://leak")) { dropDatabase("dfs://leak") }
db = database("dfs://leak", VALUE, 2024.01.01..2024.01.10)
schema = table(1:0, ["d", "sym", "v"], [DATE, SYMBOL, DOUBLE])
pt = db.createPartitionedTable(schema, "pt", "d")
for (i in 0..9) {
	n = 100000
	pt.append!(table(take(2024.01.01..2024.01.10, n) as d, take(["A","B","C","D"], n) as sym, rand(100.0, n) as v))
}
r = select sum(v), count(*) from pt group by sym
update pt set v = v * 2 where sym = "A"
delete from pt where sym = "B"
r = select count(*) from pt
dropDatabase("dfs://leak")
share table(1:0, ["k", "v"], [INT, DOUBLE]) as leakShared
for (i in 0..9) { tableInsert(leakShared, 1..50000, rand(1.0, 50000)) }
r = exec count(*) from leakShared
undef("leakShared", SHARED)
undef all
`

// settledMemory is the live heap after a full collection and the RSS
// after returning freed memory to the OS.
func settledMemory() (heap, rss uint64) {
	runtime.GC()
	debug.FreeOSMemory()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc, processRSS()
}

// processRSS is VmRSS in bytes (0 where unavailable).
func processRSS() uint64 { return procStatusKB("VmRSS") << 10 }

// wireTarget runs each conformance file in a new connection to one
// long-running server; files that need their own configuration are
// skipped (the server's is fixed).
type wireTarget struct{ addr string }

func (w wireTarget) Open(f *conformance.File) (conformance.Conn, string, error) {
	if len(f.Config) > 0 {
		return nil, "needs its own configuration", nil
	}
	c, err := client.Dial(context.Background(), w.addr, client.Options{User: "admin", Password: "123456"})
	if err != nil {
		return nil, "", err
	}
	return wireConn{c, w.addr}, "", nil
}

type wireConn struct {
	c    *client.Conn
	addr string
}

func (w wireConn) Run(script string) (value.Value, error) {
	return w.c.Run(context.Background(), script)
}

func (w wireConn) Call(fn string, args ...value.Value) (value.Value, error) {
	return w.c.RunFunc(context.Background(), fn, args...)
}

func (w wireConn) Request(raw []byte) (value.Value, error) {
	return conformance.SendRequest(w.addr, raw)
}

func (w wireConn) Close() error { return w.c.Close() }
