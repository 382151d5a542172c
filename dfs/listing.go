package dfs

import (
	"maps"
	"slices"
	"strings"
	"sync"
)

// Paths lists the dfs:// paths of the catalog's databases, sorted
// (getDFSDatabases).
func (c *Catalog) Paths() []string {
	return sortedKeys(&c.mu, c.dbs)
}

// TableNames lists the database's table names, sorted (getTables).
func (d *Database) TableNames() []string {
	return sortedKeys(&d.mu, d.tables)
}

// sortedKeys lists m's keys in order, reading m under mu.
func sortedKeys[V any](mu *sync.Mutex, m map[string]V) []string {
	mu.Lock()
	out := slices.AppendSeq(make([]string, 0, len(m)), maps.Keys(m))
	mu.Unlock()
	slices.Sort(out)
	return out
}

// HasChunk reports whether the table holds a stored chunk at the
// partition path (as "/20170807" or "20170807/AAPL"; a leading slash is
// optional). Partitions exist physically only once data is written to
// them, which is what existsPartition asks.
func (t *Table) HasChunk(path string) (bool, error) {
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	path = strings.TrimSuffix(path, "/")
	if t.db.path == "" {
		return false, nil
	}
	chunks, err := t.storedChunks()
	if err != nil {
		return false, err
	}
	return chunks[path], nil
}
