package dbfuncs

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
)

func init() {
	funcs.Register(
		funcs.Spec{Name: "restore", Params: []string{"backupDir", "dbPath", "tableName", "partition", "force", "outputTable", "parallel", "snapshot", "keyPath"},
			Min: 4, Max: 9, Props: funcs.Session, Category: "db-table", Fn: xrestore},
		funcs.Spec{Name: "restoreDB", Params: []string{"backupDir", "dbPath", "newDBPath", "keyPath"}, Min: 2, Max: 4, Props: funcs.Session, Category: "db-table", Fn: xrestoreDB},
		funcs.Spec{Name: "restoreTable", Params: []string{"backupDir", "dbPath", "tableName", "newDBPath", "newTableName", "keyPath"}, Min: 3, Max: 6, Props: funcs.Session, Category: "db-table", Fn: xrestoreTable},
		funcs.Spec{Name: "migrate", Params: []string{"backupDir", "backupDBPath", "backupTableName", "newDBPath", "newTableName", "keyPath"}, Min: 1, Max: 6, Props: funcs.Session, Category: "db-table", Fn: xmigrate},
	)
}

func errNotString(fn, param string) error {
	return ddberr.Errorf("The argument [%s] of %s must be a string scalar.", param, fn)
}

// stringArgs reads the string arguments at the given positions (empty
// when left out or NULL); required ones must be present.
func stringArgs(fn string, params []string, args []value.Value, required int) ([]string, error) {
	out := make([]string, len(params))
	for i, p := range params {
		x := funcs.Arg(args, i)
		if x == nil {
			if i < required {
				return nil, errNotString(fn, p)
			}
			continue
		}
		if s, ok := x.(*value.Scalar); ok && s.Null && i >= required {
			continue
		}
		v, ok := funcs.StringArg(x)
		if !ok || i < required && v == "" {
			return nil, errNotString(fn, p)
		}
		out[i] = v
	}
	return out, nil
}

// restoreReq is one table's restore.
type restoreReq struct {
	dir, dbPath, table string
	pattern            string // partition pattern; "%" all
	force, snapshot    bool
	snapshotGiven      bool
	output             *dfs.Table // nil: the table named by newDB/newTable
	newDB, newTable    string
}

// restoreTable restores the partitions of one backed-up table that match
// the pattern and returns their paths: into output when given, else into
// newDB/newTable, which are created from the backup's catalog entries
// when they do not exist. A copy backup replaces whole partitions
// (unchanged ones are skipped unless force); a SQL backup replaces them
// too, or is appended when restored into another table.
func restoreOne(h Host, r restoreReq) ([]string, error) {
	b := openBackupTable(r.dir, r.dbPath, r.table)
	info, err := b.mustInfo()
	if err != nil {
		return nil, err
	}
	if info.Mode == modeSQL && r.snapshotGiven {
		return nil, ddberr.Errorf("The argument snapshot can't be specified when restoring a backup made by SQL metacode.")
	}
	target := r.output
	if target == nil {
		dbf, err := readDB(r.dir, r.dbPath)
		if err != nil {
			return nil, err
		}
		db, err := h.Catalog().CreateDatabaseFromMeta(r.newDB, dbf.Meta)
		if err != nil {
			return nil, err
		}
		if target, err = db.CreateTableFromMeta(r.newTable, info.Meta); err != nil {
			return nil, err
		}
	} else if err := checkOutputSchema(target, r.table, info); err != nil {
		return nil, err
	}
	chunks, err := b.chunks()
	if err != nil {
		return nil, err
	}
	name := strings.TrimPrefix(r.dbPath, "dfs://")
	var picked []chunkMeta
	for _, m := range chunks {
		if kernel.LikeMatch(m.Partition, r.pattern) || kernel.LikeMatch("/"+name+m.Partition, r.pattern) {
			picked = append(picked, m)
		}
	}
	kind := "RESTORE_BY_COPY_FILE"
	if info.Mode == modeSQL {
		kind = "RESTORE_BY_SQL"
	}
	job := startJob(h, kind, target.Database().Path(), target.TableName())
	job.total(len(picked))
	appendRows := info.Mode == modeSQL && r.output != nil
	parts := map[string]*value.Table{}
	var restored []string
	for _, m := range picked {
		rows, err := b.readChunk(m)
		if err != nil {
			job.finish(err)
			return nil, err
		}
		if !r.force && !appendRows {
			cur, err := target.ReadPartition(m.Partition)
			if err != nil {
				job.finish(err)
				return nil, err
			}
			if cur != nil && sameRows(cur, rows) {
				job.done()
				continue
			}
		}
		if appendRows {
			if _, err := target.Append(h.Context(), rows, false); err != nil {
				job.finish(err)
				return nil, err
			}
		} else {
			parts[m.Partition] = rows
		}
		restored = append(restored, target.Database().Path()+m.Partition)
		job.done()
	}
	if r.snapshot && r.pattern == "%" && !appendRows {
		have := map[string]bool{}
		for _, m := range chunks {
			have[m.Partition] = true
		}
		stored, err := target.StoredPaths()
		if err != nil {
			job.finish(err)
			return nil, err
		}
		for _, p := range stored {
			if !have[p] {
				parts[p] = nil
			}
		}
	}
	if len(parts) > 0 {
		if err := target.ReplacePartitions(h.Context(), parts); err != nil {
			job.finish(err)
			return nil, err
		}
	}
	job.finish(nil)
	return restored, nil
}

