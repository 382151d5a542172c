package dbadmin

import (
	"sort"
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wallclock"
)

func init() {
	funcs.Register(
		funcs.Spec{Name: "getTSDBMetaData", Min: 0, Max: 0, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckRead, getTSDBMetaData)},
		funcs.Spec{Name: "getTSDBDataStat", Params: []string{"dbName", "tableName", "chunkId"}, Min: 0, Max: 3, Props: funcs.Session, Category: "system", Fn: funcs.WithHostCheck(Host.CheckRead, getTSDBDataStat)},
		funcs.Spec{Name: "getClusterChunksStatus", Min: 0, Max: 0, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckRead, getClusterChunksStatus)},
		funcs.Spec{Name: "setChunkLastUpdateTime", Params: []string{"chunkId", "lastUpdateTime"}, Min: 2, Max: 2, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: funcs.WithHost(setChunkLastUpdateTime)},
	)
}

// tsdbChunks lists the chunks of the TSDB databases.
func tsdbChunks(h Host) ([]chunkRow, error) { return chunksOf(h, "TSDB") }

// engineChunks lists the chunks of the databases of one storage engine.
func chunksOf(h Host, engine string) ([]chunkRow, error) {
	rows, err := listChunks(h, nil, "", -1)
	if err != nil {
		return nil, err
	}
	out := rows[:0]
	for _, r := range rows {
		if r.t.Database().EngineType() == engine {
			out = append(out, r)
		}
	}
	return out, nil
}

// getTSDBMetaData lists, for each chunk of a TSDB database and each
// level, the level files (Pebble's sorted files) holding its data.
func getTSDBMetaData(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
	return levelFileMeta(h, "TSDB")
}

// levelFileMeta is getTSDBMetaData's and getPKEYMetaData's table for the
// chunks of one engine's databases.
func levelFileMeta(h Host, engine string) (value.Value, error) {
	rows, err := chunksOf(h, engine)
	if err != nil {
		return nil, err
	}
	store := h.Catalog().Store()
	cols := funcs.NewColumns(len(rows), value.String, value.String, value.Int, value.String, value.String)
	id, path, level, tbl, files := cols[0], cols[1], cols[2], cols[3], cols[4]
	dir := h.DataDir()
	for _, r := range rows {
		lf, err := store.ChunkLevelFiles(r.info.ID)
		if err != nil {
			return nil, err
		}
		byLevel := map[int][]string{}
		for _, f := range lf {
			byLevel[f.Level] = append(byLevel[f.Level], f.Name)
		}
		levels := make([]int, 0, len(byLevel))
		for l := range byLevel {
			levels = append(levels, l)
		}
		sort.Ints(levels)
		for _, l := range levels {
			id.Str = append(id.Str, chunkUUID(r.info.ID))
			path.Str = append(path.Str, dir)
			level.I32 = append(level.I32, int32(l))
			tbl.Str = append(tbl.Str, r.t.TableName())
			files.Str = append(files.Str, strings.Join(byLevel[l], ","))
		}
	}
	return value.NewTable([]string{"chunkId", "chunkPath", "level", "table", "files"}, cols), nil
}

// getTSDBDataStat counts, per chunk of the matching TSDB tables, its
// level files (those whose key range overlaps the chunk's, which a read
// of the chunk consults) and its stored rows (the sort-key entries before
// duplicates are removed).
func getTSDBDataStat(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	pattern := func(i int) (string, error) {
		a := funcs.Arg(args, i)
		if a == nil || isNull(a) {
			return "*", nil
		}
		s, ok := funcs.StringArg(a)
		if !ok {
			return "", ddberr.Errorf("The database and table names of getTSDBDataStat must be strings.")
		}
		return s, nil
	}
	dbPat, err := pattern(0)
	if err != nil {
		return nil, err
	}
	tPat, err := pattern(1)
	if err != nil {
		return nil, err
	}
	var ids map[string]bool
	if a := funcs.Arg(args, 2); a != nil && !isNull(a) {
		list, ok := funcs.StringsArg(a)
		if !ok {
			return nil, ddberr.Errorf("The argument [chunkId] of getTSDBDataStat must be a string scalar or vector.")
		}
		if dbPat != "*" || tPat != "*" {
			return nil, ddberr.Errorf("When chunkId is given, dbName and tableName must be empty or \"*\".")
		}
		ids = map[string]bool{}
		for _, s := range list {
			ids[s] = true
		}
	}
	rows, err := tsdbChunks(h)
	if err != nil {
		return nil, err
	}
	store := h.Catalog().Store()
	cols := funcs.NewColumns(len(rows), value.String, value.String, value.String, value.Long, value.Long)
	dbn, id, tbl, nfiles, entries := cols[0], cols[1], cols[2], cols[3], cols[4]
	for _, r := range rows {
		cid := chunkUUID(r.info.ID)
		if ids != nil && !ids[cid] || ids == nil && (!chunkPathMatch(r.info.ID.DB, dbPat) || !chunkPathMatch(r.t.TableName(), tPat)) {
			continue
		}
		lf, err := store.ChunkLevelFiles(r.info.ID)
		if err != nil {
			return nil, err
		}
		dbn.Str = append(dbn.Str, r.info.ID.DB)
		id.Str = append(id.Str, cid)
		tbl.Str = append(tbl.Str, r.t.TableName())
		nfiles.I64 = append(nfiles.I64, int64(len(lf)))
		entries.I64 = append(entries.I64, r.info.Rows)
	}
	return value.NewTable([]string{"dbName", "chunkId", "tableName", "levelFileCount", "sortKeyEntryCount"}, cols), nil
}

