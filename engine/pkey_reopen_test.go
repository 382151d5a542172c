package engine_test

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
)

// A PKEY database keeps its engine and its tables' primary keys across a
// restart: a row written after reopening still replaces the row with its
// key (db_distr_comp/db/pkey_engine.md).
func TestPKEYReopen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "d")
	for _, step := range []struct {
		script string
		want   string
	}{
		{`db = database("dfs://pk", VALUE, 1..3, engine="PKEY")
		  pt = db.createPartitionedTable(table(1:0, ` + "`id`k`v" + `, [INT, INT, INT]), "pt", "id", primaryKey=` + "`id`k" + `)
		  pt.append!(table(1 1 2 as id, 1 2 1 as k, 10 20 30 as v))
		  exec v from pt order by id, k`, "[10,20,30]"},
		{`pt = loadTable("dfs://pk", "pt")
		  pt.append!(table(1 2 as id, 2 1 as k, 21 31 as v))
		  exec v from pt order by id, k`, "[10,21,31]"},
		{`s = schema(loadTable("dfs://pk", "pt"))
		  s.engineType + ":" + concat(s.primaryKey, ",")`, "PKEY:id,k"},
	} {
		e, err := engine.Open(engine.Options{DataDir: dir})
		require.NoError(t, err)
		v, err := e.NewSession().Run(step.script)
		require.NoError(t, err)
		require.Equal(t, step.want, v.String())
		require.NoError(t, e.Close())
	}
}