// checkOutputSchema requires outputTable to have the structure of the
// backed-up table named name.
func checkOutputSchema(t *dfs.Table, name string, info tableFile) error {
	probe, err := t.Database().ProbeTableMeta(name, info.Meta)
	if err != nil {
		return err
	}
	return probe.SameSchema(t)
}

// sameRows reports whether two partitions hold the same rows in the same
// order, compared through their encodings.
func sameRows(a, b *value.Table) bool {
	if a.Rows() != b.Rows() {
		return false
	}
	da, sa, err1 := encodeRows(a)
	db, sb, err2 := encodeRows(b)
	return err1 == nil && err2 == nil && sa == sb && string(da) == string(db)
}

// restoreArgs is the start of the restore functions: the writing Host and
// the strings named names (backup directory, database, table...; the
// first required of them must be given), with the keyPath at argument
// keyPath checked.
func restoreArgs(env funcs.Env, fn string, names []string, required, keyPath int, args []value.Value) (Host, []string, error) {
	h, err := writeHost(env)
	if err != nil {
		return nil, nil, err
	}
	if err := checkKeyPath(fn, funcs.Arg(args, keyPath)); err != nil {
		return nil, nil, err
	}
	s, err := stringArgs(fn, names, args, required)
	if err != nil {
		return nil, nil, err
	}
	return h, s, nil
}

func xrestore(env funcs.Env, args []value.Value) (value.Value, error) {
	h, s, err := restoreArgs(env, "restore", []string{"backupDir", "dbPath", "tableName", "partition"}, 4, 8, args)
	if err != nil {
		return nil, err
	}
	r := restoreReq{dir: s[0], dbPath: s[1], table: s[2], pattern: s[3], newDB: s[1], newTable: s[2]}
	if r.force, err = funcs.BoolArg("restore", "force", funcs.Arg(args, 4), false); err != nil {
		return nil, err
	}
	if out := funcs.Arg(args, 5); out != nil {
		if sc, ok := out.(*value.Scalar); !ok || !sc.Null {
			if r.output = DFSTableOf(out); r.output == nil {
				return nil, ddberr.Errorf("The argument [outputTable] of restore must be a DFS table.")
			}
		}
	}
	if _, err := funcs.BoolArg("restore", "parallel", funcs.Arg(args, 6), false); err != nil {
		return nil, err
	}
	if x := funcs.Arg(args, 7); x != nil {
		r.snapshotGiven = true
		if r.snapshot, err = funcs.BoolArg("restore", "snapshot", x, false); err != nil {
			return nil, err
		}
	}
	paths, err := restoreOne(h, r)
	if err != nil {
		return nil, err
	}
	return value.NewStrings(value.String, paths), nil
}

