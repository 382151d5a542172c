package sqlparse_test

import "testing"

// create table's partitioned by takes a function call on a column
// (db_distr_comp/db/tsdb.md) and hands createPartitionedTable its text.
func TestCreateTablePartitionFunc(t *testing.T) {
	requireScriptForms(t, []formatCase{
		{"create table \"dfs://db\".\"pt\"(id_date STRING, v INT) partitioned by myPartitionFunc(id_date)",
			`createPartitionedTable(database("dfs://db"), table((1 : 0), ["id_date", "v"], [STRING, INT]), "pt", ["myPartitionFunc(id_date)"])`},
		{"create table \"dfs://db\".\"pt\"(d STRING, s SYMBOL) partitioned by f(d, 6, 8), s",
			`createPartitionedTable(database("dfs://db"), table((1 : 0), ["d", "s"], [STRING, SYMBOL]), "pt", ["f(d, 6, 8)", "s"])`},
	})
}
