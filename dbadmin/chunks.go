package dbadmin

import (
	"crypto/md5"
	"fmt"
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
	"github.com/porpoisedb/porpoise/wallclock"
)

func init() {
	funcs.Register(
		funcs.Spec{Name: "getChunksMeta", Params: []string{"chunkPath", "top"}, Min: 0, Max: 2, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckRead, getChunksMeta)},
		funcs.Spec{Name: "getTabletsMeta", Params: []string{"chunkPath", "tableName", "diskUsage", "top"}, Min: 0, Max: 4, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckRead, getTabletsMeta)},
		funcs.Spec{Name: "triggerTSDBCompaction", Params: []string{"chunkId", "level"}, Min: 1, Max: 2, Props: funcs.Session | funcs.Command, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckWrite, triggerTSDBCompaction)},
		funcs.Spec{Name: "getTSDBCompactionTaskStatus", Params: []string{"count"}, Min: 0, Max: 1, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHost(getTSDBCompactionTaskStatus)},
		funcs.Spec{Name: "getTransactionStatus", Min: 0, Max: 0, Props: funcs.Session, Category: "db-table", Fn: funcs.WithHostCheck(Host.CheckRead, getTransactionStatus)},
	)
}

// chunkUUID is a chunk's id as DolphinDB prints one (a UUID), derived
// from its database, table and partition so it is the same on every call
// and after a restart.
func chunkUUID(c storage.ChunkID) string {
	sum := md5.Sum([]byte(c.DB + "\x00" + c.Table + "\x00" + c.Partition))
	return fmt.Sprintf("%x-%x-%x-%x-%x", sum[0:4], sum[4:6], sum[6:8], sum[8:10], sum[10:16])
}

// dfsPath is a chunk's DFS path: /<database name><partition>/<table>.
func dfsPath(c storage.ChunkID) string { return c.Path() }

// chunkPathMatch matches a chunk path against a pattern in which * as
// well as % stands for any run of characters and ? for one.
func chunkPathMatch(path, pat string) bool {
	return kernel.LikeMatch(path, strings.ReplaceAll(pat, "*", "%"))
}

// chunkRow is one stored chunk with its table.
type chunkRow struct {
	t    *dfs.Table
	info dfs.ChunkInfo
}

// listChunks lists the stored chunks whose DFS path matches one of
// patterns (all when none) and whose table is called table ("" any), at
// most top of them (top < 0: no limit).
func listChunks(h Host, patterns []string, table string, top int) ([]chunkRow, error) {
	var out []chunkRow
	for _, t := range allTables(h.Catalog()) {
		if table != "" && t.TableName() != table {
			continue
		}
		infos, err := t.Chunks()
		if err != nil {
			return nil, err
		}
		for _, ci := range infos {
			if top >= 0 && len(out) >= top {
				return out, nil
			}
			p := dfsPath(ci.ID)
			match := len(patterns) == 0
			for _, pat := range patterns {
				if chunkPathMatch(p, pat) {
					match = true
					break
				}
			}
			if match {
				out = append(out, chunkRow{t, ci})
			}
		}
	}
	return out, nil
}

// chunkArgs reads the optional chunkPath (scalar or vector of patterns)
// and top arguments.
func chunkArgs(fn string, pathArg, topArg value.Value) ([]string, int, error) {
	var patterns []string
	if pathArg != nil && !isNull(pathArg) {
		ps, ok := funcs.StringsArg(pathArg)
		if !ok {
			return nil, 0, ddberr.Errorf("The argument [chunkPath] of %s must be a string scalar or vector.", fn)
		}
		patterns = ps
	}
	top, err := funcs.IntArg(fn, "top", topArg, 1024)
	if err != nil {
		return nil, 0, err
	}
	if top == 0 || top < -1 {
		return nil, 0, ddberr.Errorf("The argument [top] of %s must be a positive integer or -1.", fn)
	}
	return patterns, int(top), nil
}

