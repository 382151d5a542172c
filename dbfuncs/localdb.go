package dbfuncs

import (
	"encoding/json"
	"errors"
	"github.com/porpoisedb/porpoise/funcs/filesys"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// Local (disk) databases: database("/some/dir") without dfs://. A table
// saved there (saveTable) is one file, <dir>/<name>.tbl, holding the rows
// wire-encoded; a table saved with two levels of partitions
// (saveDualPartition) is one such file per partition directory,
// <dir>/<level1>/<level2>/<name>.tbl. loadTable reads either back whole,
// as an in-memory table. saveDatabase records the handle in
// <dir>/database.json.

func init() {
	funcs.Register(
		funcs.Spec{Name: "saveTable", Params: []string{"dbHandle", "table", "tableName", "append", "compression"}, Min: 2, Max: 5, Props: funcs.Session, Category: "db-table", NamedFn: xsaveTable,
			Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
				return xsaveTable(env, args, make([]string, len(args)))
			}},
		funcs.Spec{Name: "saveDatabase", Params: []string{"dbHandle"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckWrite, xsaveDatabase)},
		funcs.Spec{Name: "savePartition", Params: []string{"dbHandle", "table", "tableName", "compression"}, Min: 3, Max: 4, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckWrite, xsavePartition)},
		funcs.Spec{Name: "saveDualPartition", Params: []string{"dbHandle1", "dbHandle2", "table", "tableName", "partitionColumn1", "partitionColumn2", "compression"},
			Min: 6, Max: 7, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckWrite, xsaveDualPartition)},
	)
}

// LocalDB is a handle of a database in a local directory.
type LocalDB struct {
	Dir    string
	Domain partition.Domain // nil: unpartitioned
}

// Form implements value.Value: a handle is a scalar.
func (d *LocalDB) Form() value.Form { return value.FormScalar }

// Type implements value.Value.
func (d *LocalDB) Type() value.Type { return value.Handle }

// String implements value.Value.
func (d *LocalDB) String() string { return "DB[" + d.Dir + "]" }

// openLocalDatabase is database(dir, ...) for a local directory: dom is
// the partitioning scheme given, nil for none (then the scheme saved
// with saveDatabase, if any, is kept).
func openLocalDatabase(h Host, dir string, dom partition.Domain) (value.Value, error) {
	if err := h.CheckWrite(); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, ddberr.Errorf("Failed to create the database directory %s: %v", dir, err)
	}
	return &LocalDB{Dir: dir, Domain: dom}, nil
}

// localDatabaseArg returns the local database a handle or a local path
// names.
func localDatabaseArg(env funcs.Env, x value.Value) (*LocalDB, bool) {
	if d, ok := x.(*LocalDB); ok {
		return d, true
	}
	if s, ok := funcs.StringArg(x); ok && s != "" && !strings.HasPrefix(s, "dfs://") {
		dir, err := filesys.Resolve(env, s)
		if err != nil {
			return nil, false
		}
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return &LocalDB{Dir: dir}, true
		}
	}
	return nil, false
}

func tblPath(dir, name string) string { return filepath.Join(dir, name+".tbl") }

func readTableFile(path string) (*value.Table, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	v, _, err := wire.DecodeBytes(data)
	if err != nil {
		return nil, ddberr.Errorf("The table file %s is corrupt: %v", path, err)
	}
	t, ok := v.(*value.Table)
	if !ok {
		return nil, ddberr.Errorf("The table file %s is corrupt.", path)
	}
	return t, nil
}

