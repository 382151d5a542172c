package dfs

import (
	"slices"
	"strings"
)

// Paths lists the dfs:// paths of the catalog's databases, sorted
// (getDFSDatabases).
func (c *Catalog) Paths() []string {
	c.mu.Lock()
	out := make([]string, 0, len(c.dbs))
	for p := range c.dbs {
		out = append(out, p)
	}
	c.mu.Unlock()
	slices.Sort(out)
	return out
}

// TableNames lists the database's table names, sorted (getTables).
func (d *Database) TableNames() []string {
	d.mu.Lock()
	out := make([]string, 0, len(d.tables))
	for n := range d.tables {
		out = append(out, n)
	}
	d.mu.Unlock()
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
