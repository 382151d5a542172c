package engine_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
)

func TestObjsAndDFSListings(t *testing.T) {
	e, err := engine.Open(engine.Options{})
	require.NoError(t, err)
	defer e.Close()
	s := e.NewSession()
	_, err = s.Run(`x = 1 2 3; t = table(1..4 as id, 1.0 2.0 3.0 4.0 as v); share table(1 2 as a) as st
db = database("dfs://objs", VALUE, 1..3); pt = db.createPartitionedTable(table(1 2 as id), "pt", "id"); pt.append!(table(1 2 as id))`)
	require.NoError(t, err)
	v, err := s.Run("select name, type, form, rows, columns, bytes, shared from objs() where name in `x`t")
	require.NoError(t, err)
	require.Equal(t, "name type  form   rows columns bytes shared\n---- ----- ------ ---- ------- ----- ------\nt    BASIC TABLE  4    2       360   false\nx    INT   VECTOR 3    1       12    false\n", v.String())
	v, err = s.Run("exec name from objs(true) where shared")
	require.NoError(t, err)
	require.Equal(t, `["st"]`, v.String())
	v, err = s.Run("exec owner from objs(true) where name == `st")
	require.NoError(t, err)
	require.Equal(t, `["admin"]`, v.String())
	v, err = s.Run("getClusterDFSDatabases()")
	require.NoError(t, err)
	require.Equal(t, `["dfs://objs"]`, v.String())
	v, err = s.Run("getClusterDFSTables()")
	require.NoError(t, err)
	require.Equal(t, `["dfs://objs/pt"]`, v.String())
}