func isNull(v value.Value) bool {
	s, ok := v.(*value.Scalar)
	return ok && s.Null
}

// getChunksMeta lists the data chunks of the local DFS tables. Each is a
// tablet chunk (type 1) living in the store's directory; Porpoise keeps
// table schemas in its catalog, not in file chunks, so none of type 0 is
// listed. A chunk's version is the transaction that created it.
func getChunksMeta(h Host, env funcs.Env, args []value.Value) (value.Value, error) {
	patterns, top, err := chunkArgs("getChunksMeta", funcs.Arg(args, 0), funcs.Arg(args, 1))
	if err != nil {
		return nil, err
	}
	rows, err := listChunks(h, patterns, "", top)
	if err != nil {
		return nil, err
	}
	n := len(rows)
	site := siteAlias(env)
	cols := struct {
		site, id, path, dfs, versionList *value.Vector
		typ, flag, version, state        *value.Vector
		size                             *value.Vector
		resolved                         []bool
	}{
		site: value.NewVector(value.String, 0, n), id: value.NewVector(value.String, 0, n),
		path: value.NewVector(value.String, 0, n), dfs: value.NewVector(value.String, 0, n),
		versionList: value.NewVector(value.String, 0, n), typ: value.NewVector(value.Int, 0, n),
		flag: value.NewVector(value.Int, 0, n), version: value.NewVector(value.Long, 0, n),
		state: value.NewVector(value.Int, 0, n), size: value.NewVector(value.Long, 0, n),
	}
	dir := h.DataDir()
	for _, r := range rows {
		cols.site.Str = append(cols.site.Str, site)
		cols.id.Str = append(cols.id.Str, chunkUUID(r.info.ID))
		cols.path.Str = append(cols.path.Str, dir)
		cols.dfs.Str = append(cols.dfs.Str, dfsPath(r.info.ID))
		cols.typ.I32 = append(cols.typ.I32, 1)
		cols.flag.I32 = append(cols.flag.I32, 0)
		cols.size.I64 = append(cols.size.I64, 0) // tablet chunks: see getTabletsMeta
		cols.version.I64 = append(cols.version.I64, r.info.Version)
		cols.state.I32 = append(cols.state.I32, 0)
		cols.versionList.Str = append(cols.versionList.Str, fmt.Sprintf("cid : %d,%s : %d;", r.info.Version, r.t.TableName(), r.info.Rows))
		cols.resolved = append(cols.resolved, false)
	}
	return value.NewTable(
		[]string{"site", "chunkId", "path", "dfsPath", "type", "flag", "size", "version", "state", "versionList", "resolved"},
		[]*value.Vector{cols.site, cols.id, cols.path, cols.dfs, cols.typ, cols.flag, cols.size, cols.version, cols.state, cols.versionList, boolVector(cols.resolved)}), nil
}

