package streaming

import (
	"path/filepath"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/stream"
	"github.com/porpoisedb/porpoise/value"
)

// defaultRetention is retentionMinutes when the persisting call leaves
// it out (funcs/e/enableTablePersistence.md).
const defaultRetention = 1440

// retentionArg is the optional retentionMinutes at i.
func retentionArg(fn string, args []value.Value, i int) (int, error) {
	v := funcs.Arg(args, i)
	if funcs.NullOrAbsent(v) {
		return defaultRetention, nil
	}
	n, err := funcs.PositiveIntArg(fn, "retentionMinutes", v, defaultRetention)
	return int(n), err
}

// getPersistenceMeta(table) is the persistence of a persisted shared
// stream table (funcs/g/getPersistenceMeta.md). asynWrite and compress
// are the options the table was persisted with (appends are committed
// to disk before they return, LZ4-compressed, whatever they are), so
// sizeOnDisk counts every committed row and hashValue is 0. No Raft group
// keeps the table: raftGroup and lastLogSeqNum are -1. Files are never
// aged out, so diskOffset is 0.
func getPersistenceMeta(h Host, t *value.Table, p *stream.Table, args []value.Value) (value.Value, error) {
	meta, ok := p.Meta()
	if !ok {
		return nil, ddberr.Errorf("The stream table %s is not persisted.", t.Shared)
	}
	t.Mu.RLock()
	inMem := int64(t.Rows())
	total := p.Total(t)
	t.Mu.RUnlock()
	d := value.NewDict(value.String, value.Any)
	put := func(k string, v value.Value) {
		d.Put(value.NewStrings(value.String, []string{k}), 0, value.NewTuple([]value.Value{v}), 0)
	}
	put("lastLogSeqNum", value.NewLong(-1))
	put("sizeInMemory", value.NewLong(inMem))
	put("asynWrite", value.NewBool(meta.AsynWrite))
	put("totalSize", value.NewLong(total))
	put("raftGroup", value.NewLong(-1))
	put("compress", value.NewBool(meta.Compress))
	put("memoryOffset", value.NewLong(total-inMem))
	put("sizeOnDisk", value.NewLong(meta.OnDisk))
	put("retentionMinutes", value.NewLong(int64(meta.RetentionMinutes)))
	put("persistenceDir", value.NewString(filepath.Join(h.DataDir(), "persistence", t.Shared)))
	put("hashValue", value.NewLong(0))
	put("diskOffset", value.NewLong(0))
	return d, nil
}
