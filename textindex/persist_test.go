package textindex_test

import (
	"testing"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/stretchr/testify/require"
)

// A table's text index is kept in its catalog entry: after a restart the
// match functions still find it.
func TestTextIndexSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	e, err := engine.Open(engine.Options{DataDir: dir})
	require.NoError(t, err)
	_, err = e.NewSession().Run(`t = table(1 2 as id, ["Mike likes apples.", "Alice likes oranges."] as remark)
		db = database("dfs://textRestart", VALUE, 1 2, engine="PKEY")
		pt = createPartitionedTable(db, t, "pt", "id", primaryKey="id", indexes={"remark":"textindex(parser=english, stem=true)"})
		pt.append!(t)`)
	require.NoError(t, err)
	require.NoError(t, e.Close())

	e, err = engine.Open(engine.Options{DataDir: dir})
	require.NoError(t, err)
	defer e.Close()
	v, err := e.NewSession().Run(`exec id from loadTable("dfs://textRestart", "pt") where matchAll(remark, "apple")`)
	require.NoError(t, err)
	require.Equal(t, "[1]", v.String())
}
