package dbfuncs

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	funcs.Register(
		funcs.Spec{Name: "backup", Params: []string{"backupDir", "dbPath|sqlObj", "force", "parallel", "snapshot", "tableName", "partition", "keyPath"},
			Min: 2, Max: 8, Props: funcs.Session, Category: "db-table", Fn: xbackup},
		funcs.Spec{Name: "backupDB", Params: []string{"backupDir", "dbPath", "keyPath"}, Min: 2, Max: 3, Props: funcs.Session, Category: "db-table",
			Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
				return runBackup(env, "backupDB", backupArgs{dir: args[0], src: args[1], parallel: true, snapshot: true, keyPath: funcs.Arg(args, 2)})
			}},
		funcs.Spec{Name: "backupTable", Params: []string{"backupDir", "dbPath", "tableName", "keyPath"}, Min: 3, Max: 4, Props: funcs.Session, Category: "db-table",
			Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
				return runBackup(env, "backupTable", backupArgs{dir: args[0], src: args[1], parallel: true, snapshot: true, tables: args[2], keyPath: funcs.Arg(args, 3)})
			}},
	)
}

// backupArgs are backup's arguments (nil: left out).
type backupArgs struct {
	dir, src                  value.Value
	force, parallel, snapshot bool
	tables, partition         value.Value
	keyPath                   value.Value
}

func xbackup(env funcs.Env, args []value.Value) (value.Value, error) {
	a := backupArgs{dir: args[0], src: args[1], tables: funcs.Arg(args, 5), partition: funcs.Arg(args, 6), keyPath: funcs.Arg(args, 7)}
	r := funcs.ReadArgs("backup", args)
	a.force = r.Bool("force", r.Arg(2), false)
	a.parallel = r.Bool("parallel", r.Arg(3), false)
	a.snapshot = r.Bool("snapshot", r.Arg(4), true)
	if err := r.Err(); err != nil {
		return nil, err
	}
	return runBackup(env, "backup", a)
}

// checkKeyPath refuses encryption keys: Porpoise writes backups in the
// clear.
func checkKeyPath(fn string, x value.Value) error {
	if x == nil {
		return nil
	}
	if s, ok := x.(*value.Scalar); ok && (s.Null || s.S == "") {
		return nil
	}
	return fmt.Errorf("%s: Porpoise does not encrypt backups; keyPath must be empty.", fn)
}

func runBackup(env funcs.Env, fn string, a backupArgs) (value.Value, error) {
	h, err := readHost(env)
	if err != nil {
		return nil, err
	}
	if err := checkKeyPath(fn, a.keyPath); err != nil {
		return nil, err
	}
	dir, ok := funcs.StringArg(a.dir)
	if !ok || dir == "" {
		return nil, ddberr.Errorf("The argument [backupDir] of %s must be a non-empty string.", fn)
	}
	if strings.HasPrefix(dir, "s3://") {
		return nil, fmt.Errorf("%s: Porpoise cannot back up to AWS S3.", fn)
	}
	var n int
	if funcs.IsCode(a.src) {
		if a.tables != nil || a.partition != nil {
			return nil, ddberr.Errorf("The arguments tableName and partition apply only when backing up by dbPath.")
		}
		n, err = backupSQL(h, dir, a.src, a.force)
	} else {
		n, err = backupCopy(h, fn, dir, a)
	}
	if err != nil {
		return nil, err
	}
	return value.NewInt(int32(n)), nil
}

// backupCopy copies the selected partitions of the selected tables of a
// database: only those that changed since the last backup unless force,
// and, with snapshot (and no partition given), drops from the backup the
// partitions and tables the database no longer has.
func backupCopy(h Host, fn, dir string, a backupArgs) (int, error) {
	dbPath, ok := funcs.StringArg(a.src)
	if !ok {
		return 0, ddberr.Errorf("The argument [dbPath] of %s must be a string or SQL metacode.", fn)
	}
	db, err := h.Catalog().Lookup(dbPath)
	if err != nil {
		return 0, err
	}
	names := db.TableNames()
	allTables := a.tables == nil
	if !allTables {
		if names, ok = funcs.StringsArg(a.tables); !ok {
			return 0, ddberr.Errorf("The argument [tableName] of %s must be a string scalar or vector.", fn)
		}
	}
	if err := writeDBEntry(dir, db); err != nil {
		return 0, err
	}
	total := 0
	for _, name := range names {
		t := db.Table(name)
		if t == nil {
			return total, ddberr.Errorf("The table [%s] does not exist in database [%s].", name, dbPath)
		}
		job := startJob(h, "BACKUP_BY_COPY_FILE", dbPath, name)
		n, err := backupTableCopy(dir, t, a, job)
		job.finish(err)
		total += n
		if err != nil {
			return total, err
		}
	}
	if allTables && a.snapshot && a.partition == nil {
		if err := dropGoneTables(dir, dbPath, names); err != nil {
			return total, err
		}
	}
	return total, nil
}

