package streaming

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/stream"
	"github.com/porpoisedb/porpoise/value"
)

// streamArg is a stream table argument of fn.
func streamArg(fn string, v value.Value) (*value.Table, *stream.Table, error) {
	p := stream.Of(v)
	if p == nil {
		return nil, nil, ddberr.Errorf("The table argument of %s must be a stream table.", fn)
	}
	return v.(*value.Table), p, nil
}

// streamFn is a function of a stream table, its first argument t (p
// its stream side).
type streamFn func(h Host, t *value.Table, p *stream.Table, args []value.Value) (value.Value, error)

// onStream is fn, which f runs once its first argument is known to be a
// stream table.
func onStream(fn string, f streamFn) funcs.Impl {
	return funcs.WithHost(func(h Host, _ funcs.Env, args []value.Value) (value.Value, error) {
		t, p, err := streamArg(fn, args[0])
		if err != nil {
			return nil, err
		}
		return f(h, t, p, args)
	})
}

// cacheSizeArg is the optional cacheSize at i, 0 when absent.
func cacheSizeArg(fn string, args []value.Value, i int) (int, error) {
	n, err := funcs.IntArg(fn, "cacheSize", funcs.Arg(args, i), 0)
	if err != nil || n < 0 {
		return 0, ddberr.Errorf("The cacheSize of %s must be a positive integer.", fn)
	}
	return int(n), nil
}

// timePurgeArg reads the cachePurgeTimeColumn, cachePurgeInterval and
// cacheRetentionTime arguments of fn at i, i+1 and i+2: nil when no
// column is given.
func timePurgeArg(fn string, t *value.Table, args []value.Value, i int) (*stream.TimePurge, error) {
	if funcs.NullOrAbsent(funcs.Arg(args, i)) {
		if !funcs.NullOrAbsent(funcs.Arg(args, i+1)) || !funcs.NullOrAbsent(funcs.Arg(args, i+2)) {
			return nil, ddberr.Errorf("The cachePurgeInterval and cacheRetentionTime of %s must be positive durations of a fixed length (ns to w).", fn)
		}
		return nil, nil
	}
	col, ok := funcs.StringArg(funcs.Arg(args, i))
	if !ok {
		return nil, ddberr.Errorf("The cachePurgeTimeColumn of %s must name a temporal column of the table.", fn)
	}
	return stream.NewTimePurge(fn, t, col, funcs.Arg(args, i+1), funcs.Arg(args, i+2))
}

// persistOpts are the options a persisting function reads: the rows
// kept in memory, the minutes persisted files are kept, the rows loaded
// back at start and the purge by time (nil: none).
type persistOpts struct {
	cache, retention, preCache int
	timePurge                  *stream.TimePurge
	asynWrite, compress        bool
}

// persistArgs reads the asynWrite and compress (the two before
// cacheAt), cacheSize (and the retentionMinutes after it), preCache and
// time-purge arguments of the persisting function fn, which stand at
// cacheAt, preAt and purgeAt.
func persistArgs(fn string, t *value.Table, args []value.Value, cacheAt, preAt, purgeAt int) (o persistOpts, err error) {
	if o.asynWrite, err = optionalBool(fn, "asynWrite", funcs.Arg(args, cacheAt-2)); err != nil {
		return o, err
	}
	if o.compress, err = optionalBool(fn, "compress", funcs.Arg(args, cacheAt-1)); err != nil {
		return o, err
	}
	if o.cache, err = cacheSizeArg(fn, args, cacheAt); err != nil {
		return o, err
	}
	pre, err := funcs.IntArg(fn, "preCache", funcs.Arg(args, preAt), 0)
	if err != nil {
		return o, err
	}
	o.preCache = int(pre)
	if o.timePurge, err = timePurgeArg(fn, t, args, purgeAt); err != nil {
		return o, err
	}
	o.retention, err = retentionArg(fn, args, cacheAt+1)
	return o, err
}

// persist persists the shared stream table t under name, loading rows
// an earlier run persisted, with the options o.
func persist(h Host, t *value.Table, p *stream.Table, name string, o persistOpts) error {
	t.Mu.Lock()
	defer t.Mu.Unlock()
	if err := registry(h).EnablePersistence(t, name, o.preCache); err != nil {
		return err
	}
	p.SetCacheSize(t, o.cache)
	p.SetRetention(o.retention)
	p.SetWriteOptions(o.asynWrite, o.compress)
	if o.timePurge != nil {
		p.SetTimePurge(o.timePurge)
	}
	return nil
}

