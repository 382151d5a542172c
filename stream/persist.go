package stream

import (
	"encoding/json"
	"fmt"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wire"
)

// A persisted stream table is a table of the reserved storage database
// persistDB, in the engine's store beside the dfs:// databases: its
// metadata blob is the empty table in DolphinDB's wire encoding (the
// schema, kept when the table has no rows) and its rows one unpartitioned
// chunk, to which every append commits a storage transaction before it
// returns, synced as DFS appends are. Subscription offsets are one system
// object. A dfs:// path always starts with "dfs://", so persistDB names
// no user's database.
const (
	persistDB  = "persistence"
	offsetsKey = "streamOffsets"
)

// persisted is where a stream table's appends are committed.
type persisted struct {
	store *storage.Store
	chunk storage.ChunkID
	err   error
	// rows are the rows committed, retention the retentionMinutes the
	// table was persisted with (getPersistenceMeta).
	rows      int64
	retention int
	// asynWrite and compress are the options it was persisted with:
	// appends are committed before they return and stored compressed
	// whatever they are, and getPersistenceMeta reports them as given.
	asynWrite, compress bool
}

// ErrNoPersistenceDir is DolphinDB's text for persistence on a node
// without a directory for it (an in-memory engine).
var ErrNoPersistenceDir = ddberr.Errorf("To enable table persistence, specify persistenceDir in server configuration and restart node. RefId: S03006")

func chunkOf(name string) storage.ChunkID { return storage.ChunkID{DB: persistDB, Table: name} }

// CanPersist reports whether the engine keeps stream tables on disk.
func (r *Registry) CanPersist() bool { return r.store != nil }

// Persisted reports whether a stream table called name is on disk.
func (r *Registry) Persisted(name string) bool {
	if r.store == nil {
		return false
	}
	_, ok, err := r.store.GetTable(persistDB, name)
	return ok && err == nil
}

