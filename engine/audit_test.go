package engine

import (
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// The audit log's SQL and column entries, like the others, are on disk
// under the data directory and come back after a restart, as does the
// column replaceColumn! converted.
func TestAuditEntriesSurviveRestart(t *testing.T) {
	dir := t.TempDir()
	const show = `login("admin", "123456")
		exec opType + " " + opDetail from getAuditLog() where dbName == "dfs://auditRestart" and tbName == "pt" and opType != "APPEND"`
	want := []string{
		"CREATE_PARTITIONED_TABLE ",
		"SQL_UPDATE script=[update pt set v = v + 1 where id == 2], updatedRows=1",
		"SQL_DELETE script=[delete from pt where id == 3], deletedRows=1",
		"ADD_COLUMN colName=[w], colType=[DECIMAL64(3)]",
		"RENAME_COLUMN colName=[w], newColName=[w2]",
		"DROP_COLUMN columnName=[w2]",
		"REPLACE_COLUMN colName=[v], colType=[INT], newColType=[DOUBLE]",
	}
	run := func(script string) []string {
		e, err := Open(Options{DataDir: dir})
		require.NoError(t, err)
		defer func() { require.NoError(t, e.Close()) }()
		s := e.NewSession()
		mustRun(t, s, script)
		v := mustRun(t, s, show)
		vec, ok := v.(*value.Vector)
		require.True(t, ok, "%T", v)
		return vec.Str
	}
	require.Equal(t, want, run(`login("admin", "123456")
		db = database("dfs://auditRestart", VALUE, 1..3)
		pt = db.createPartitionedTable(table(1:0, `+"`id`v"+`, [INT, INT]), "pt", "id")
		pt.append!(table(1 2 3 as id, 10 20 30 as v))
		update pt set v = v + 1 where id == 2
		delete from pt where id == 3
		addColumn(pt, "w", DECIMAL64(3))
		rename!(pt, "w", "w2")
		dropColumns!(pt, "w2")
		replaceColumn!(pt, "v", array(DOUBLE))`))
	require.Equal(t, want, run(""), "after a restart")
	v, err := func() (value.Value, error) {
		e, err := Open(Options{DataDir: dir})
		require.NoError(t, err)
		defer e.Close()
		return e.NewSession().Run(`exec v from loadTable("dfs://auditRestart", "pt") order by id`)
	}()
	require.NoError(t, err)
	require.Equal(t, []float64{10, 21}, v.(*value.Vector).F64, "the replaced column's values, converted, survive too")
}
