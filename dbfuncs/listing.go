package dbfuncs

import (
	"sort"
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/audit"
	"github.com/porpoisedb/porpoise/auth"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// The listing functions show a non-administrator only the databases and
// tables it may use (Host's Sees* rules); the others here read or empty
// one table.
func init() {
	funcs.Register(
		funcs.Spec{Name: "getTables", Params: []string{"dbHandle"}, Min: 1, Max: 1, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckRead, xgetTables)},
		funcs.Spec{Name: "listTables", Params: []string{"dbUrl"}, Min: 1, Max: 1, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckRead, xlistTables)},
		funcs.Spec{Name: "getClusterDFSDatabases", Min: 0, Max: 0, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHost(xgetClusterDFSDatabases)},
		funcs.Spec{Name: "getClusterDFSTables", Min: 0, Max: 0, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHost(xgetClusterDFSTables)},
		funcs.Spec{Name: "getDFSDatabases", Min: 0, Max: 0, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckRead, xgetDFSDatabases)},
		funcs.Spec{Name: "getDFSTablesByDatabase", Params: []string{"directory"}, Min: 1, Max: 1, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckRead, xgetDFSTablesByDatabase)},
		funcs.Spec{Name: "truncate", Params: []string{"dbUrl", "tableName"}, Min: 2, Max: 2, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckRead, xtruncate)},
		funcs.Spec{Name: "loadTableBySQL", Params: []string{"sql"}, Min: 1, Max: 1, Props: funcs.Session, Category: "db-table", Fn: xloadTableBySQL},
		funcs.Spec{Name: "existsPartition", Params: []string{"partitionUrl", "tableName"}, Min: 1, Max: 2, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckRead, xexistsPartition)},
	)
}

func xgetTables(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	db, err := dbArg(h, args[0])
	if err != nil {
		return nil, err
	}
	return value.NewStrings(value.String, db.TableNames()), nil
}

// xlistTables is listTables(dbUrl): the database's tables the session may
// see, with their physical indexes (funcs/l/listTables.md). Porpoise keeps
// no physical indexes (see xexistsPartition), so that column is empty, as
// DolphinDB's is for a table without table-level chunks.
func xlistTables(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	path, ok := funcs.StringArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The argument [dbUrl] of listTables must be a string scalar.")
	}
	db, err := h.Catalog().Lookup(path)
	if err != nil {
		return nil, err
	}
	names := []string{}
	for _, t := range db.TableNames() {
		if h.Principal().SeesTable(db.Path(), t) {
			names = append(names, t)
		}
	}
	return value.NewTable([]string{"tableName", "physicalIndex"}, []*value.Vector{
		value.NewStrings(value.String, names), value.NewStrings(value.String, make([]string, len(names))),
	}), nil
}

func xgetDFSDatabases(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
	out := []string{}
	for _, db := range h.Catalog().Paths() {
		if h.Principal().SeesDatabase(db) {
			out = append(out, db)
		}
	}
	return value.NewStrings(value.String, out), nil
}

func xgetDFSTablesByDatabase(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	dir, ok := funcs.StringArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The argument of getDFSTablesByDatabase must be a string scalar.")
	}
	dir = strings.TrimSuffix(dir, "/")
	var out []string
	// A directory names a database or a parent folder of databases.
	for _, p := range h.Catalog().Paths() {
		if p != dir && !strings.HasPrefix(p, dir+"/") {
			continue
		}
		db, err := h.Catalog().Lookup(p)
		if err != nil {
			continue // dropped meanwhile
		}
		for _, t := range db.TableNames() {
			if h.Principal().SeesTable(p, t) {
				out = append(out, p+"/"+t)
			}
		}
	}
	return value.NewStrings(value.String, out), nil
}

// xexistsPartition splits partitionUrl into the longest database path
// that exists and the partition path under it. Porpoise keeps chunks per
// table (DolphinDB's TABLE chunk granularity) and has no physical
// indexes, so without tableName the answer is false, as DolphinDB's
// manual shows for a path without its physical index.
func xexistsPartition(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	url, ok := funcs.StringArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The partition path must be a string.")
	}
	table := ""
	if len(args) > 1 && args[1] != nil {
		if table, ok = funcs.StringArg(args[1]); !ok {
			return nil, ddberr.Errorf("The table name must be a string.")
		}
	}
	holds, err := partitionHolds(h.Catalog(), url, table)
	if err != nil {
		return nil, err
	}
	return value.NewBool(holds), nil
}