// EnablePersistence makes the shared stream table t persist its rows
// under name: rows already on disk from an earlier run are loaded into
// it first (the last preCache of them when preCache > 0), and from then
// on every append is committed before it returns. The caller holds t's
// write lock.
func (r *Registry) EnablePersistence(t *value.Table, name string, preCache int) error {
	p := Of(t)
	if p == nil {
		return fmt.Errorf("stream: %s is not a stream table", name)
	}
	if r.store == nil {
		return ErrNoPersistenceDir
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.persist != nil {
		return ddberr.Errorf("The stream table %s is already persisted.", name)
	}
	w := &persisted{store: r.store, chunk: chunkOf(name)}
	meta, found, err := r.store.GetTable(persistDB, name)
	if err != nil {
		return err
	}
	if found {
		if err := w.load(meta, t, p, preCache); err != nil {
			return err
		}
	} else {
		if meta, err = wire.Marshal(t.EmptyLike(0), nil); err != nil {
			return err
		}
		if err := r.store.PutTable(persistDB, name, meta); err != nil {
			return err
		}
		w.write(t)
	}
	p.persist = w
	return w.err
}

// load replaces t's rows by the persisted ones, keeping the last
// preCache in memory (all when 0); meta is the schema they were
// persisted with.
func (w *persisted) load(meta []byte, t *value.Table, p *Table, preCache int) error {
	v, _, err := wire.DecodeBytes(meta)
	if err != nil {
		return err
	}
	if src, ok := v.(*value.Table); !ok || !sameSchema(t, src) {
		return ddberr.Errorf("Data insertion failed: Number of columns in the data to insert doesn't match the target table. If you’re trying to persist table, a table with the same name may exist on disk. Consider changing the table name, adjusting the data schema, or deleting the existing table from persistentDir and retrying. RefId: S03012")
	}
	idx, types := make([]int, len(t.Cols)), make([]value.Type, len(t.Cols))
	for i, c := range t.Cols {
		idx[i], types[i] = i, c.T
	}
	var cols []*value.Vector
	if _, ok, err := w.store.ChunkMeta(w.chunk); err != nil {
		return err
	} else if ok {
		if cols, err = w.store.ReadChunk(w.chunk, idx, types); err != nil {
			return err
		}
	}
	total := 0
	if len(cols) > 0 {
		total = cols[0].Len()
	}
	skip := 0
	if preCache > 0 && total > preCache {
		skip = total - preCache
	}
	p.purged.Store(int64(skip))
	w.rows = int64(total)
	for i := range t.Cols {
		t.Cols[i] = t.Cols[i].Slice(0, 0).Clone()
		if cols != nil {
			t.Cols[i].AppendVector(cols[i].Slice(skip, total))
		}
	}
	reindex(t)
	return nil
}

func sameSchema(a, b *value.Table) bool {
	if len(a.Cols) != len(b.Cols) {
		return false
	}
	for i, c := range a.Cols {
		if c.T != b.Cols[i].T {
			return false
		}
	}
	return true
}

// write commits t's rows as one storage transaction; the first error
// sticks, and the rows stay in memory.
func (w *persisted) write(t *value.Table) {
	if w.err != nil || t.Rows() == 0 {
		return
	}
	tx := w.store.BeginUnlisted() // getTransactionStatus lists database transactions
	if err := tx.Append(w.chunk, t.Names, t.Cols, storage.ChunkOptions{}); err != nil {
		tx.Rollback()
		w.err = err
		return
	}
	if w.err = tx.Commit(); w.err == nil {
		w.rows += int64(t.Rows())
	}
}

// PersistMeta is what getPersistenceMeta reports of a persisted table.
type PersistMeta struct {
	// OnDisk is the rows committed to disk.
	OnDisk int64
	// RetentionMinutes is the retentionMinutes it was persisted with.
	RetentionMinutes int
	// AsynWrite and Compress are the asynWrite and compress it was
	// persisted with.
	AsynWrite, Compress bool
}

// Meta is the persistence of the table, false when it is not persisted.
func (p *Table) Meta() (PersistMeta, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.persist == nil {
		return PersistMeta{}, false
	}
	return PersistMeta{OnDisk: p.persist.rows, RetentionMinutes: p.persist.retention, AsynWrite: p.persist.asynWrite, Compress: p.persist.compress}, true
}

// SetRetention records the retentionMinutes the table is persisted with;
// the rows on disk are kept whole whatever it is.
func (p *Table) SetRetention(minutes int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.persist != nil {
		p.persist.retention = minutes
	}
}

// SetWriteOptions records the asynWrite and compress the table is
// persisted with.
func (p *Table) SetWriteOptions(asynWrite, compress bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.persist != nil {
		p.persist.asynWrite, p.persist.compress = asynWrite, compress
	}
}

// DisablePersistence stops committing t's appends; what is on disk stays.
func (r *Registry) DisablePersistence(t *value.Table) {
	if p := Of(t); p != nil {
		p.mu.Lock()
		p.persist = nil
		p.mu.Unlock()
	}
}

// IsPersisted reports whether t's appends are written to disk.
func (p *Table) IsPersisted() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.persist != nil
}

// ClearPersistence stops persisting the table called name and deletes
// its rows and schema from disk.
func (r *Registry) ClearPersistence(t *value.Table, name string) error {
	if t != nil {
		r.DisablePersistence(t)
	}
	if r.store == nil {
		return nil
	}
	return r.store.DropTable(persistDB, name)
}

// loadOffsets reads the offsets subscriptions persisted.
func (r *Registry) loadOffsets() {
	if r.store == nil {
		return
	}
	if b, ok, err := r.store.GetSystemObject(offsetsKey); ok && err == nil {
		_ = json.Unmarshal(b, &r.offsets)
	}
}

// writeOffsetsLocked stores the offsets whole, in one synced write.
func (r *Registry) writeOffsetsLocked() {
	if r.store == nil {
		return
	}
	if b, err := json.Marshal(r.offsets); err == nil {
		_ = r.store.PutSystemObject(offsetsKey, b)
	}
}
