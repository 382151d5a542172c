package dbadmin

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/audit"
	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	funcs.Register(
		funcs.Spec{Name: "renameTable", Params: []string{"dbHandle", "tableName", "newTableName"}, Min: 3, Max: 3, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: renameTable},
		funcs.Spec{Name: "setColumnComment", Params: []string{"table", "columnComments"}, Min: 2, Max: 2, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckWrite, setColumnComment)},
		funcs.Spec{Name: "setTableComment", Params: []string{"table", "comment"}, Min: 2, Max: 2, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckWrite, setTableComment)},
		funcs.Spec{Name: "getAllDBs", Min: 0, Max: 0, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckRead, getAllDBs)},
		funcs.Spec{Name: "getAllDBGranularity", Min: 0, Max: 0, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckRead, getAllDBGranularity)},
		funcs.Spec{Name: "setAtomicLevel", Params: []string{"dbHandle", "atomic"}, Min: 2, Max: 2, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: setAtomicLevel},
		funcs.Spec{Name: "getConfigure", Params: []string{"key"}, Min: 0, Max: 1, Props: funcs.Session, Category: "db-table", Fn: getConfigure},
	)
}

func renameTable(env funcs.Env, args []value.Value) (value.Value, error) {
	h, db, err := writableDB(env, args[0])
	if err != nil {
		return nil, err
	}
	from, ok1 := funcs.StringArg(args[1])
	to, ok2 := funcs.StringArg(args[2])
	if !ok1 || !ok2 {
		return nil, ddberr.Errorf("The table names of renameTable must be strings.")
	}
	if !db.DFS() {
		return nil, errors.New("renameTable only applies to a DFS database.")
	}
	if t := db.Table(from); t != nil {
		if err := h.CheckAlterTable(t, false); err != nil {
			return nil, err
		}
	}
	start := time.Now()
	if err := db.RenameTable(from, to); err != nil {
		return nil, err
	}
	audit.Record(h.Context(), start, db.Path(), from, "RENAME_TABLE", fmt.Sprintf("tableName=[%s], newTableName=[%s]", from, to))
	oldObj, newObj := auth.TablePath(db.Path(), from), auth.TablePath(db.Path(), to)
	if err := h.Principal().Store.RenameObject(oldObj, newObj); err != nil {
		return nil, err
	}
	audit.ReplacedByDFS(h.Context(), oldObj, newObj)
	return nil, nil
}

func setColumnComment(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	t, ok := h.DFSTable(args[0])
	if !ok {
		return nil, ddberr.Errorf("The first argument of setColumnComment must be a DFS table.")
	}
	if err := h.CheckAlterTable(t, false); err != nil {
		return nil, err
	}
	d, ok := args[1].(*value.Dict)
	if !ok || (d.Keys.T != value.String && d.Keys.T != value.Symbol) {
		return nil, errors.New("columnComments must be a dictionary whose keys are column names and values are comments.")
	}
	comments := make(map[string]string, d.Len())
	for i, k := range d.Keys.Strings() {
		c, ok := funcs.StringArg(d.Get(d.Keys, i))
		if !ok {
			return nil, ddberr.Errorf("The comment of a column must be a string.")
		}
		comments[k] = c
	}
	start := time.Now()
	if err := t.SetColumnComments(comments); err != nil {
		return nil, err
	}
	for _, k := range d.Keys.Strings() {
		audit.Record(h.Context(), start, t.Database().Path(), t.TableName(), "SET_COLUMN_COMMENT", fmt.Sprintf("colName=[%s], colComment=[%s]", k, comments[k]))
	}
	return nil, nil
}

func setTableComment(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	t, ok := h.DFSTable(args[0])
	if !ok {
		return nil, ddberr.Errorf("The first argument of setTableComment must be a DFS table.")
	}
	c, ok := funcs.StringArg(args[1])
	if !ok {
		return nil, ddberr.Errorf("The comment must be a string scalar.")
	}
	return nil, t.SetComment(c)
}

// getAllDBs maps each DFS database's name (the path without dfs://) to
// its tables, each written "name:number:dropped" with numbers from 1 in
// name order and 0 for not dropped (Porpoise removes a dropped table at
// once), separated by commas.
func getAllDBs(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
	cat := h.Catalog()
	keys := value.NewVector(value.String, 0, 8)
	vals := value.NewVector(value.String, 0, 8)
	for _, p := range cat.Paths() {
		db, err := cat.Lookup(p)
		if err != nil {
			continue
		}
		names := db.TableNames()
		parts := make([]string, len(names))
		for i, n := range names {
			parts[i] = fmt.Sprintf("%s:%d:0", n, i+1)
		}
		keys.Str = append(keys.Str, db.Name())
		vals.Str = append(vals.Str, strings.Join(parts, ","))
	}
	return funcs.DictOf(keys, vals), nil
}

// getAllDBGranularity maps "/name" of each DFS database to its chunk
// granularity: Porpoise keeps a chunk per partition and table, which is
// DolphinDB's TABLE granularity.
func getAllDBGranularity(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
	paths := h.Catalog().Paths()
	keys := value.NewVector(value.String, 0, len(paths))
	vals := value.NewVector(value.String, 0, len(paths))
	for _, p := range paths {
		keys.Str = append(keys.Str, "/"+strings.TrimPrefix(p, "dfs://"))
		vals.Str = append(vals.Str, "TABLE")
	}
	return funcs.DictOf(keys, vals), nil
}

func setAtomicLevel(env funcs.Env, args []value.Value) (value.Value, error) {
	_, db, err := writableDB(env, args[0])
	if err != nil {
		return nil, err
	}
	a, ok := funcs.StringArg(args[1])
	if !ok || (a != "TRANS" && a != "CHUNK") {
		return nil, ddberr.Errorf("The atomic level must be 'TRANS' or 'CHUNK'.")
	}
	if !db.DFS() {
		return nil, errors.New("setAtomicLevel only applies to a DFS database.")
	}
	return nil, db.SetAtomic(a)
}

// getConfigure is getConfig's other name.
func getConfigure(env funcs.Env, args []value.Value) (value.Value, error) {
	f, ok := env.Function("getConfig")
	if !ok {
		return nil, errors.New("getConfig is not available.")
	}
	return env.Call(f, args...)
}