// restoreWhole restores every partition of a copy backup of one table.
func restoreWhole(h Host, dir, dbPath, table, newDB, newTable string) error {
	info, err := openBackupTable(dir, dbPath, table).mustInfo()
	if err != nil {
		return err
	}
	if info.Mode != modeCopy {
		return ddberr.Errorf("The backup of table %s was made by SQL metacode; only backups made by dbPath can be restored this way. Use migrate or restore.", table)
	}
	_, err = restoreOne(h, restoreReq{dir: dir, dbPath: dbPath, table: table, pattern: "%", force: true, snapshot: true, newDB: newDB, newTable: newTable})
	return err
}

func xrestoreDB(env funcs.Env, args []value.Value) (value.Value, error) {
	h, s, err := restoreArgs(env, "restoreDB", []string{"backupDir", "dbPath", "newDBPath"}, 2, 3, args)
	if err != nil {
		return nil, err
	}
	newDB := s[2]
	if newDB == "" {
		newDB = s[1]
	}
	if _, err := readDB(s[0], s[1]); err != nil {
		return nil, err
	}
	tables, err := backupTables(s[0], s[1])
	if err != nil {
		return nil, err
	}
	var dbs, names []string
	for _, t := range tables {
		if err := restoreWhole(h, s[0], s[1], t, newDB, t); err != nil {
			return nil, err
		}
		dbs = append(dbs, newDB)
		names = append(names, t)
	}
	return restoredTable(dbs, names), nil
}

func xrestoreTable(env funcs.Env, args []value.Value) (value.Value, error) {
	h, s, err := restoreArgs(env, "restoreTable", []string{"backupDir", "dbPath", "tableName", "newDBPath", "newTableName"}, 3, 5, args)
	if err != nil {
		return nil, err
	}
	newDB, newTable := s[3], s[4]
	if newDB == "" {
		newDB = s[1]
	}
	if newTable == "" {
		newTable = s[2]
	}
	if err := restoreWhole(h, s[0], s[1], s[2], newDB, newTable); err != nil {
		return nil, err
	}
	return restoredTable([]string{newDB}, []string{newTable}), nil
}

func restoredTable(dbs, tables []string) *value.Table {
	return value.NewTable([]string{"dbName", "tableName"}, []*value.Vector{
		value.NewStrings(value.String, dbs), value.NewStrings(value.String, tables)})
}

// xmigrate restores whole tables from a backup directory: every database
// in it, one database, or one table (under a new name if given). Each
// table's outcome is a row; a failure is reported there, not raised.
func xmigrate(env funcs.Env, args []value.Value) (value.Value, error) {
	h, s, err := restoreArgs(env, "migrate", []string{"backupDir", "backupDBPath", "backupTableName", "newDBPath", "newTableName"}, 1, 5, args)
	if err != nil {
		return nil, err
	}
	dir := s[0]
	type item struct{ db, table string }
	var items []item
	switch {
	case s[1] == "":
		dbs, err := backupDatabases(dir)
		if err != nil {
			return nil, err
		}
		for _, db := range dbs {
			tables, err := backupTables(dir, db)
			if err != nil {
				return nil, err
			}
			for _, t := range tables {
				items = append(items, item{db, t})
			}
		}
	case s[2] == "":
		if _, err := readDB(dir, s[1]); err != nil {
			return nil, err
		}
		tables, err := backupTables(dir, s[1])
		if err != nil {
			return nil, err
		}
		for _, t := range tables {
			items = append(items, item{s[1], t})
		}
	default:
		items = []item{{s[1], s[2]}}
	}
	var dbs, tables, msgs []string
	var ok []int32
	for _, it := range items {
		newDB, newTable := it.db, it.table
		if s[3] != "" {
			newDB = s[3]
		}
		if s[4] != "" {
			newTable = s[4]
		}
		_, err := restoreOne(h, restoreReq{dir: dir, dbPath: it.db, table: it.table, pattern: "%", force: true, newDB: newDB, newTable: newTable})
		dbs = append(dbs, it.db)
		tables = append(tables, it.table)
		if err != nil {
			ok = append(ok, 0)
			msgs = append(msgs, err.Error())
		} else {
			ok = append(ok, 1)
			msgs = append(msgs, "")
		}
	}
	return value.NewTable([]string{"dbName", "tableName", "success", "errorMsg"}, []*value.Vector{
		value.NewStrings(value.String, dbs), value.NewStrings(value.String, tables), value.NewInts(ok), value.NewStrings(value.String, msgs)}), nil
}
