package dbadmin

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// The PKEY engine's level-file functions, and the level-file index
// caches, which Porpoise does not have: Pebble reads a file's index
// through its shared block cache, which is not kept per table or bounded
// on its own, so those caches are truly empty.
func init() {
	funcs.Register(
		funcs.Spec{Name: "getPKEYMetaData", Min: 0, Max: 0, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckRead, getPKEYMetaData)},
		funcs.Spec{Name: "flushPKEYCache", Min: 0, Max: 0, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckWrite, flushCache)},
		funcs.Spec{Name: "triggerPKEYCompaction", Params: []string{"chunkId", "async"}, Min: 1, Max: 2, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckWrite, triggerPKEYCompaction)},
		funcs.Spec{Name: "getPKEYCompactionTaskStatus", Params: []string{"count"}, Min: 0, Max: 1, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHost(getPKEYCompactionTaskStatus)},
		funcs.Spec{Name: "getLevelFileIndexCacheStatus", Min: 0, Max: 0, Props: funcs.Session, Category: "db-table", Fn: getLevelFileIndexCacheStatus},
		funcs.Spec{Name: "getTSDBTableIndexCacheStatus", Min: 0, Max: 0, Props: funcs.Session, Category: "system", Fn: getTSDBTableIndexCacheStatus},
	)
}

// getPKEYMetaData lists, for each chunk of a PKEY database and each
// level, the level files (Pebble's sorted files) holding its data.
func getPKEYMetaData(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
	return levelFileMeta(h, "PKEY")
}

// triggerPKEYCompaction compacts the level files holding each chunk's
// keys into the bottom level and records one task per chunk with the
// files that took part. It always waits for the compactions: async only
// lets DolphinDB return sooner, and the data read afterwards is the same.
func triggerPKEYCompaction(h Host, env funcs.Env, args []value.Value) (value.Value, error) {
	ids, ok := funcs.StringsArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The argument [chunkId] of triggerPKEYCompaction must be a string scalar or vector.")
	}
	if _, err := funcs.BoolArg("triggerPKEYCompaction", "async", funcs.Arg(args, 1), true); err != nil {
		return nil, err
	}
	rows, err := chunksOf(h, "PKEY")
	if err != nil {
		return nil, err
	}
	byID := make(map[string]chunkRow, len(rows))
	for _, r := range rows {
		byID[chunkUUID(r.info.ID)] = r
	}
	for _, id := range ids {
		if _, ok := byID[id]; !ok {
			return nil, ddberr.Errorf("The chunk [%s] does not exist.", id)
		}
	}
	store := h.Catalog().Store()
	for _, id := range ids {
		r := byID[id]
		task := compaction{engine: "PKEY", chunkID: id, table: r.t.TableName(), received: time.Now()}
		task.start = task.received
		lf, err := store.ChunkLevelFiles(r.info.ID)
		if err == nil {
			var levels, names []string
			for _, f := range lf {
				l := strconv.Itoa(f.Level)
				if !slices.Contains(levels, l) {
					levels = append(levels, l)
				}
				names = append(names, f.Name)
			}
			task.levels, task.files = strings.Join(levels, ","), strings.Join(names, ",")
			err = store.CompactChunk(env.Context(), r.info.ID)
		}
		if err != nil {
			task.err = err.Error()
		}
		task.finish = time.Now()
		recordCompaction(h, task)
	}
	return nil, nil
}

// getPKEYCompactionTaskStatus lists the compactions triggerPKEYCompaction
// ran, the last count of them when count > 0.
func getPKEYCompactionTaskStatus(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	count, err := funcs.IntArg("getPKEYCompactionTaskStatus", "count", funcs.Arg(args, 0), 0)
	if err != nil {
		return nil, err
	}
	if count < 0 {
		return nil, ddberr.Errorf("The argument [count] of getPKEYCompactionTaskStatus must be a non-negative integer.")
	}
	tasks := compactions(h, "PKEY", int(count))
	n := len(tasks)
	cols := funcs.NewColumns(n, value.String, value.String, value.String, value.String, value.String)
	vol, level, chunk, tbl, files := cols[0], cols[1], cols[2], cols[3], cols[4]
	msg := value.NewVector(value.String, 0, n)
	force := make([]bool, 0, n)
	var recv, start, end []time.Time
	dir := h.DataDir()
	for _, t := range tasks {
		vol.Str = append(vol.Str, dir)
		level.Str = append(level.Str, t.levels)
		chunk.Str = append(chunk.Str, t.chunkID)
		tbl.Str = append(tbl.Str, t.table)
		files.Str = append(files.Str, t.files)
		force = append(force, true)
		recv, start, end = append(recv, t.received), append(start, t.start), append(end, t.finish)
		msg.Str = append(msg.Str, t.err)
	}
	return compactionTable(vol, level, chunk, tbl, files, force, recv, start, end, msg), nil
}

// getLevelFileIndexCacheStatus: no level-file index cache, so none used
// and none reserved.
func getLevelFileIndexCacheStatus(funcs.Env, []value.Value) (value.Value, error) {
	d := value.NewDict(value.String, value.Long)
	d.PutAll(value.NewStrings(value.String, []string{"usage", "capacity"}), value.NewLongs([]int64{0, 0}))
	return d, nil
}

// getTSDBTableIndexCacheStatus: no table's level-file index is cached.
func getTSDBTableIndexCacheStatus(funcs.Env, []value.Value) (value.Value, error) {
	return value.NewTable([]string{"dbName", "chunkId", "tableName", "memUsage"},
		funcs.NewColumns(0, value.String, value.String, value.String, value.Long)), nil
}
