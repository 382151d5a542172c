package dbfuncs_test

import (
	"encoding/json"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/engine"
	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// backedUp opens an engine over a new directory, closed when t ends,
// makes db with a table pt of three rows in three partitions (k = 1 2 3)
// and backs it up into a new directory, which it returns.
func backedUp(t *testing.T, db string) (*engine.Engine, string) {
	t.Helper()
	e := testkit.OnDisk(t, t.TempDir())
	t.Cleanup(func() { e.Close() })
	dir := filepath.ToSlash(t.TempDir())
	testkit.RunAll(t, e, `t = table(1 2 3 as k, 4 5 6 as v)
		db = database("`+db+`", VALUE, 1 2 3)
		db.createPartitionedTable(t, "pt", "k").append!(t)`,
		`backup("`+dir+`", "`+db+`")`)
	return e, dir
}

// Function views and backups outlive the engine: a view is callable
// after a restart from a session that never defined it, and a backup
// restores a dropped database.
func TestViewsAndBackupsSurviveRestart(t *testing.T) {
	data := t.TempDir()
	backups := filepath.ToSlash(t.TempDir())
	e := testkit.OnDisk(t, data)
	testkit.RunAll(t, e, `def addTen(x, y=10){ return x + y }`, `addFunctionView(addTen)`,
		`t = table(2024.01.01 + 0 1 2 0 1 as d, 1..5 as v)
		 db = database("dfs://bk", VALUE, 2024.01.01..2024.01.03)
		 db.createPartitionedTable(t, "pt", "d").append!(t)`,
		`createUser("viewer", "123456")
		 def countBk(){ return exec count(*) from loadTable("dfs://bk", "pt") }
		 addFunctionView(countBk)
		 grant("viewer", VIEW_EXEC, "countBk")`)
	require.Equal(t, "3", testkit.RunAll(t, e, `backupDB("`+backups+`", "dfs://bk")`))
	require.NoError(t, e.Close())

	e = testkit.OnDisk(t, data)
	defer e.Close()
	require.Equal(t, "11", testkit.RunAll(t, e, `addTen(1)`))
	require.Equal(t, `["addTen","countBk"]`, testkit.RunAll(t, e, `exec name from getFunctionViews()`))
	// A reloaded view still lends its rights to a user who may execute it.
	require.Equal(t, "5", testkit.RunAll(t, e, `login("viewer", "123456"); countBk()`))
	testkit.RunAll(t, e, `dropDatabase("dfs://bk")`)
	require.Equal(t, `["pt"]`, testkit.RunAll(t, e, `exec tableName from restoreDB("`+backups+`", "dfs://bk")`))
	require.Equal(t, "[1,2,3,4,5]", testkit.RunAll(t, e, `exec v from loadTable("dfs://bk", "pt") order by v`))
	testkit.RunAll(t, e, `dropFunctionView("addTen")`)
	s := e.NewSession()
	_, err := s.Run(`addTen(1)`)
	require.Error(t, err)
}

// checkBackup finds a damaged partition file, and restore refuses it.
func TestCheckBackupFindsDamage(t *testing.T) {
	e, backups := backedUp(t, "dfs://ck")
	require.Equal(t, "0", testkit.RunAll(t, e, `exec count(*) from checkBackup("`+backups+`", "dfs://ck")`))
	chunk := filepath.Join(backups, "ck", "pt", "%2F2.chunk")
	raw, err := os.ReadFile(chunk)
	require.NoError(t, err)
	raw[len(raw)-1] ^= 0xff
	require.NoError(t, os.WriteFile(chunk, raw, 0o644))
	require.Equal(t, `["/2"]`, testkit.RunAll(t, e, `exec partitionPath from checkBackup("`+backups+`", "dfs://ck")`))
	s := e.NewSession()
	restore := `restore("` + backups + `", "dfs://ck", "pt", "%", true)`
	_, err = s.Run(restore)
	require.ErrorContains(t, err, ddberr.Errorf("The backup file of partition %s of table %s is corrupt.", "/2", "pt").Error())

	// A chunk whose checksum its meta agrees with but that holds no
	// table, and one that is gone.
	meta := strings.TrimSuffix(chunk, ".chunk") + ".json"
	setChunk := func(data []byte) {
		require.NoError(t, os.WriteFile(chunk, data, 0o644))
		raw, err := os.ReadFile(meta)
		require.NoError(t, err)
		var m map[string]any
		require.NoError(t, json.Unmarshal(raw, &m))
		m["checksum"] = crc32.ChecksumIEEE(data)
		raw, err = json.Marshal(m)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(meta, raw, 0o644))
	}
	garbage := []byte("garbage")
	setChunk(garbage)
	_, _, decodeErr := wire.DecodeBytes(garbage)
	require.Error(t, decodeErr)
	_, err = s.Run(restore)
	require.ErrorContains(t, err, ddberr.Errorf("The backup file of partition %s of table %s is corrupt: %v", "/2", "pt", decodeErr).Error())
	scalar, err := wire.Marshal(value.NewInt(1), nil)
	require.NoError(t, err)
	setChunk(scalar)
	_, err = s.Run(restore)
	require.ErrorContains(t, err, ddberr.Errorf("The backup file of partition %s of table %s is corrupt.", "/2", "pt").Error())
	require.NoError(t, os.Remove(chunk))
	_, err = s.Run(restore)
	require.ErrorContains(t, err, ddberr.Errorf("The backup file of partition %s of table %s is missing.", "/2", "pt").Error())

	// A forced backup repairs it.
	testkit.RunAll(t, e, `backup("`+backups+`", "dfs://ck", true)`)
	require.Equal(t, "0", testkit.RunAll(t, e, `exec count(*) from checkBackup("`+backups+`", "dfs://ck")`))
}

