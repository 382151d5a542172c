package stream_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPersistedTypesAndPreCache reloads rows of several column types
// committed by many appends, whole and as the last preCache rows.
func TestPersistedTypesAndPreCache(t *testing.T) {
	dir := t.TempDir()
	const schema = "streamTable(1:0, `sym`s`d`ts`v, [SYMBOL,STRING,DECIMAL64(2),TIMESTAMP,DOUBLE[]])"
	e, s := open(t, dir)
	run(t, s, `enableTableShareAndPersistence(table=`+schema+`, tableName="st")
for (i in 0..9) { st.append!(table(symbol(["A","B",""]) as sym, ["x"+string(i), "", "z"] as s, decimal64([1.25, NULL, -3.5], 2) as d, 2024.01.01T00:00:00.000 + i..(i+2) as ts, arrayVector(1 3 4, [1.5, NULL, 2.5, 4.0]) as v)) }`)
	want := map[string]string{"0": run(t, s, `select * from st`).String(), "7": run(t, s, `st[23:30]`).String()}
	require.NoError(t, e.Close())

	for _, pre := range []string{"0", "7"} {
		e, s = open(t, dir)
		run(t, s, `enableTableShareAndPersistence(table=`+schema+`, tableName="st", preCache=`+pre+`)`)
		require.Equal(t, want[pre], run(t, s, `select * from st`).String(), "preCache=%s", pre)
		require.NoError(t, e.Close())
	}
}

// The commits of a persisted stream table are no database transactions:
// getTransactionStatus and the redo-log figures leave them out.
func TestPersistedAppendsAreNoDatabaseTransactions(t *testing.T) {
	e, s := open(t, t.TempDir())
	defer e.Close()
	run(t, s, `enableTableShareAndPersistence(table=streamTable(1:0, `+"`id"+`, [INT]), tableName="st")
insert into st values(1)
insert into st values(2)`)
	require.Equal(t, "0", run(t, s, `exec count(*) from getTransactionStatus()`).String())
	require.Equal(t, "0", run(t, s, `exec count(*) from getRedoLogGCStat()`).String())
	// a DFS append is listed in both
	run(t, s, `db = database("dfs://tx", VALUE, 1..2)
pt = db.createPartitionedTable(table(1:0, `+"`id"+`, [INT]), "pt", "id")
pt.append!(table(1 2 as id))`)
	require.Equal(t, "1", run(t, s, `exec count(*) from getTransactionStatus()`).String())
	require.Equal(t, "1", run(t, s, `exec count(*) from getRedoLogGCStat()`).String())
}
