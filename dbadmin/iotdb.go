package dbadmin

import (
	"github.com/porpoisedb/porpoise/dbfuncs"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// The IOTDB engine's functions (db_distr_comp/db/iotdb.md): its static
// tables and the clearing of its caches. Porpoise answers latest-value
// queries from the stored rows, so it keeps no latest-key cache and
// clearAllIOTDBLatestKeyCache has nothing to drop.
func init() {
	funcs.Register(
		funcs.Spec{Name: "getLocalIOTDBStaticTable", Params: []string{"dbUrl", "tableName", "dfsPath"}, Min: 2, Max: 3, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckRead, getStaticTable)},
		funcs.Spec{Name: "clearAllIOTDBStaticTableCache", Min: 0, Max: 0, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: funcs.WithHost(clearStaticTables)},
		funcs.Spec{Name: "clearAllIOTDBLatestKeyCache", Min: 0, Max: 0, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: funcs.WithHost(func(Host, funcs.Env, []value.Value) (value.Value, error) { return nil, nil })},
	)
}

func getStaticTable(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	path, ok1 := funcs.StringArg(args[0])
	name, ok2 := funcs.StringArg(args[1])
	if !ok1 || !ok2 {
		return nil, ddberr.Errorf("The dbUrl and tableName of getLocalIOTDBStaticTable must be strings.")
	}
	dfsPath, _ := funcs.StringArg(funcs.Arg(args, 2))
	db, err := h.Catalog().Lookup(path)
	if err != nil {
		return nil, err
	}
	t := db.Table(name)
	if t == nil {
		return nil, ddberr.Errorf("The table [%s] does not exist in database [%s].", name, path)
	}
	if a, ok := h.(dbfuncs.Access); ok {
		if err := a.CheckTableRead(t); err != nil {
			return nil, err
		}
	}
	if t.IoT() == nil {
		return nil, ddberr.Errorf("The table [%s] is not a table of the IOTDB engine.", name)
	}
	return t.StaticTable(dfsPath)
}

func clearStaticTables(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
	for _, t := range allTables(h.Catalog()) {
		if s := t.IoT(); s != nil {
			s.ClearStaticCache()
		}
	}
	return nil, nil
}

// IoTCacheBytes is the memory of the IOTDB tables' static-table caches
// in cat (getSessionMemoryStat's __IOTDBStaticTableCache__) and of their
// latest-key caches, which Porpoise doesn't keep (0).
func IoTCacheBytes(cat *dfs.Catalog) (static, latest int64) {
	for _, t := range allTables(cat) {
		if s := t.IoT(); s != nil {
			static += s.StaticCacheBytes()
		}
	}
	return static, 0
}
