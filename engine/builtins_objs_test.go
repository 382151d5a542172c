package engine_test

import (
	"testing"

	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/stretchr/testify/require"
)

func TestObjsAndDFSListings(t *testing.T) {
	_, s := testkit.Started(t, `x = 1 2 3; t = table(1..4 as id, 1.0 2.0 3.0 4.0 as v); share table(1 2 as a) as st
db = database("dfs://objs", VALUE, 1..3); pt = db.createPartitionedTable(table(1 2 as id), "pt", "id"); pt.append!(table(1 2 as id))`)
	require.Equal(t, "name type  form   rows columns bytes shared\n---- ----- ------ ---- ------- ----- ------\nt    BASIC TABLE  4    2       360   false\nx    INT   VECTOR 3    1       12    false\n", testkit.Run(t, s, "select name, type, form, rows, columns, bytes, shared from objs() where name in `x`t"))
	require.Equal(t, `["st"]`, testkit.Run(t, s, "exec name from objs(true) where shared"))
	require.Equal(t, `["admin"]`, testkit.Run(t, s, "exec owner from objs(true) where name == `st"))
	require.Equal(t, `["dfs://objs"]`, testkit.Run(t, s, "getClusterDFSDatabases()"))
	require.Equal(t, `["dfs://objs/pt"]`, testkit.Run(t, s, "getClusterDFSTables()"))
}