// partitionHolds reports whether the partition at url (dfs://db/path)
// has a chunk of the table (existsPartition, existsTable on a partition
// path); false when url names no partition of a database.
func partitionHolds(cat *dfs.Catalog, url, table string) (bool, error) {
	if !strings.HasPrefix(url, "dfs://") {
		return false, nil
	}
	for i := len(url); i > len("dfs://"); i = strings.LastIndexByte(url[:i], '/') {
		db, err := cat.Lookup(url[:i])
		if err != nil {
			continue
		}
		if table == "" {
			return false, nil
		}
		t := db.Table(table)
		if t == nil {
			return false, nil
		}
		return t.HasChunk(url[i:])
	}
	return false, nil
}

// xtruncate empties every chunk of a DFS table, keeping its schema and
// partitions, as one rewrite under the database's TRANS/CHUNK rules.
func xtruncate(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	path, name, err := pathTable(args)
	if err != nil {
		return nil, err
	}
	db, err := h.Catalog().Lookup(path)
	if err != nil {
		return nil, err
	}
	t := db.Table(name)
	if t == nil {
		return nil, errNoTable(db.Name(), name)
	}
	if err := h.CheckTableWrite(t, auth.TableDelete); err != nil {
		return nil, err
	}
	start := time.Now()
	_, err = t.RewriteChunks(h.Context(), nil, func(cur *value.Table) (*value.Table, int, error) {
		if cur.Rows() == 0 {
			return nil, 0, nil
		}
		cols := make([]*value.Vector, len(cur.Cols))
		for i, c := range cur.Cols {
			cols[i] = value.NewVector(c.T, 0, 0)
			cols[i].Scale = c.Scale
		}
		return value.NewTable(cur.Names, cols), cur.Rows(), nil
	})
	if err == nil {
		audit.Record(h.Context(), start, path, name, "TRUNCATE_TABLE", "")
	}
	return nil, err
}

// xloadTableBySQL loads the rows a query over a partitioned table selects
// into memory. DolphinDB returns them as a partitioned in-memory table;
// Porpoise's in-memory tables are not partitioned, so the result is a
// plain in-memory table with the same rows and columns.
func xloadTableBySQL(env funcs.Env, args []value.Value) (value.Value, error) {
	var (
		res value.Value
		err error
	)
	switch x := args[0].(type) {
	case *funcs.Code:
		res, err = env.Eval(x.X, nil)
	case *funcs.Meta:
		if x.Stmt != nil {
			return nil, ddberr.Errorf("The argument of loadTableBySQL must be a SQL query.")
		}
		res, err = env.Eval(x.X, x.Bind)
	default:
		return nil, ddberr.Errorf("The argument of loadTableBySQL must be a SQL query.")
	}
	if err != nil {
		return nil, err
	}
	if err := readsPartitions(env, args[0]); err != nil {
		return nil, err
	}
	if _, ok := res.(*value.Table); !ok {
		return nil, ddberr.Errorf("The argument of loadTableBySQL must be a SQL query.")
	}
	return res, nil
}

// readsPartitions refuses a query over a partitioned table whose where
// clause leaves it no partition to read (error_codes/S02004.md): sqlDS
// splits the query as DolphinDB does, into a data source per partition.
func readsPartitions(env funcs.Env, code value.Value) error {
	sqlDS, ok := env.Function("sqlDS")
	if !ok {
		return nil
	}
	ds, err := env.Call(sqlDS, code)
	if err != nil {
		return err
	}
	if v, ok := ds.(*value.Vector); ok && v.Len() == 0 {
		return ddberr.Errorf("No partition returned by the sql object. RefId:S02004")
	}
	return nil
}

// xgetClusterDFSDatabases lists the databases in the store, as the web
// console's object tree asks for them.
func xgetClusterDFSDatabases(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
	dbs, err := h.Catalog().Store().ListDatabases()
	if err != nil {
		return nil, err
	}
	sort.Strings(dbs)
	seen := dbs[:0]
	for _, db := range dbs {
		if h.Principal().SeesClusterDatabase(db) {
			seen = append(seen, db)
		}
	}
	return value.NewStrings(value.String, seen), nil
}

func xgetClusterDFSTables(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
	st := h.Catalog().Store()
	dbs, err := st.ListDatabases()
	if err != nil {
		return nil, err
	}
	sort.Strings(dbs)
	var out []string
	for _, db := range dbs {
		tables, err := st.ListTables(db)
		if err != nil {
			return nil, err
		}
		sort.Strings(tables)
		for _, t := range tables {
			if h.Principal().SeesTable(db, t) {
				out = append(out, strings.TrimSuffix(db, "/")+"/"+t)
			}
		}
	}
	return value.NewStrings(value.String, out), nil
}
