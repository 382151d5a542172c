package streaming

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/memlimit"
	"github.com/porpoisedb/porpoise/stream"
	"github.com/porpoisedb/porpoise/value"
)

// streamObject is a stream table a session sees, under the name it sees
// it by.
type streamObject struct {
	name   string
	shared bool
	t      *value.Table
	pub    *stream.Table
}

// streamObjects lists the session's stream tables and the shared ones,
// each once (a shared table under its shared name).
func streamObjects(h Host) []streamObject {
	var out []streamObject
	seen := map[*value.Table]int{}
	for _, o := range h.SessionObjects(true) {
		p := stream.Of(o.Value)
		if p == nil {
			continue
		}
		t := o.Value.(*value.Table)
		if i, ok := seen[t]; ok {
			if o.Shared {
				out[i].name, out[i].shared = o.Name, true
			}
			continue
		}
		seen[t] = len(out)
		out = append(out, streamObject{o.Name, o.Shared, t, p})
	}
	return out
}

// getStreamTables([option=0]): the stream tables, all (0), persisted (1)
// or not persisted (2).
func getStreamTables(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	option, err := funcs.IntArg("getStreamTables", "option", funcs.Arg(args, 0), 0)
	if err != nil {
		return nil, err
	}
	var (
		names                            []string
		shared, persisted, purge, loaded []bool
		columns                          []int32
		inMemory, total, memory          []int64
	)
	for _, o := range streamObjects(h) {
		p := o.pub.IsPersisted()
		if (option == 1 && !p) || (option == 2 && p) {
			continue
		}
		o.t.Mu.RLock()
		names = append(names, o.name)
		shared = append(shared, o.shared)
		persisted = append(persisted, p)
		purge = append(purge, !p && o.pub.CachePurged())
		loaded = append(loaded, true)
		columns = append(columns, int32(len(o.t.Cols)))
		inMemory = append(inMemory, int64(o.t.Rows()))
		total = append(total, o.pub.Total(o.t))
		memory = append(memory, memlimit.EstimateBytes(o.t))
		o.t.Mu.RUnlock()
	}
	return value.NewTable(
		[]string{"name", "shared", "persisted", "cachePurgeEnabled", "loaded", "columns", "rowsInMemory", "totalRows", "memoryUsed"},
		[]*value.Vector{value.NewStrings(value.String, names), bools(shared), bools(persisted), bools(purge), bools(loaded),
			value.NewInts(columns), value.NewLongs(inMemory), value.NewLongs(total), value.NewLongs(memory)}), nil
}

func bools(bs []bool) *value.Vector {
	v := value.NewVector(value.Bool, len(bs), len(bs))
	for i, b := range bs {
		if b {
			v.I8[i] = 1
		}
	}
	return v
}

// existsStreamTable(tableName): a stream table of the session, a shared
// one, or one persisted on disk.
func existsStreamTable(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
	name, ok := funcs.StringArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The tableName of %s must be a string.", "existsStreamTable")
	}
	for _, o := range streamObjects(h) {
		if o.name == name {
			return value.NewBool(true), nil
		}
	}
	return value.NewBool(registry(h).Persisted(name)), nil
}

// dropStreamTable(tableName, [force=false]) undefines a shared stream
// table without subscribers and deletes what it persisted; force
// deletes the files of a persisted table not loaded.
func dropStreamTable(h Host, env funcs.Env, args []value.Value) (value.Value, error) {
	name, ok := funcs.StringArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("The tableName of %s must be a string.", "dropStreamTable")
	}
	force, err := funcs.BoolArg("dropStreamTable", "force", funcs.Arg(args, 1), false)
	if err != nil {
		return nil, err
	}
	r := registry(h)
	t, p := sharedStream(h, name)
	if p == nil {
		if force && r.Persisted(name) {
			if !env.SessionInfo().Admin {
				return nil, ddberr.Errorf("Only admin can force delete a stream table from the disk.RefId: S03025")
			}
			return nil, r.ClearPersistence(nil, name)
		}
		// the caller's own stream table of that name, not shared, is
		// dropped too (db_distr_comp/drop_database_table.md: t =
		// streamTable(...); dropStreamTable("t"))
		if v, ok := env.Var(name); ok && stream.Of(v) != nil {
			if undef, ok := funcs.Lookup("undef"); ok {
				_, err := env.Call(undef, value.NewString(name))
				return nil, err
			}
		}
		return nil, ddberr.Errorf("Can't find stream table %s", name)
	}
	if p.Subscribers() > 0 {
		return nil, ddberr.Errorf("All subscriptions to the stream table %s must be canceled before it can be dropped. Call getStreamingStat().pubTables to get the status of all stream tables. RefId: S03003", name)
	}
	if err := h.Undefine(name, system.SharedObj); err != nil {
		return nil, err
	}
	if p.IsPersisted() {
		return nil, r.ClearPersistence(t, name)
	}
	return nil, nil
}

// setStreamTableFilterColumn(streamTable, columnName).
func setStreamTableFilterColumn(_ funcs.Env, args []value.Value) (value.Value, error) {
	t, p, err := streamArg("setStreamTableFilterColumn", args[0])
	if err != nil {
		return nil, err
	}
	col, ok := funcs.StringArg(args[1])
	if !ok || t.ColumnIndex(col) < 0 {
		return nil, ddberr.Errorf("The filter column %s doesn't exist in the table.", args[1].String())
	}
	p.SetFilterColumn(col)
	return nil, nil
}

// setStreamTableTimestamp(streamTable, columnName): the last column, of
// a temporal type, is filled with the time of each append from then on.
func setStreamTableTimestamp(_ funcs.Env, args []value.Value) (value.Value, error) {
	t, p, err := streamArg("setStreamTableTimestamp", args[0])
	if err != nil {
		return nil, err
	}
	col, ok := funcs.StringArg(args[1])
	if !ok {
		return nil, ddberr.Errorf("The argument [columnName] of setStreamTableTimestamp must be the name of the stream table's last column.")
	}
	return nil, p.SetTimestampColumn(t, col)
}

// getStreamTableTimestamp(streamTable): the name of the time column
// setStreamTableTimestamp set, "" when none; the Python API's
// MultithreadedTableWriter asks it which column to leave out of its rows
// (spec/mtw.md §2.3).
func getStreamTableTimestamp(_ funcs.Env, args []value.Value) (value.Value, error) {
	_, p, err := streamArg("getStreamTableTimestamp", args[0])
	if err != nil {
		return nil, err
	}
	return value.NewString(p.TimestampColumn()), nil
}

// getStreamTableFilterColumn(streamTable): the filter column, NULL when
// none is set.
func getStreamTableFilterColumn(_ funcs.Env, args []value.Value) (value.Value, error) {
	_, p, err := streamArg("getStreamTableFilterColumn", args[0])
	if err != nil {
		return nil, err
	}
	return value.NewString(p.FilterColumn()), nil
}