// writeDBEntry records the database's catalog entry in the backup.
func writeDBEntry(dir string, db *dfs.Database) error {
	meta, err := db.MetaBlob()
	if err != nil {
		return err
	}
	return writeJSON(filepath.Join(dbDir(dir, db.Path()), "database.json"), dbFile{Path: db.Path(), Meta: meta})
}

// writeTableEntry records the table's catalog entry and the backup mode,
// refusing to mix modes in one backup of a table.
func writeTableEntry(b backupTable, t *dfs.Table, mode string) error {
	old, ok, err := b.info()
	if err != nil {
		return err
	}
	if ok && old.Mode != mode {
		return ddberr.Errorf("The backup of table %s in %s was made by %s; back it up the same way or into another directory.", b.name, filepath.Dir(filepath.Dir(b.dir)), modeName(old.Mode))
	}
	meta, err := t.MetaBlob()
	if err != nil {
		return err
	}
	return writeJSON(filepath.Join(b.dir, "table.json"), tableFile{Mode: mode, Meta: meta})
}

func modeName(mode string) string {
	if mode == modeSQL {
		return "SQL metacode"
	}
	return "dbPath"
}

func backupTableCopy(dir string, t *dfs.Table, a backupArgs, job *jobStatus) (int, error) {
	db := t.Database()
	b := openBackupTable(dir, db.Path(), t.TableName())
	if err := writeTableEntry(b, t, modeCopy); err != nil {
		return 0, err
	}
	stored, err := t.StoredPaths()
	if err != nil {
		return 0, err
	}
	selected := stored
	if a.partition != nil {
		want, err := selectPartitions(t, a.partition)
		if err != nil {
			return 0, err
		}
		selected = selected[:0:0]
		for _, p := range stored {
			if want[p] {
				selected = append(selected, p)
			}
		}
	}
	job.total(len(selected))
	n := 0
	for _, p := range selected {
		rows, err := t.ReadPartition(p)
		if err != nil {
			return n, err
		}
		if rows == nil {
			continue
		}
		wrote, err := b.writeChunk(p, rows, a.force)
		if err != nil {
			return n, err
		}
		if wrote {
			n++
		}
		job.done()
	}
	if a.snapshot && a.partition == nil {
		have := make(map[string]bool, len(stored))
		for _, p := range stored {
			have[p] = true
		}
		old, err := b.chunks()
		if err != nil {
			return n, err
		}
		for _, m := range old {
			if !have[m.Partition] {
				if err := b.dropChunk(m.Partition); err != nil {
					return n, err
				}
			}
		}
	}
	return n, nil
}

// dropGoneTables removes from a database's backup the tables the
// database no longer has.
func dropGoneTables(dir, dbPath string, names []string) error {
	keep := map[string]bool{}
	for _, n := range names {
		keep[n] = true
	}
	backed, err := backupTables(dir, dbPath)
	if err != nil {
		return err
	}
	for _, n := range backed {
		if !keep[n] {
			if err := os.RemoveAll(filepath.Join(dbDir(dir, dbPath), n)); err != nil {
				return err
			}
		}
	}
	return nil
}

