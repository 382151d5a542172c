package system

import (
	"errors"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/filesys"
	"github.com/porpoisedb/porpoise/value"
)

// init registers the whole family, one section per topic file (where the
// implementations live), in file order so an alias follows its target.
func init() {
	// datasource.go.
	funcs.Register(
		funcs.Spec{Name: "mr", Params: []string{"ds", "mapFunc", "reduceFunc", "finalFunc", "parallel"}, Min: 2, Max: 5, Category: "db-table", Fn: xmr},
	)

	// delete.go.
	funcs.Register(
		funcs.Spec{Name: "clear!", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Mutating, Category: "delete-clear", Fn: clearFn},
		funcs.Spec{Name: "drop", Params: []string{"X", "n"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "delete-clear", Fn: xdrop},
		funcs.Spec{Name: "dropna", Params: []string{"X", "byRow", "thresh"}, Min: 1, Max: 3, Props: funcs.Pure, Category: "delete-clear", Fn: xdropna},
		funcs.Spec{Name: "erase!", Params: []string{"obj", "key|filter"}, Min: 2, Max: 2, Props: funcs.Mutating, Category: "delete-clear", Fn: xerase},
		funcs.Spec{Name: "pop!", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Mutating, Category: "delete-clear", Fn: xpop},
		funcs.Spec{Name: "removeHead!", Params: []string{"obj", "n"}, Min: 2, Max: 2, Props: funcs.Mutating, Category: "delete-clear", Fn: removeEnds(true)},
		funcs.Spec{Name: "removeTail!", Params: []string{"obj", "n"}, Min: 2, Max: 2, Props: funcs.Mutating, Category: "delete-clear", Fn: removeEnds(false)},
	)

	// environment.go.
	funcs.Register(
		funcs.Spec{Name: "print", Params: []string{"x"}, Min: 0, Max: -1, Category: "system", Fn: xprint},
		funcs.Spec{Name: "sleep", Params: []string{"milliseconds"}, Min: 1, Max: 1, Category: "environment", Fn: xsleep},
		funcs.Spec{Name: "version", Min: 0, Max: 0, Category: "system", Fn: func(funcs.Env, []value.Value) (value.Value, error) {
			return value.NewString(Version), nil
		}},
		funcs.Spec{Name: "throw", Params: []string{"msg"}, Min: 1, Max: 1, Category: "system", Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			return nil, errors.New(args[0].String())
		}},
	)

	// gram.go.
	funcs.Register(funcs.Spec{Name: "gram", Params: []string{"ds", "colNames", "subMean", "normalize"}, Min: 1, Max: 4,
		Category: "math", Fn: gram})

	// meta.go.
	meta := func(name string, params []string, min, max int, fn funcs.Impl) funcs.Spec {
		return funcs.Spec{Name: name, Params: params, Min: min, Max: max, Props: funcs.Pure, Category: "metaprogramming", Fn: fn}
	}
	sqlSpec := meta("sql", []string{"select", "from", "where", "groupBy", "groupFlag", "csort", "ascSort", "having", "orderBy", "ascOrder", "limit", "hint", "exec", "map"}, 2, 14,
		func(env funcs.Env, args []value.Value) (value.Value, error) { return xsql(env, args, nil) })
	sqlSpec.NamedFn = xsql
	updSpec := meta("sqlUpdate", []string{"table", "updates", "from", "where", "contextBy", "csort", "ascSort", "having"}, 2, 8,
		func(env funcs.Env, args []value.Value) (value.Value, error) { return xsqlUpdate(env, args, nil) })
	updSpec.NamedFn = xsqlUpdate
	delSpec := meta("sqlDelete", []string{"table", "where", "from"}, 1, 3,
		func(env funcs.Env, args []value.Value) (value.Value, error) { return xsqlDelete(env, args, nil) })
	delSpec.NamedFn = xsqlDelete
	evalSpec := meta("eval", []string{"expr"}, 1, 1, xeval)
	evalSpec.Props = funcs.Session
	funcs.Register(
		meta("sqlCol", []string{"colName", "func", "alias", "qualifier"}, 1, 4, xsqlCol),
		meta("sqlColAlias", []string{"colDefs", "colNames"}, 1, 2, xsqlColAlias),
		meta("parseExpr", []string{"text", "varDict", "modules", "overloadedOperators"}, 1, 4, xparseExpr),
		meta("expr", []string{"args"}, 1, -1, xexpr),
		evalSpec,
		meta("makeCall", []string{"F", "args"}, 1, -1, xmakeCall),
		meta("makeUnifiedCall", []string{"func", "args"}, 2, 2, xmakeUnifiedCall),
		meta("funcByName", []string{"name"}, 1, 1, xfuncByName),
		meta("binaryExpr", []string{"X", "Y", "func"}, 3, 3, xbinaryExpr),
		meta("unifiedExpr", []string{"objs", "optrs"}, 2, 2, xunifiedExpr),
		sqlSpec, updSpec, delSpec,
		meta("sqlTuple", []string{"colNames"}, 1, 1, xsqlTuple),
		funcs.Spec{Name: "runScript", Params: []string{"script"}, Min: 1, Max: 1, Props: funcs.Session, Category: "metaprogramming", Fn: xrunScript},
	)

	// newtable.go.
	funcs.Register(
		BuilderSpec("keyedTable", "db-table", 2, Keyed(value.KeyedTable)),
		BuilderSpec("indexedTable", "db-table", 2, Keyed(value.IndexedTable)),
		// A stream table is, for appends and queries, an in-memory table:
		// the publish/subscribe side of DolphinDB's streaming is outside
		// what Porpoise emulates, while clients (MultithreadedTableWriter
		// into a shared stream table) only append to it and read it back.
	)

	// schema.go.
	funcs.Register(
		funcs.Spec{Name: "table", Min: 1, Max: -1, Props: funcs.Session | funcs.Owned, Category: "db-table",
			Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
				return xtable(env, args, make([]string, len(args)))
			},
			NamedFn: xtable},
		funcs.Spec{Name: "tableInsert", Params: []string{"table", "args"}, Min: 2, Max: -1, Props: funcs.Session | funcs.Mutating, Category: "db-table", Fn: funcs.WithHost(xtableInsert)},
		funcs.Spec{Name: "append!", Params: []string{"obj", "newData"}, Min: 2, Max: 2, Props: funcs.Session | funcs.Mutating, Category: "append", Fn: funcs.WithHost(xappend)},
		funcs.Spec{Name: "upsert!", Params: []string{"obj", "newData", "ignoreNull", "keyColNames", "sortColumns"}, Min: 2, Max: 5, Props: funcs.Session | funcs.Mutating, Category: "db-table", Fn: xupsertBang},
		funcs.Spec{Name: "tableUpsert", Params: []string{"obj", "newData", "ignoreNull", "keyColNames", "sortColumns"}, Min: 2, Max: 5, Props: funcs.Session, Category: "db-table", Fn: xtableUpsert},
		funcs.Spec{Name: "schema", Params: []string{"table"}, Min: 1, Max: 1, Props: funcs.Session, Category: "db-table", Fn: xschema},
		funcs.Spec{Name: "columnNames", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Session, Category: "db-table", Fn: xcolumnNames},
		funcs.Spec{Name: "cols", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Session, Category: "data-processing", Fn: xcols},
		funcs.Spec{Name: "objByName", Params: []string{"name", "sharedVar"}, Min: 1, Max: 2, Props: funcs.Session, Category: "system", Fn: xobjByName},
	)
	funcs.Alias("push!", "append!")
	// t.columns() in the Table page and the tutorials
	funcs.Alias("columns", "cols")
	funcs.Alias("colNames", "columnNames") // tutorials/panel_data.md: volume.colNames()

	// session.go.
	funcs.Register(
		funcs.Spec{Name: "exists", Params: []string{"name"}, Min: 1, Max: 1, Props: funcs.Session, Category: "system", Fn: funcs.WithHost(xexists)},
		funcs.Spec{Name: "defined", Params: []string{"names"}, Min: 1, Max: 2, Props: funcs.Session, Category: "system", Fn: funcs.WithHost(xdefined)},
		funcs.Spec{Name: "undef", Params: []string{"obj", "objType"}, Min: 0, Max: 2, Props: funcs.Session, Category: "system", Fn: xundef},
		funcs.Spec{Name: "share", Params: []string{"table", "sharedName", "readonly"}, Min: 2, Max: 3, Props: funcs.Session, Category: "system", Fn: funcs.WithHost(xshare)},
		funcs.Spec{Name: "login", Params: []string{"userId", "password", "enableEncryption"}, Min: 2, Max: 3, Props: funcs.Session, Category: "security", Fn: funcs.WithHost(xlogin)},
		funcs.Spec{Name: "logout", Params: []string{"userId", "sessionOnly"}, Min: 0, Max: 2, Props: funcs.Session, Category: "security", Fn: funcs.WithHost(xlogout)},
		funcs.Spec{Name: "getConfig", Params: []string{"key"}, Min: 0, Max: 1, Props: funcs.Session, Category: "system", Fn: funcs.WithHost(xgetConfig)},
		funcs.Spec{Name: "getEnableNullSafeJoin", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: funcs.WithHost(xgetEnableNullSafeJoin)},
	)

	// system.go.
	funcs.Register(
		funcs.Spec{Name: "defs", Params: []string{"X"}, Min: 0, Max: 1, Props: funcs.Session, Category: "system", Fn: xdefs},
		funcs.Spec{Name: "memSize", Params: []string{"obj"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "system", Fn: memSize},
		funcs.Spec{Name: "objs", Params: []string{"shared"}, Min: 0, Max: 1, Props: funcs.Session, Category: "system", Fn: funcs.WithHost(xobjs)},
		funcs.Spec{Name: "getCurrentSessionAndUser", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: xgetCurrentSessionAndUser},
		funcs.Spec{Name: "syntax", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Session, Category: "system", Fn: xsyntaxFn},
		funcs.Spec{Name: "evalTimer", Params: []string{"funcs", "count"}, Min: 1, Max: 2, Category: "system", Fn: xevalTimer},
		funcs.Spec{Name: "partial", Params: []string{"func", "args"}, Min: 1, Max: -1, Props: funcs.Pure, Category: "system", Fn: xpartial},
		funcs.Spec{Name: "member", Params: []string{"X", "Y"}, Min: 2, Max: 2, Props: funcs.Pure, Category: "system", Fn: xmember},
		funcs.Spec{Name: "setRandomSeed", Params: []string{"seed"}, Min: 1, Max: 1, Props: funcs.Command | funcs.Session, Category: "system", Fn: setRandomSeedFn},
		// The home directory is the one relative paths of the file
		// functions resolve against (an in-memory engine's scratch
		// directory), so a script can build paths from it.
		funcs.Spec{Name: "getHomeDir", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: func(env funcs.Env, _ []value.Value) (value.Value, error) {
			home, err := filesys.HomeDir(env)
			if err != nil {
				return nil, err
			}
			return value.NewString(home), nil
		}},
		// Porpoise keeps no dimension-table, tablet or map-reduce caches
		// beside the data itself, so there is nothing for it to drop; the
		// clients call it between tests and expect it to succeed.
		funcs.Spec{Name: "clearAllCache", Min: 0, Max: 0, Props: funcs.Command | funcs.Session, Category: "system", Fn: func(funcs.Env, []value.Value) (value.Value, error) {
			return nil, nil
		}},
	)

	// table.go.
	tb := func(name string, params []string, min, max int, props funcs.Props, fn funcs.Impl) funcs.Spec {
		return funcs.Spec{Name: name, Params: params, Min: min, Max: max, Props: props, Category: "db-table", Fn: fn}
	}
	funcs.Register(
		tb("addColumn", []string{"table", "colNames", "colTypes"}, 3, 3, funcs.Mutating|funcs.Command, xaddColumn),
		tb("dropColumns!", []string{"table", "colNames"}, 2, 2, funcs.Mutating, xdropColumns),
		tb("rename!", []string{"X", "Y", "Z"}, 2, 3, funcs.Mutating, xrename),
		tb("replaceColumn!", []string{"table", "colName", "newCol"}, 3, 3, funcs.Mutating, xreplaceColumn),
		tb("reorderColumns!", []string{"table", "reorderedColNames"}, 2, 2, funcs.Mutating, xreorderColumns),
		tb("update!", []string{"table", "colNames", "newValues", "filter"}, 3, 4, funcs.Mutating, xupdateInPlace),
		tb("rowNames", []string{"X"}, 1, 1, funcs.Pure, xrowNames),
		tb("rowNo", []string{"X"}, 1, 1, funcs.Pure, xrowNo),
		tb("tupleSum", []string{"X"}, 1, 1, funcs.Pure, xtupleSum),
	)
	funcs.Alias("drop!", "dropColumns!")
}
