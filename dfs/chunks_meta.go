package dfs

import (
	"github.com/porpoisedb/porpoise/storage"
)

// ChunkInfo describes one stored chunk of a DFS table, for
// getChunksMeta, getTabletsMeta and the compaction functions.
type ChunkInfo struct {
	// ID names the chunk in storage.
	ID storage.ChunkID
	// Rows is the number of rows stored.
	Rows int64
	// Version is the id of the transaction that created the chunk.
	Version int64
}

// Chunks lists the table's stored chunks in partition-path order.
func (t *Table) Chunks() ([]ChunkInfo, error) {
	if !t.db.DFS() {
		return nil, nil
	}
	paths, err := t.db.cat.store.ListChunks(t.db.path, t.name)
	if err != nil {
		return nil, err
	}
	out := make([]ChunkInfo, 0, len(paths))
	for _, p := range paths {
		id := t.chunkID(p)
		m, ok, err := t.db.cat.store.ChunkMeta(id)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		v, err := t.db.cat.store.ChunkVersion(id)
		if err != nil {
			return nil, err
		}
		out = append(out, ChunkInfo{ID: id, Rows: m.Rows, Version: v})
	}
	return out, nil
}

// EngineType is the database's storage engine: OLAP, TSDB or PKEY.
func (d *Database) EngineType() string { return d.engineType }

// tsdb reports whether d's tables are TSDB's: IOTDB builds on TSDB.
func (d *Database) tsdb() bool { return d.engineType == "TSDB" || d.engineType == "IOTDB" }

// Atomic is the database's transaction atomicity: TRANS or CHUNK.
func (d *Database) Atomic() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.atomic
}

// SetAtomic changes the database's atomicity (setAtomicLevel), persisted
// with its scheme.
func (d *Database) SetAtomic(atomic string) error {
	d.growMu.Lock()
	defer d.growMu.Unlock()
	d.mu.Lock()
	defer d.mu.Unlock()
	old := d.atomic
	d.atomic = atomic
	if err := d.cat.saveDatabase(d); err != nil {
		d.atomic = old
		return err
	}
	return nil
}

// Store is the storage the catalog's DFS databases live in.
func (c *Catalog) Store() *storage.Store { return c.store }