// selectPartitions maps backup's partition argument to paths: paths
// starting with "/" name partitions (every level); other values are
// conditions, one per level (a tuple for COMPO, NULL for no condition),
// that keep the partitions holding them.
func selectPartitions(t *dfs.Table, x value.Value) (map[string]bool, error) {
	if paths, ok := funcs.StringsArg(x); ok && len(paths) > 0 && strings.HasPrefix(paths[0], "/") {
		out := make(map[string]bool, len(paths))
		for _, p := range paths {
			out["/"+strings.Trim(p, "/")] = true
		}
		return out, nil
	}
	levels := t.Database().Levels()
	var conds []value.Value
	if v, ok := x.(*value.Vector); ok && v.T == value.Any && len(levels) > 1 {
		conds = v.Any
	} else {
		conds = []value.Value{x}
	}
	if len(conds) > len(levels) {
		return nil, ddberr.Errorf("The partition condition has more levels than the partition scheme.")
	}
	allowed := make([]map[int]bool, len(levels))
	for l, c := range conds {
		if c == nil {
			continue
		}
		if s, ok := c.(*value.Scalar); ok && s.Null {
			continue
		}
		vals, err := conditionValues(c)
		if err != nil {
			return nil, err
		}
		idx, err := levels[l].Map(vals)
		if err != nil {
			return nil, err
		}
		allowed[l] = map[int]bool{}
		for _, i := range idx {
			if i >= 0 {
				allowed[l][int(i)] = true
			}
		}
	}
	keep := func(levelIdx []int) bool {
		for l, a := range allowed {
			if a != nil && !a[levelIdx[l]] {
				return false
			}
		}
		return true
	}
	out := map[string]bool{}
	for _, p := range t.PartitionPaths(keep) {
		out[p] = true
	}
	return out, nil
}

// conditionValues turns one level's condition (a scalar, a vector or a
// tuple of scalars) into a typed vector.
func conditionValues(c value.Value) (*value.Vector, error) {
	if v, ok := c.(*value.Vector); ok && v.T == value.Any {
		out := (*value.Vector)(nil)
		for _, e := range v.Any {
			s, ok := e.(*value.Scalar)
			if !ok {
				return nil, ddberr.Errorf("A partition condition must be a scalar or a vector.")
			}
			if out == nil {
				out = value.NewVector(s.T, 0, len(v.Any))
			}
			out.AppendScalar(s)
		}
		if out == nil {
			return value.NewVector(value.Int, 0, 0), nil
		}
		return out, nil
	}
	if s, ok := c.(*value.Scalar); ok {
		out := value.NewVector(s.T, 0, 1)
		out.AppendScalar(s)
		return out, nil
	}
	if v, ok := c.(*value.Vector); ok {
		return v, nil
	}
	return nil, ddberr.Errorf("A partition condition must be a scalar or a vector.")
}

// backupSQL backs up the rows a query selects from a DFS table, split by
// the table's partitions.
func backupSQL(h Host, dir string, code value.Value, force bool) (int, error) {
	sel, bind := SelectOf(code)
	if sel == nil || sel.From == nil {
		return 0, ddberr.Errorf("The SQL metacode to back up must be a select statement over a DFS table.")
	}
	src, err := h.Eval(sel.From, bind)
	if err != nil {
		return 0, err
	}
	t := DFSTableOf(src)
	if t == nil || !t.Database().DFS() {
		return 0, ddberr.Errorf("The SQL metacode to back up must select from a DFS table.")
	}
	res, err := h.Eval(sel, bind)
	if err != nil {
		return 0, err
	}
	rows, ok := res.(*value.Table)
	if !ok {
		return 0, ddberr.Errorf("The SQL metacode to back up must return a table.")
	}
	names, _, _ := t.Schema()
	if len(rows.Names) != len(names) {
		return 0, ddberr.Errorf("The SQL metacode to back up must select every column of the table.")
	}
	for i, n := range names {
		if rows.Names[i] != n {
			return 0, ddberr.Errorf("The SQL metacode to back up must select every column of the table.")
		}
	}
	db := t.Database()
	if err := writeDBEntry(dir, db); err != nil {
		return 0, err
	}
	b := openBackupTable(dir, db.Path(), t.TableName())
	if err := writeTableEntry(b, t, modeSQL); err != nil {
		return 0, err
	}
	paths, parts, err := t.SplitByPartition(rows)
	if err != nil {
		return 0, err
	}
	job := startJob(h, "BACKUP_BY_SQL", db.Path(), t.TableName())
	job.total(len(paths))
	n := 0
	for i, p := range paths {
		wrote, err := b.writeChunk(p, parts[i], force)
		if err != nil {
			job.finish(err)
			return n, err
		}
		if wrote {
			n++
		}
		job.done()
	}
	job.finish(nil)
	return n, nil
}

// SelectOf returns the select statement of metacode and the values it
// binds.
func SelectOf(code value.Value) (*ast.SelectExpr, map[string]value.Value) {
	switch c := code.(type) {
	case *funcs.Code:
		s, _ := c.X.(*ast.SelectExpr)
		return s, nil
	case *funcs.Meta:
		s, _ := c.X.(*ast.SelectExpr)
		return s, c.Bind
	}
	return nil, nil
}