// getClusterChunksStatus lists every chunk of the node, which is the
// whole one-node cluster: one replica each, on this node, read-write.
func getClusterChunksStatus(h Host, env funcs.Env, _ []value.Value) (value.Value, error) {
	rows, err := listChunks(h, nil, "", -1)
	if err != nil {
		return nil, err
	}
	st := stateOf(h)
	st.mu.Lock()
	updated := make(map[string]time.Time, len(st.lastUpdated))
	for k, v := range st.lastUpdated {
		updated[k] = v
	}
	st.mu.Unlock()
	site := siteAlias(env)
	n := len(rows)
	id, file, chain, state, replicas, perm := value.NewVector(value.String, 0, n), value.NewVector(value.String, 0, n), value.NewVector(value.String, 0, n), value.NewVector(value.String, 0, n), value.NewVector(value.String, 0, n), value.NewVector(value.String, 0, n)
	size, version := value.NewVector(value.Long, 0, n), value.NewVector(value.Long, 0, n)
	vcLen, count := value.NewVector(value.Int, 0, n), value.NewVector(value.Int, 0, n)
	last := make([]time.Time, 0, n)
	for _, r := range rows {
		cid := chunkUUID(r.info.ID)
		id.Str = append(id.Str, cid)
		file.Str = append(file.Str, dfsPath(r.info.ID))
		size.I64 = append(size.I64, 0) // tablet chunks: see getTabletsMeta
		version.I64 = append(version.I64, r.info.Version)
		vcLen.I32 = append(vcLen.I32, 1)
		chain.Str = append(chain.Str, formatChain(r.info.Version, r.info.Rows))
		state.Str = append(state.Str, "COMPLETE")
		replicas.Str = append(replicas.Str, site+":"+formatInt(r.info.Version)+":0")
		count.I32 = append(count.I32, 1)
		last = append(last, updated[cid])
		perm.Str = append(perm.Str, "READ_WRITE")
	}
	return value.NewTable([]string{"chunkId", "file", "size", "version", "vcLength", "versionChain", "state", "replicas", "replicaCount", "lastUpdated", "permission"},
		[]*value.Vector{id, file, size, version, vcLen, chain, state, replicas, count, wallclock.Timestamps(last), perm}), nil
}

func formatInt(n int64) string { return value.NewLong(n).String() }

func formatChain(version, rows int64) string {
	return formatInt(version) + ":" + formatInt(rows) + ":" + formatInt(version) + " ->"
}

// setChunkLastUpdateTime sets the lastUpdated that getClusterChunksStatus
// shows for the given chunks (until the server restarts).
func setChunkLastUpdateTime(h Host, env funcs.Env, args []value.Value) (value.Value, error) {
	if err := funcs.RequireAdminCan(env, "setChunkLastUpdateTime"); err != nil {
		return nil, err
	}
	ids, ok := funcs.StringsArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The argument [chunkId] of setChunkLastUpdateTime must be a string vector.")
	}
	ts, ok := funcs.ScalarArg(args[1])
	if !ok || ts.T != value.Timestamp || ts.Null {
		return nil, ddberr.Errorf("The argument [lastUpdateTime] of setChunkLastUpdateTime must be a TIMESTAMP.")
	}
	rows, err := listChunks(h, nil, "", -1)
	if err != nil {
		return nil, err
	}
	known := map[string]bool{}
	for _, r := range rows {
		known[chunkUUID(r.info.ID)] = true
	}
	for _, id := range ids {
		if !known[id] {
			return nil, ddberr.Errorf("The chunk [%s] does not exist.", id)
		}
	}
	// ts is local wall-clock milliseconds; keep it as the instant that
	// prints the same.
	wall := time.UnixMilli(ts.I).UTC()
	at := time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), wall.Second(), wall.Nanosecond(), time.Local)
	st := stateOf(h)
	st.mu.Lock()
	if st.lastUpdated == nil {
		st.lastUpdated = map[string]time.Time{}
	}
	for _, id := range ids {
		st.lastUpdated[id] = at
	}
	st.mu.Unlock()
	return nil, nil
}