// getTabletsMeta lists the data chunks of the local DFS tables with
// their row counts and, when asked, their estimated disk usage.
func getTabletsMeta(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	patterns, top, err := chunkArgs("getTabletsMeta", funcs.Arg(args, 0), funcs.Arg(args, 3))
	if err != nil {
		return nil, err
	}
	table := ""
	if a := funcs.Arg(args, 1); a != nil && !isNull(a) {
		var ok bool
		if table, ok = funcs.StringArg(a); !ok {
			return nil, ddberr.Errorf("The argument [tableName] of getTabletsMeta must be a string.")
		}
	}
	withDisk, err := funcs.BoolArg("getTabletsMeta", "diskUsage", funcs.Arg(args, 2), false)
	if err != nil {
		return nil, err
	}
	rows, err := listChunks(h, patterns, table, top)
	if err != nil {
		return nil, err
	}
	n := len(rows)
	cols := funcs.NewColumns(n, value.String, value.String, value.String, value.String, value.Long, value.Long, value.String, value.String, value.Long)
	id, path, dp, tn, version, rowNum, cids, latest, disk := cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7], cols[8]
	dir := h.DataDir()
	store := h.Catalog().Store()
	for _, r := range rows {
		id.Str = append(id.Str, chunkUUID(r.info.ID))
		path.Str = append(path.Str, dir)
		dp.Str = append(dp.Str, dfsPath(r.info.ID))
		tn.Str = append(tn.Str, r.t.TableName())
		version.I64 = append(version.I64, r.info.Version)
		rowNum.I64 = append(rowNum.I64, r.info.Rows)
		cids.Str = append(cids.Str, fmt.Sprintf("[%d]", r.info.Version))
		latest.Str = append(latest.Str, fmt.Sprintf("%s_%d", r.t.TableName(), r.info.Version))
		if !withDisk {
			disk.I64 = append(disk.I64, value.NullInt64)
			continue
		}
		u, err := store.ChunkDiskUsage(r.info.ID)
		if err != nil {
			return nil, err
		}
		disk.I64 = append(disk.I64, int64(u))
	}
	return value.NewTable(
		[]string{"chunkId", "path", "dfsPath", "tableName", "version", "rowNum", "createCids", "latestPhysicalDir", "diskUsage"}, cols), nil
}

// compaction is one triggerTSDBCompaction or triggerPKEYCompaction task.
type compaction struct {
	level                   int
	engine                  string // "PKEY" for triggerPKEYCompaction's
	levels, files           string // triggerPKEYCompaction's: the files compacted and their levels
	chunkID, table          string
	received, start, finish time.Time
	err                     string
}

// triggerTSDBCompaction compacts the level files holding a chunk's keys
// into the bottom level (Pebble's manual compaction of the chunk's key
// range), synchronously, and records the task.
func triggerTSDBCompaction(h Host, env funcs.Env, args []value.Value) (value.Value, error) {
	id, ok := funcs.StringArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The argument [chunkId] of triggerTSDBCompaction must be a string scalar.")
	}
	level, err := funcs.IntArg("triggerTSDBCompaction", "level", funcs.Arg(args, 1), 0)
	if err != nil {
		return nil, err
	}
	if level < -1 || level > 3 {
		return nil, ddberr.Errorf("The level of triggerTSDBCompaction must be an integer in [-1, 3].")
	}
	rows, err := listChunks(h, nil, "", -1)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if chunkUUID(r.info.ID) != id {
			continue
		}
		task := compaction{level: int(level), chunkID: id, table: r.t.TableName(), received: time.Now()}
		task.start = task.received
		if err := h.Catalog().Store().CompactChunk(env.Context(), r.info.ID); err != nil {
			task.err = err.Error()
		}
		task.finish = time.Now()
		recordCompaction(h, task)
		return nil, nil
	}
	return nil, ddberr.Errorf("The chunk [%s] does not exist.", id)
}

// getTSDBCompactionTaskStatus lists the compactions triggerTSDBCompaction
// ran (Pebble's own background compactions are not tasks one can name).
func getTSDBCompactionTaskStatus(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	count, err := funcs.IntArg("getTSDBCompactionTaskStatus", "count", funcs.Arg(args, 0), 0)
	if err != nil {
		return nil, err
	}
	if count < 0 {
		return nil, ddberr.Errorf("The argument [count] of getTSDBCompactionTaskStatus must be a non-negative integer.")
	}
	tasks := compactions(h, "", int(count))
	n := len(tasks)
	vol, chunk, tbl, files, msg := value.NewVector(value.String, 0, n), value.NewVector(value.String, 0, n), value.NewVector(value.String, 0, n), value.NewVector(value.String, 0, n), value.NewVector(value.String, 0, n)
	level := value.NewVector(value.Int, 0, n)
	force := make([]bool, 0, n)
	var recv, start, end []time.Time
	dir := h.DataDir()
	for _, t := range tasks {
		vol.Str = append(vol.Str, dir)
		level.I32 = append(level.I32, int32(t.level))
		chunk.Str = append(chunk.Str, t.chunkID)
		tbl.Str = append(tbl.Str, t.table)
		files.Str = append(files.Str, "")
		force = append(force, true)
		recv, start, end = append(recv, t.received), append(start, t.start), append(end, t.finish)
		msg.Str = append(msg.Str, t.err)
	}
	return compactionTable(vol, level, chunk, tbl, files, force, recv, start, end, msg), nil
}

