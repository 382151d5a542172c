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
	some, err := s.Run("select sym, x from pt where p = 1 order by sym")
	require.NoError(t, err)
	all, err := s.Run("select * from pt where p = 1 order by sym")
	require.NoError(t, err)
	s.Set("whole", all)
	want, err := s.Run("select sym, x from whole order by sym")
	require.NoError(t, err)
	require.Equal(t, want.String(), some.String())
	n, err := s.Run("exec count(*) from pt")
	require.NoError(t, err)
	require.Equal(t, "4", n.String())
}
