package engine_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/config"
	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/internal/testkit"
)

// TestInsertIntoUnderColumnChanges: one session inserts rows naming two
// of a partitioned table's columns (INSERT INTO pt (id, v) VALUES ...)
// while another drops and adds back a third. The statement makes its
// rows a table of the columns as they are when it writes, so none fails
// (a schema read before a change committed would give a column count
// that no longer matches) and every value lands in the column it names.
// The table is a DFS table, then a shared in-memory partitioned one.
func TestInsertIntoUnderColumnChanges(t *testing.T) {
	n := 150
	if testing.Short() {
		n = 40
	}
	cfg := config.Default()
	cfg.EnableInsertStatementForDFSTable = true
	for _, tc := range []struct{ name, create, load string }{
		{"dfs", `db = database("dfs://insertRace", VALUE, 1..3)
			db.createPartitionedTable(table(1:0, ` + "`id`v`m" + `, [INT, INT, INT]), ` + "`pt, `id" + `)`,
			`pt = loadTable("dfs://insertRace", "pt"); `},
		{"in-memory", `db = database("", VALUE, 1..3)
			share db.createPartitionedTable(table(1:0, ` + "`id`v`m" + `, [INT, INT, INT]), ` + "`pt, `id" + `) as sharedPT`,
			`pt = sharedPT; `},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, err := engine.Open(engine.Options{InMemory: true, Config: &cfg})
			require.NoError(t, err)
			defer e.Close()
			testkit.RunAll(t, e, tc.create)
			scripts := []string{
				tc.load + fmt.Sprintf("for (j in 1..%d) { insert into pt (id, v) values (j %% 3 + 1, j * 10) }", n),
				tc.load + fmt.Sprintf("for (j in 1..%d) { dropColumns!(pt, `m); addColumn(pt, `m, INT) }", n/3),
			}
			for i, err := range runConcurrently(e, scripts...) {
				require.NoError(t, err, "script %d", i)
			}
			require.Equal(t, fmt.Sprintf("[%d,%d,0]", n, 10*n*(n+1)/2), testkit.RunAll(t, e, tc.load+`r = select count(*) as c, sum(v) as s, count(m) as m from pt
				[r.c[0], r.s[0], r.m[0]]`))
		})
	}
}
