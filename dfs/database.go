package dfs

import (
	"strings"
	"sync"

	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/value"
)

// Database is a database handle: a partitioning domain plus its tables,
// either in memory (database("")) or persisted as dfs://.
type Database struct {
	cat        *Catalog
	path       string // "" for an in-memory database
	domain     partition.Domain
	engineType string // OLAP, TSDB, IOTDB or PKEY
	atomic     string // TRANS or CHUNK

	mu     sync.Mutex // guards domain growth and tables
	tables map[string]*Table
	// growMu serializes the changes of the domain that are persisted
	// (addValuePartitions, addRangePartitions, appends that add VALUE
	// partitions) from computing the new catalog to publishing it. It is
	// taken before mu.
	growMu sync.Mutex
}

// Form implements value.Value: a handle is a scalar.
func (d *Database) Form() value.Form { return value.FormScalar }

// Type implements value.Value.
func (d *Database) Type() value.Type { return value.Handle }

// String implements value.Value: DB[dfs://name], DB[] in memory.
func (d *Database) String() string {
	if d.path == "" {
		return "DB[]"
	}
	return "DB[" + d.path + "]"
}

// Path is the database's dfs:// path, "" in memory.
func (d *Database) Path() string { return d.path }

// Domain is the database's partitioning domain (COMPO for several levels).
func (d *Database) Domain() partition.Domain { return d.domain }

// DFS reports whether the database is persisted.
func (d *Database) DFS() bool { return d.path != "" }

// Name is the database's name in chunk paths (dfs://test -> test).
func (d *Database) Name() string { return strings.TrimPrefix(d.path, "dfs://") }

// Table returns the table called name, or nil.
func (d *Database) Table(name string) *Table {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.tables[name]
}

// levels lists the domain's levels (one unless COMPO).
func (d *Database) levels() []partition.Domain {
	if c, ok := d.domain.(*partition.Compo); ok {
		return c.Levels()
	}
	return []partition.Domain{d.domain}
}

// Levels lists the domain's levels (one unless COMPO), under the lock
// that guards their growth.
func (d *Database) Levels() []partition.Domain {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.levels()
}

// PartitionPaths lists the paths of the partitions keep admits.
func (d *Database) PartitionPaths(keep PartitionFilter) []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.partitionPaths(keep)
}

// chunkPath is a partition's path: each level's directory joined by "/".
func (d *Database) chunkPath(levelIdx []int) string {
	return partition.Path(d.levels(), levelIdx, d.cat.cfg.IgnoreSpecialCharacterInPartitionId)
}

// partitionPaths lists every partition's path in partition order (paths
// may repeat when special characters make two values share a directory),
// leaving out those keep rejects.
func (d *Database) partitionPaths(keep PartitionFilter) []string {
	levels := d.levels()
	var out []string
	idx := make([]int, len(levels))
	var walk func(l int)
	walk = func(l int) {
		if l == len(levels) {
			if keep == nil || keep(idx) {
				out = append(out, d.chunkPath(idx))
			}
			return
		}
		for i := 0; i < levels[l].Len(); i++ {
			idx[l] = i
			walk(l + 1)
		}
	}
	walk(0)
	return out
}