// optionalBool is a boolean option defaulting to true.
func optionalBool(fn, param string, v value.Value) (bool, error) {
	if funcs.NullOrAbsent(v) {
		return true, nil
	}
	return funcs.BoolArg(fn, param, v, true)
}

// enableTablePersistence(table, [asynWrite], [compress], [cacheSize],
// [retentionMinutes], [flushMode], [cachePurgeTimeColumn],
// [cachePurgeInterval], [cacheRetentionTime], [preCache]): writes are
// always synchronous and kept whole.
func enableTablePersistence(h Host, t *value.Table, p *stream.Table, args []value.Value) (value.Value, error) {
	if t.Shared == "" {
		return nil, ddberr.Errorf("The table to persist must be a shared stream table.")
	}
	o, err := persistArgs("enableTablePersistence", t, args, 3, 9, 6)
	if err != nil {
		return nil, err
	}
	return nil, persist(h, t, p, t.Shared, o)
}

// enableTableShareAndPersistence(table, tableName, [asynWrite],
// [compress], [cacheSize], [retentionMinutes], [flushMode], [preCache],
// ...): share, then persist, loading what an earlier run persisted.
func enableTableShareAndPersistence(h Host, t *value.Table, p *stream.Table, args []value.Value) (value.Value, error) {
	name, ok := funcs.StringArg(args[1])
	if !ok {
		return nil, ddberr.Errorf("The tableName of %s must be a string.", "enableTableShareAndPersistence")
	}
	o, err := persistArgs("enableTableShareAndPersistence", t, args, 4, 7, 8)
	if err != nil {
		return nil, err
	}
	if !registry(h).CanPersist() {
		return nil, stream.ErrNoPersistenceDir
	}
	if _, taken := h.Shared(name); taken {
		return nil, h.Share(t, name, false) // DolphinDB's text for a name in use
	}
	if err := persist(h, t, p, name, o); err != nil {
		return nil, err
	}
	return nil, h.Share(t, name, false)
}

// disableTablePersistence(table).
func disableTablePersistence(h Host, t *value.Table, _ *stream.Table, args []value.Value) (value.Value, error) {
	registry(h).DisablePersistence(t)
	return nil, nil
}

// clearTablePersistence(table) stops persisting the table and deletes
// its files.
func clearTablePersistence(h Host, t *value.Table, _ *stream.Table, args []value.Value) (value.Value, error) {
	return nil, registry(h).ClearPersistence(t, t.Shared)
}

// enableTableCachePurge(table, [cacheSize], [cachePurgeTimeColumn],
// [cachePurgeInterval], [cacheRetentionTime]) purges a stream table's
// rows in memory by their number, by time, or both.
func enableTableCachePurge(_ funcs.Env, args []value.Value) (value.Value, error) {
	t, p, err := streamArg("enableTableCachePurge", args[0])
	if err != nil {
		return nil, err
	}
	return nil, cachePurge(t, p, "enableTableCachePurge", args, 1)
}

// cachePurge sets the purge fn's arguments from i on (cacheSize, then
// the time purge's three) give.
func cachePurge(t *value.Table, p *stream.Table, fn string, args []value.Value, i int) error {
	tp, err := timePurgeArg(fn, t, args, i+1)
	if err != nil {
		return err
	}
	n, err := cacheSizeArg(fn, args, i)
	if err != nil {
		return err
	}
	if n == 0 && tp == nil {
		return ddberr.Errorf("The cacheSize of %s must be a positive integer.", fn)
	}
	t.Mu.Lock()
	defer t.Mu.Unlock()
	if n > 0 {
		p.SetCacheSize(t, n)
	}
	if tp != nil {
		p.SetTimePurge(tp)
	}
	return nil
}

// enableTableShareAndCachePurge(table, tableName, [cacheSize], ...).
func enableTableShareAndCachePurge(h Host, t *value.Table, p *stream.Table, args []value.Value) (value.Value, error) {
	name, ok := funcs.StringArg(args[1])
	if !ok {
		return nil, ddberr.Errorf("The tableName of %s must be a string.", "enableTableShareAndCachePurge")
	}
	if err := cachePurge(t, p, "enableTableShareAndCachePurge", args, 2); err != nil {
		return nil, err
	}
	return nil, h.Share(t, name, false)
}

// getStreamTableCacheOffset(table): the offset of the first row still in
// memory.
func getStreamTableCacheOffset(_ funcs.Env, args []value.Value) (value.Value, error) {
	_, p, err := streamArg("getStreamTableCacheOffset", args[0])
	if err != nil {
		return nil, err
	}
	return value.NewLong(p.InMemory()), nil
}