// loadLocalTable reads a table saved in a local database: the table's
// file, or the files of all its partitions in path order.
func loadLocalTable(h Host, db *LocalDB, name string) (value.Value, error) {
	if t, err := readTableFile(tblPath(db.Dir, name)); err == nil {
		return t, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	var files []string
	err := filepath.WalkDir(db.Dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && d.Name() == name+".tbl" {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, ddberr.Errorf("The table %s does not exist in database %s.", name, db.Dir)
	}
	sort.Strings(files)
	var out *value.Table
	for _, f := range files {
		t, err := readTableFile(f)
		if err != nil {
			return nil, err
		}
		if out == nil {
			out = t
			continue
		}
		if err := appendRows(out, t); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// appendRows appends src's rows to dst, whose columns it must match.
func appendRows(dst, src *value.Table) error {
	if len(dst.Cols) != len(src.Cols) {
		return ddberr.Errorf("The table to append has a different number of columns.")
	}
	for i, c := range src.Cols {
		if c.T != dst.Cols[i].T {
			return ddberr.Errorf("The column %s to append has type %s instead of %s.", dst.Names[i], c.T, dst.Cols[i].T)
		}
	}
	for i, c := range src.Cols {
		dst.Cols[i].AppendVector(c)
	}
	return nil
}

// writeTable stores rows as a table file, after the rows already there
// when appending.
func writeTable(path string, rows *value.Table, appending bool) error {
	if appending {
		old, err := readTableFile(path)
		if err == nil {
			merged := old.EmptyLike(old.Rows() + rows.Rows())
			if err := appendRows(merged, old); err != nil {
				return err
			}
			if err := appendRows(merged, rows); err != nil {
				return err
			}
			rows = merged
		} else if !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	data, err := wire.Marshal(rows, nil)
	if err != nil {
		return err
	}
	return writeFileAtomic(path, data)
}

func localDBArg(fn string, x value.Value) (*LocalDB, error) {
	d, ok := x.(*LocalDB)
	if !ok {
		return nil, ddberr.Errorf("The argument [dbHandle] of %s must be the handle of a local database.", fn)
	}
	return d, nil
}

func tableArg(fn string, x value.Value) (*value.Table, error) {
	t, ok := x.(*value.Table)
	if !ok {
		return nil, ddberr.Errorf("The argument [table] of %s must be an in-memory table.", fn)
	}
	return t, nil
}

func xsaveTable(env funcs.Env, args []value.Value, names []string) (value.Value, error) {
	if _, err := writeHost(env); err != nil {
		return nil, err
	}
	db, err := localDBArg("saveTable", args[0])
	if err != nil {
		return nil, err
	}
	if db.Domain != nil {
		return nil, errors.New("saveTable saves into an unpartitioned database; use createPartitionedTable and append! for a partitioned one.")
	}
	t, err := tableArg("saveTable", args[1])
	if err != nil {
		return nil, err
	}
	name := ""
	if len(names) > 1 {
		name = names[1]
	}
	if x := funcs.Arg(args, 2); x != nil && !isNull(x) {
		var ok bool
		if name, ok = funcs.StringArg(x); !ok {
			return nil, errNotString("saveTable", "tableName")
		}
	}
	if name == "" || strings.ContainsAny(name, `/\`) {
		return nil, ddberr.Errorf("The argument [tableName] of saveTable must be a table name.")
	}
	appending, err := funcs.BoolArg("saveTable", "append", funcs.Arg(args, 3), false)
	if err != nil {
		return nil, err
	}
	if _, err := funcs.BoolArg("saveTable", "compression", funcs.Arg(args, 4), false); err != nil {
		return nil, err
	}
	return nil, writeTable(tblPath(db.Dir, name), t, appending)
}

func xsaveDatabase(_ Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	db, err := localDBArg("saveDatabase", args[0])
	if err != nil {
		return nil, err
	}
	kind := "UNPARTITIONED"
	if db.Domain != nil {
		kind = db.Domain.Type().String()
	}
	raw, err := json.Marshal(map[string]string{"directory": db.Dir, "partitionType": kind})
	if err != nil {
		return nil, err
	}
	return nil, writeFileAtomic(filepath.Join(db.Dir, "database.json"), raw)
}

// xsavePartition appends an in-memory table to a partitioned table of a
// DFS database (created first with createPartitionedTable).
func xsavePartition(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	db, ok := args[0].(*dfs.Database)
	if !ok {
		return nil, ddberr.Errorf("The argument [dbHandle] of savePartition must be a database handle.")
	}
	t, err := tableArg("savePartition", args[1])
	if err != nil {
		return nil, err
	}
	name, ok := funcs.StringArg(args[2])
	if !ok {
		return nil, errNotString("savePartition", "tableName")
	}
	if _, err := funcs.BoolArg("savePartition", "compression", funcs.Arg(args, 3), true); err != nil {
		return nil, err
	}
	pt := db.Table(name)
	if pt == nil {
		return nil, ddberr.Errorf("The table [%s] does not exist in database [%s]. Create it with createPartitionedTable first.", name, db.Path())
	}
	_, err = pt.Append(h.Context(), t, false)
	return nil, err
}

// xsaveDualPartition saves a table into a local database partitioned on
// two levels: dbHandle1's scheme on partitionColumn1, then dbHandle2's on
// partitionColumn2, one file per partition, appending to what is there.
func xsaveDualPartition(_ Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	db1, err := localDBArg("saveDualPartition", args[0])
	if err != nil {
		return nil, err
	}
	if db1.Domain == nil {
		return nil, ddberr.Errorf("The first database of saveDualPartition must be partitioned.")
	}
	var dom2 partition.Domain
	switch d := args[1].(type) {
	case *LocalDB:
		dom2 = d.Domain
	case *dfs.Database:
		dom2 = d.Domain()
	}
	if dom2 == nil {
		return nil, ddberr.Errorf("The second database of saveDualPartition must be partitioned.")
	}
	t, err := tableArg("saveDualPartition", args[2])
	if err != nil {
		return nil, err
	}
	s, err := stringArgs("saveDualPartition", []string{"tableName", "partitionColumn1", "partitionColumn2"}, args[3:6], 3)
	if err != nil {
		return nil, err
	}
	if _, err := funcs.BoolArg("saveDualPartition", "compression", funcs.Arg(args, 6), false); err != nil {
		return nil, err
	}
	c1, c2 := t.Column(s[1]), t.Column(s[2])
	if c1 == nil || c2 == nil {
		return nil, ddberr.Errorf("The partitioning columns of saveDualPartition must be columns of the table.")
	}
	r := &partition.Router{Levels: []partition.Domain{db1.Domain, dom2}, DropNulls: true}
	routing, err := r.Route([]*value.Vector{c1, c2})
	if err != nil {
		return nil, err
	}
	groups := routing.Groups()
	for _, p := range routing.Paths {
		dir := filepath.Join(db1.Dir, filepath.FromSlash(strings.TrimPrefix(p, "/")))
		if err := writeTable(tblPath(dir, s[0]), t.Gather(groups[p]), true); err != nil {
			return nil, err
		}
	}
	return nil, nil
}
