package sqlparse_test

import (
	"testing"

	. "github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/stretchr/testify/require"
)

// create table's partitioned by takes a function call on a column
// (db_distr_comp/db/tsdb.md) and hands createPartitionedTable its text.
func TestCreateTablePartitionFunc(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"create table \"dfs://db\".\"pt\"(id_date STRING, v INT) partitioned by myPartitionFunc(id_date)",
			`createPartitionedTable(database("dfs://db"), table((1 : 0), ["id_date", "v"], [STRING, INT]), "pt", ["myPartitionFunc(id_date)"])`},
		{"create table \"dfs://db\".\"pt\"(d STRING, s SYMBOL) partitioned by f(d, 6, 8), s",
			`createPartitionedTable(database("dfs://db"), table((1 : 0), ["d", "s"], [STRING, SYMBOL]), "pt", ["f(d, 6, 8)", "s"])`},
	} {
		s, err := Parse(c.src)
		require.NoError(t, err, c.src)
		require.Equal(t, c.want, unparse.FormatScript(s), c.src)
	}
}
