package dbadmin

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
)

func init() {
	funcs.Register(
		funcs.Spec{Name: "getOLAPCacheEngineStat", Min: 0, Max: 0, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHost(getOLAPCacheEngineStat)},
		funcs.Spec{Name: "getRedoLogGCStat", Min: 0, Max: 0, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHost(getRedoLogGCStat)},
	)
	funcs.Alias("getCacheEngineStat", "getOLAPCacheEngineStat")
}

// cachedOf lists the store's unflushed writes of the databases of one
// storage engine ("" any), by chunk path; the rows of persisted stream
// tables, kept in the same store, are in no database.
func cachedOf(h Host, engine string) []storage.CachedChunk {
	all := h.Catalog().Store().CachedWrites()
	match := engineChunks(h, engine)
	out := all[:0]
	for _, c := range all {
		if match(c.ID) {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID.Path() < out[j].ID.Path() })
	return out
}

// getOLAPCacheEngineStat lists the chunks of OLAP databases whose
// committed writes are still only in the write cache. A transaction
// reaches the cache when it commits, so no cached rows are uncompleted.
func getOLAPCacheEngineStat(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
	cached := cachedOf(h, "OLAP")
	n := len(cached)
	cols := funcs.NewColumns(n, value.String, value.String, value.Long, value.Long, value.Long, value.Long, value.Long, value.String)
	id, name, since, rows, rowsU, mem, memU, tids := cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7]
	now := time.Now()
	for _, c := range cached {
		id.Str = append(id.Str, chunkUUID(c.ID))
		name.Str = append(name.Str, c.ID.Table)
		since.I64 = append(since.I64, now.Sub(c.LastWrite).Milliseconds())
		rows.I64 = append(rows.I64, c.Rows)
		rowsU.I64 = append(rowsU.I64, 0)
		mem.I64 = append(mem.I64, c.Bytes)
		memU.I64 = append(memU.I64, 0)
		tids.Str = append(tids.Str, joinTids(c.Tids))
	}
	return value.NewTable([]string{"chunkId", "physicalName", "timeSinceLastWrite", "cachedRowsOfCompletedTxn", "cachedRowsOfUncompletedTxn", "cachedMemOfCompletedTxn", "cachedMemOfUncompletedTxn", "cachedTids"}, cols), nil
}

func joinTids(tids []int64) string {
	parts := make([]string, len(tids))
	for i, t := range tids {
		parts[i] = formatInt(t)
	}
	return strings.Join(parts, ",")
}

// getRedoLogGCStat lists, per physical table, the transactions the redo
// log (Pebble's write-ahead log) keeps because their data is not flushed
// yet. A flushed transaction's log is released with the log file, so none
// waits for garbage collection.
func getRedoLogGCStat(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
	byTable := map[string][]int64{}
	var names []string
	for _, c := range cachedOf(h, "") {
		name := "/" + strings.TrimPrefix(c.ID.DB, "dfs://") + "/" + c.ID.Table
		if _, ok := byTable[name]; !ok {
			names = append(names, name)
		}
		for _, t := range c.Tids {
			if !slices.Contains(byTable[name], t) {
				byTable[name] = append(byTable[name], t)
			}
		}
	}
	sort.Strings(names)
	n := len(names)
	cols := funcs.NewColumns(n, value.String, value.Int, value.Int, value.Long, value.Int, value.Long)
	phys, count, gc, minGC, flush, minFlush := cols[0], cols[1], cols[2], cols[3], cols[4], cols[5]
	for _, name := range names {
		tids := byTable[name]
		phys.Str = append(phys.Str, name)
		count.I32 = append(count.I32, int32(len(tids)))
		gc.I32 = append(gc.I32, 0)
		minGC.I64 = append(minGC.I64, value.NullInt64)
		flush.I32 = append(flush.I32, int32(len(tids)))
		minFlush.I64 = append(minFlush.I64, slices.Min(tids))
	}
	return value.NewTable([]string{"physicalName", "txnCount", "numOfTxnPendingGC", "minTidPendingGC", "numOfTxnPendingFlush", "minTidPendingFlush"}, cols), nil
}
