package engine

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// A DFS query that names some columns reads only those and returns the
// same rows as one that reads all.
func TestScanColumnsDFS(t *testing.T) {
	s := memSession(t, `db = database("dfs://cols", VALUE, 1..3)
pt = db.createPartitionedTable(table(1:0, `+"`p`sym`x`y"+`, [INT, SYMBOL, DOUBLE, STRING]), `+"`pt, `p"+`)
pt.tableInsert(table(1 2 3 1 as p, `+"`a`b`c`d"+` as sym, 1.5 2.5 3.5 4.5 as x, ["u", "v", "w", "z"] as y))`)
	some := mustRun(t, s, "select sym, x from pt where p = 1 order by sym")
	all := mustRun(t, s, "select * from pt where p = 1 order by sym")
	s.Set("whole", all)
	want := mustRun(t, s, "select sym, x from whole order by sym")
	require.Equal(t, want.String(), some.String())
	require.Equal(t, "4", mustRun(t, s, "exec count(*) from pt").String())
}