func compactionTable(vol, level, chunk, tbl, files *value.Vector, force []bool, recv, start, end []time.Time, msg *value.Vector) *value.Table {
	return value.NewTable(
		[]string{"volume", "level", "chunkId", "tableName", "files", "force", "receivedTime", "startTime", "endTime", "errorMessage"},
		[]*value.Vector{vol, level, chunk, tbl, files, boolVector(force), wallclock.Timestamps(recv), wallclock.Timestamps(start), wallclock.Timestamps(end), msg})
}

// recordCompaction keeps a finished task for the status functions, the
// last 256 of them.
func recordCompaction(h Host, task compaction) {
	st := stateOf(h)
	st.mu.Lock()
	defer st.mu.Unlock()
	st.compactions = append(st.compactions, task)
	if len(st.compactions) > 256 {
		st.compactions = st.compactions[len(st.compactions)-256:]
	}
}

// compactions is the recorded tasks of one engine's trigger function
// (engine "" for triggerTSDBCompaction's), the last count of them when
// count > 0.
func compactions(h Host, engine string, count int) []compaction {
	st := stateOf(h)
	st.mu.Lock()
	var tasks []compaction
	for _, t := range st.compactions {
		if t.engine == engine {
			tasks = append(tasks, t)
		}
	}
	st.mu.Unlock()
	if count > 0 && count < len(tasks) {
		tasks = tasks[len(tasks)-count:]
	}
	return tasks
}

// getTransactionStatus lists the store's running transactions and the
// last ones that wrote data. elapsedTime is in milliseconds.
func getTransactionStatus(h Host, _ funcs.Env, _ []value.Value) (value.Value, error) {
	recs := h.Catalog().Store().Transactions()
	n := len(recs)
	tid, parts, elapsed := value.NewVector(value.Long, 0, n), value.NewVector(value.Int, 0, n), value.NewVector(value.Long, 0, n)
	typ, status := value.NewVector(value.String, 0, n), value.NewVector(value.String, 0, n)
	var starts, ends []time.Time
	now := time.Now()
	for _, r := range recs {
		tid.I64 = append(tid.I64, r.ID)
		starts, ends = append(starts, r.Start), append(ends, r.End)
		typ.Str = append(typ.Str, txnType(r.Kind))
		status.Str = append(status.Str, r.Status)
		parts.I32 = append(parts.I32, int32(r.Partitions))
		end := r.End
		if end.IsZero() {
			end = now
		}
		elapsed.I64 = append(elapsed.I64, end.Sub(r.Start).Milliseconds())
	}
	return value.NewTable(
		[]string{"tid", "startTime", "type", "status", "partitionCount", "endTime", "elapsedTime"},
		[]*value.Vector{tid, wallclock.Timestamps(starts), typ, status, parts, wallclock.Timestamps(ends), elapsed}), nil
}

func txnType(k storage.TxnKind) string {
	switch {
	case k == storage.TxnAppend:
		return "APPEND"
	case k&storage.TxnRewrite != 0:
		return "SQLUPDATE"
	}
	return "UNKNOWN"
}

// siteAlias is the node's alias: the server's when it told the engine
// one, else DolphinDB's single-node default.
func siteAlias(env funcs.Env) string {
	if se, ok := env.(funcs.SiteEnv); ok {
		if a := se.Site().Alias; a != "" {
			return a
		}
	}
	return funcs.DefaultAlias
}
