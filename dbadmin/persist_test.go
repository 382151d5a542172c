package dbadmin_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/internal/testkit"
)

// TestCatalogChangesSurviveRestart checks that renameTable, the table and
// column comments and setAtomicLevel are written to the catalog, not only
// to the open engine.
func TestCatalogChangesSurviveRestart(t *testing.T) {
	dir := t.TempDir()
	testkit.RunIn(t, dir,
		`db = database("dfs://cm", VALUE, 1..3)
		 t = table(1..3 as id, ["a","b","c"] as sym)
		 pt = db.createPartitionedTable(t, "pt", "id").append!(t)`,
		`renameTable(db, "pt", "pt2")`,
		`pt = loadTable("dfs://cm", "pt2"); setTableComment(pt, "my table"); setColumnComment(pt, {sym: "the symbol"})`,
		`setAtomicLevel(database("dfs://cm"), "CHUNK")`,
	)

	e := testkit.OnDisk(t, dir)
	defer e.Close()
	cases := []struct{ script, want string }{
		{`exec count(*) from loadTable("dfs://cm", "pt2")`, "3"},
		{`getTables(database("dfs://cm"))`, `["pt2"]`},
		{`schema(loadTable("dfs://cm", "pt2"))["tableComment"]`, "my table"},
		{`exec comment from schema(loadTable("dfs://cm", "pt2")).colDefs`, `[,"the symbol"]`},
		{`schema(loadTable("dfs://cm", "pt2"))["atomic"]`, "CHUNK"},
		{`exec sym from loadTable("dfs://cm", "pt2") order by id`, `["a","b","c"]`},
	}
	for _, c := range cases {
		require.Equal(t, c.want, testkit.RunAll(t, e, c.script), c.script)
	}
}

// TestCompactionAndFlushAreReal checks that a flush moves the data out of
// the write cache (its disk usage becomes visible) and that a triggered
// compaction is listed.
func TestCompactionAndFlushAreReal(t *testing.T) {
	e, err := engine.Open(engine.Options{DataDir: t.TempDir()})
	require.NoError(t, err)
	defer e.Close()
	testkit.RunAll(t, e, `db = database("dfs://fl", VALUE, 1..2)
		t = table(take(1..2, 100000) as id, rand(100.0, 100000) as x)
		db.createPartitionedTable(t, "pt", "id").append!(t)`)
	require.Equal(t, "0", testkit.RunAll(t, e, `exec sum(diskUsage) from getTabletsMeta("/fl/%", "pt", true)`))
	testkit.RunAll(t, e, `flushOLAPCache()`)
	require.NotEqual(t, "0", testkit.RunAll(t, e, `exec sum(diskUsage) from getTabletsMeta("/fl/%", "pt", true)`))
	testkit.RunAll(t, e, `for (x in exec chunkId from getChunksMeta() where type=1) { triggerTSDBCompaction(x) }`)
	require.Equal(t, "2", testkit.RunAll(t, e, `exec count(*) from getTSDBCompactionTaskStatus() where force, errorMessage == ""`))
	require.Equal(t, "[\"APPEND\"]", testkit.RunAll(t, e, `exec distinct type from getTransactionStatus()`))
}
