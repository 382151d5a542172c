package imoltp_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/internal/testkit"
)

const setup = `db = database("oltp://d", VALUE, 1..3, , "IMOLTP")
pt = db.createIMOLTPTable(table(1:0, ["id", "val", "sym"], [LONG, INT, STRING]), "t", primaryKey=` + "`id" + `, secondaryKey=` + "`sym" + `, uniqueFlag=true)
pt.append!(table(1..5 as id, (1..5)*10 as val, ["a","b","c","d","e"] as sym))
`

const show = `select * from loadTable("oltp://d", "t") order by id`

// Every acknowledged change survives a restart, whether it is still in
// the redo file or was folded into a checkpoint; failed statements and
// rolled-back blocks leave no trace.
func TestChangesSurviveRestart(t *testing.T) {
	changes := `pt = loadTable("oltp://d", "t")
insert into pt values(6, 60, "f")
update pt set val = val + 1 where id <= 2
delete from pt where id = 3
try { insert into pt values(7, 70, "a") } catch(ex) {}
transaction {
	insert into pt values(8, 80, "h")
	rollback
}
transaction {
	insert into pt values(9, 90, "i")
}
`
	want := testkit.RunIn(t, t.TempDir(), setup, changes, show)
	for _, ckp := range []string{"", "triggerCheckpointForIMOLTP(true, true)\n"} {
		dir := t.TempDir()
		testkit.RunIn(t, dir, setup, ckp+changes)
		require.Equal(t, want, testkit.RunIn(t, dir, show), "checkpoint: %q", ckp)
		// the unique keys are rebuilt: a repeated key is still refused
		require.Contains(t, runErr(t, dir, "pt = loadTable(\"oltp://d\", \"t\")\ninsert into pt values(10, 1, \"a\")"), "S07002")
		require.Equal(t, want, testkit.RunIn(t, dir, show))
	}
	require.Contains(t, want, "9  90  i")
	require.NotContains(t, want, "80")
}

// A checkpoint starts a new redo file; a redo file left from before a
// checkpoint (a crash between the two) is not replayed over it.
func TestStaleRedoSkipped(t *testing.T) {
	dir := t.TempDir()
	testkit.RunIn(t, dir, setup)
	redo := filepath.Join(dir, "IMOLTP", "im_oltp.redo")
	old, err := os.ReadFile(redo)
	require.NoError(t, err)
	testkit.RunIn(t, dir, "triggerCheckpointForIMOLTP(true, true)")
	require.NoError(t, os.WriteFile(redo, old, 0o600))
	require.Equal(t, "5", testkit.RunIn(t, dir, `exec count(*) from loadTable("oltp://d", "t")`))
}

// Dropped tables and databases stay dropped.
func TestDropsSurviveRestart(t *testing.T) {
	dir := t.TempDir()
	testkit.RunIn(t, dir, setup, `db.createIMOLTPTable(table(1:0, ["k"], [INT]), "u", `+"`k"+`)
db.dropTable("t")`)
	require.Equal(t, "[false,true]", testkit.RunIn(t, dir, `[existsTable("oltp://d", "t"), existsTable("oltp://d", "u")]`))
	testkit.RunIn(t, dir, `dropDatabase("oltp://d")`)
	require.Equal(t, "false", testkit.RunIn(t, dir, `existsDatabase("oltp://d")`))
}

// runErr runs script on an engine over dir and returns its error text.
func runErr(t *testing.T, dir, script string) string {
	t.Helper()
	e, err := engine.Open(engine.Options{DataDir: dir})
	require.NoError(t, err)
	defer func() { require.NoError(t, e.Close()) }()
	_, err = e.NewSession().Run(script)
	require.Error(t, err)
	return err.Error()
}

// A point update or delete logs the rows it changed, not the whole
// table, and a restart replays them: the indexes, built anew, agree
// with the ones the changes kept up.
func TestPointChangesLogRows(t *testing.T) {
	dir := t.TempDir()
	e := testkit.OnDisk(t, dir)
	s := e.NewSession()
	testkit.Run(t, s, fmt.Sprintf(indexed, 10000))
	redo := filepath.Join(dir, "IMOLTP", "im_oltp.redo")
	size := func() int64 {
		fi, err := os.Stat(redo)
		require.NoError(t, err)
		return fi.Size()
	}
	before := size()
	testkit.Run(t, s, "update t2 set val2 = -1.0 where id = 5000")
	require.Less(t, size()-before, int64(1000))
	before = size()
	testkit.Run(t, s, "delete from t2 where id in [10, 20]")
	require.Less(t, size()-before, int64(1000))
	testkit.Run(t, s, `update t2 set sym = "new", val1 = 99 where id = 30
delete from t2 where sym = "Aa7", val1 > 2
update t2 set id = id + 100000 where id between 9990:9995`)
	const q = `select * from t2 where id in [30, 5000, 10, 20, 100000, 109990, 109995] or sym in ["new", "Aa7"] or val1 = 99 order by id`
	want := testkit.Run(t, s, q)
	require.Equal(t, "[109990,109991,109992,109993,109994,109995]", testkit.Run(t, s, "exec id from t2 where id > 100000"))
	require.NoError(t, e.Close())
	require.Equal(t, want, testkit.RunIn(t, dir, `t2 = loadTable("oltp://ix", "t2")`, q))
}
