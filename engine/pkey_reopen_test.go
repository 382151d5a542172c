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
	runReopened(t, []reopenStep{
		{`db = database("dfs://pk", VALUE, 1..3, engine="PKEY")
		  pt = db.createPartitionedTable(table(1:0, ` + "`id`k`v" + `, [INT, INT, INT]), "pt", "id", primaryKey=` + "`id`k" + `)
		  pt.append!(table(1 1 2 as id, 1 2 1 as k, 10 20 30 as v))
		  exec v from pt order by id, k`, "[10,20,30]"},
		{`pt = loadTable("dfs://pk", "pt")
		  pt.append!(table(1 2 as id, 2 1 as k, 21 31 as v))
		  exec v from pt order by id, k`, "[10,21,31]"},
		{`s = schema(loadTable("dfs://pk", "pt"))
		  s.engineType + ":" + concat(s.primaryKey, ",")`, "PKEY:id,k"},
	})
}

// A table partitioned by a function call keeps routing rows through it
// after a restart, when the session that defined the function is gone
// (db_distr_comp/db/tsdb.md, partitioned by myPartitionFunc(id_date)).
func TestPartitionFuncReopen(t *testing.T) {
	runReopened(t, []reopenStep{
		{`def myPartitionFunc(str) { return temporalParse(substr(str, 6, 8), "yyyyMMdd") }
		  create database "dfs://pf" partitioned by VALUE(2024.02.01..2024.02.02)
		  create table "dfs://pf"."pt"(id_date STRING, v INT) partitioned by myPartitionFunc(id_date)
		  loadTable("dfs://pf", "pt").append!(table(["ax1ve_20240201_e37f6", "91f86_20240202_b781d"] as id_date, 1 2 as v))
		  exec count(*) from loadTable("dfs://pf", "pt")`, "2"},
		{`loadTable("dfs://pf", "pt").append!(table(["bbbbb_20240202_c", "ccccc_20240209_d"] as id_date, 3 4 as v))
		  exec v from loadTable("dfs://pf", "pt") order by v`, "[1,2,3]"},
	})
}

// reopenStep is a script run in an engine of its own on one data
// directory, and the value it must give.
type reopenStep struct {
	script string
	want   string
}

// runReopened runs each step in a new engine over the same data
// directory, closing it before the next.
func runReopened(t *testing.T, steps []reopenStep) {
	dir := filepath.Join(t.TempDir(), "d")
	for _, step := range steps {
		e, err := engine.Open(engine.Options{DataDir: dir})
		require.NoError(t, err)
		v, err := e.NewSession().Run(step.script)
		require.NoError(t, err)
		require.Equal(t, step.want, v.String())
		require.NoError(t, e.Close())
	}
}