// A copy backup with snapshot drops from the backup the partitions the
// database dropped; restore with snapshot drops those the backup lacks.
func TestSnapshot(t *testing.T) {
	e, b := backedUp(t, "dfs://sn")
	testkit.RunAll(t, e, `dropPartition(database("dfs://sn"), "/3", "pt")`, `backup("`+b+`", "dfs://sn", snapshot=true)`)
	require.Equal(t, `dfs://sn/1,dfs://sn/2`, strings.Join(strings.Split(strings.Trim(testkit.RunAll(t, e, `exec chunkPath from getBackupList("`+b+`", "dfs://sn", "pt")`), `[]"`), `","`), ","))
	testkit.RunAll(t, e, `loadTable("dfs://sn", "pt").append!(table(3 as k, 7 as v))`)
	require.Equal(t, "3", testkit.RunAll(t, e, `exec count(*) from loadTable("dfs://sn", "pt")`))
	testkit.RunAll(t, e, `restore("`+b+`", "dfs://sn", "pt", "%", true, snapshot=true)`)
	require.Equal(t, "[4,5]", testkit.RunAll(t, e, `exec v from loadTable("dfs://sn", "pt") order by v`))
}

// A table saved in a local database is there for another engine on the
// same data directory, and a damaged table file is an error, not a crash.
func TestLocalDatabaseSurvivesRestart(t *testing.T) {
	data := t.TempDir()
	dir := filepath.ToSlash(filepath.Join(data, "local"))
	e := testkit.OnDisk(t, data)
	testkit.RunAll(t, e, `t = table(1 2 3 as id, "a" "b" "c" as s)
		db = database("`+dir+`")
		saveTable(db, t, "tb")
		hdb = database("`+dir+`/dual", RANGE, 0 2 4)
		vdb = database(, VALUE, "a" "b" "c")
		saveDualPartition(hdb, vdb, t, "dual", "id", "s")`)
	require.NoError(t, e.Close())

	e = testkit.OnDisk(t, data)
	defer e.Close()
	require.Equal(t, `["a","b","c"]`, testkit.RunAll(t, e, `exec s from loadTable("`+dir+`", "tb")`))
	require.Equal(t, `[1,2,3]`, testkit.RunAll(t, e, `exec id from loadTable("`+dir+`/dual", "dual") order by id`))
	tbl := filepath.Join(dir, "tb.tbl")
	require.NoError(t, os.WriteFile(tbl, []byte("garbage"), 0o644))
	_, _, decodeErr := wire.DecodeBytes([]byte("garbage"))
	require.Error(t, decodeErr)
	_, err := e.NewSession().Run(`loadTable("` + dir + `", "tb")`)
	require.ErrorIs(t, err, ddberr.Errorf("The table file %s is corrupt: %v", tbl, decodeErr))
	scalar, err := wire.Marshal(value.NewInt(1), nil)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(tbl, scalar, 0o644))
	_, err = e.NewSession().Run(`loadTable("` + dir + `", "tb")`)
	require.ErrorIs(t, err, ddberr.Errorf("The table file %s is corrupt.", tbl))
}
