package dbadmin

import (
	"fmt"
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
)

// DolphinDB's OLAP and TSDB cache engines hold committed writes in memory
// before they reach the level files. Porpoise's one store keeps them in
// Pebble's memtables for both engines, so the two flush functions flush
// the same memtables and the two sizes bound the same memory: the smaller
// one set is the one in force.

func init() {
	funcs.Register(
		funcs.Spec{Name: "flushOLAPCache", Min: 0, Max: 0, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckWrite, flushCache)},
		funcs.Spec{Name: "flushTSDBCache", Min: 0, Max: 0, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckWrite, flushCache)},
		funcs.Spec{Name: "purgeCacheEngine", Min: 0, Max: 0, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckWrite, flushCache)},
		funcs.Spec{Name: "getOLAPCacheEngineSize", Min: 0, Max: 0, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHost(getOLAPCacheEngineSize)},
		funcs.Spec{Name: "setOLAPCacheEngineSize", Params: []string{"memSize"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: setCacheSize("setOLAPCacheEngineSize", false)},
		funcs.Spec{Name: "getTSDBCacheEngineSize", Min: 0, Max: 0, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHost(getTSDBCacheEngineSize)},
		funcs.Spec{Name: "setTSDBCacheEngineSize", Params: []string{"memSize"}, Min: 1, Max: 1, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: setCacheSize("setTSDBCacheEngineSize", true)},
		funcs.Spec{Name: "clearAllTSDBSymbolBaseCache", Min: 0, Max: 0, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckWrite, clearTSDBSymbolBase)},
		funcs.Spec{Name: "clearCachedDatabase", Params: []string{"dbUrl", "tableName"}, Min: 1, Max: 2, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: funcs.WithHost(clearCachedDatabase)},
		funcs.Spec{Name: "getOLAPCachedSymbolBaseMemSize", Min: 0, Max: 0, Props: funcs.Session, Category: "db-table", Fn: symbolBaseSize("OLAP")},
		funcs.Spec{Name: "getTSDBCachedSymbolBaseMemSize", Min: 0, Max: 0, Props: funcs.Session, Category: "db-table", Fn: symbolBaseSize("TSDB")},
	)
	funcs.Alias("getCacheEngineMemSize", "getOLAPCacheEngineSize")
	funcs.Alias("setCacheEngineMemSize", "setOLAPCacheEngineSize")
}

func flushCache(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
	return nil, h.Catalog().Store().Flush()
}

// limitBytes is the cache size in force for one engine: its own setting,
// else the store's limit.
func limitBytes(h Host, tsdb bool) (int64, storage.WriteCache, error) {
	wc, err := h.Catalog().Store().WriteCacheStat()
	if err != nil {
		return 0, wc, err
	}
	st := stateOf(h)
	st.mu.Lock()
	gb := st.olapCacheGB
	if tsdb {
		gb = st.tsdbCacheGB
	}
	st.mu.Unlock()
	if gb > 0 {
		return int64(gb * (1 << 30)), wc, nil
	}
	return wc.Limit, wc, nil
}

// getOLAPCacheEngineSize is (memory in use, memory of cached column
// data, memory of pointers to it, limit). The memtables hold the column
// data themselves, so the third element is 0.
func getOLAPCacheEngineSize(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
	limit, wc, err := limitBytes(h, false)
	if err != nil {
		return nil, err
	}
	used := int64(wc.Bytes)
	return value.NewTuple([]value.Value{value.NewLong(used), value.NewLong(used), value.NewLong(0), value.NewLong(limit)}), nil
}

func getTSDBCacheEngineSize(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
	limit, _, err := limitBytes(h, true)
	if err != nil {
		return nil, err
	}
	return value.NewLong(limit), nil
}

// setCacheSize sets one engine's cache size in GB and bounds the store's
// memtables by the smaller of the two settings.
func setCacheSize(fn string, tsdb bool) funcs.Impl {
	return funcs.WithHostCheck(Host.CheckWrite, func(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
		s, ok := funcs.ScalarArg(args[0])
		if !ok || !s.T.IsNumeric() || s.Null {
			return nil, fmt.Errorf("%s: memSize must be a numeric scalar.", fn)
		}
		gb := s.Float64()
		if max := h.MaxMemSizeGB(); gb <= 0 || math.IsInf(gb, 0) || math.IsNaN(gb) || max > 0 && gb >= max*0.75 {
			return nil, fmt.Errorf("%s: memSize must be greater than 0 and less than maxMemSize * 0.75.", fn)
		}
		st := stateOf(h)
		st.mu.Lock()
		if tsdb {
			st.tsdbCacheGB = gb
		} else {
			st.olapCacheGB = gb
		}
		limit := st.olapCacheGB
		if limit == 0 || st.tsdbCacheGB > 0 && st.tsdbCacheGB < limit {
			limit = st.tsdbCacheGB
		}
		st.mu.Unlock()
		h.Catalog().Store().SetWriteCacheLimit(int64(limit * (1 << 30)))
		return nil, nil
	})
}

// engineChunks matches the chunks of the databases of one storage engine
// ("" any).
func engineChunks(h Host, engine string) func(storage.ChunkID) bool {
	cat := h.Catalog()
	dbs := map[string]bool{}
	for _, p := range cat.Paths() {
		if db, err := cat.Lookup(p); err == nil && (engine == "" || db.EngineType() == engine) {
			dbs[p] = true
		}
	}
	return func(c storage.ChunkID) bool { return dbs[c.DB] }
}

func clearTSDBSymbolBase(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
	h.Catalog().Store().ClearSymbolCache(engineChunks(h, "TSDB"))
	return nil, nil
}

func symbolBaseSize(engine string) funcs.Impl {
	return funcs.WithHost(func(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
		return value.NewLong(h.Catalog().Store().SymbolCacheBytes(engineChunks(h, engine))), nil
	})
}

// clearCachedDatabase drops what DolphinDB keeps in memory of the tables
// it loaded from dbUrl (tableName alone when given): the dimension
// tables and OLAP tablets getSessionMemoryStat counts. Porpoise reads
// them from the store each time and keeps no such copies (those rows of
// getSessionMemoryStat are truly empty), so once the database and table
// are found there is nothing left to drop.
func clearCachedDatabase(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	path, ok := funcs.StringArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The database path must be a string.")
	}
	db, err := h.Catalog().Lookup(path)
	if err != nil {
		return nil, err
	}
	if len(args) > 1 {
		name, ok := funcs.StringArg(args[1])
		if !ok {
			return nil, ddberr.Errorf("The table name must be a string.")
		}
		if db.Table(name) == nil {
			return nil, ddberr.Errorf("The table [%s] does not exist in database [%s].", name, path)
		}
	}
	return nil, nil
}
