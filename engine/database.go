package engine

import (
	"fmt"
	"strings"
	"sync"

	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
)

// database is a database handle: a partitioning domain plus its tables,
// either in memory (database("")) or persisted as dfs://.
type database struct {
	eng        *Engine
	path       string // "" for an in-memory database
	domain     partition.Domain
	engineType string // OLAP or TSDB
	atomic     string // TRANS or CHUNK

	mu     sync.Mutex // guards domain growth and tables
	tables map[string]*ptable
}

func (d *database) Form() value.Form { return value.FormScalar }
func (d *database) Type() value.Type { return value.Handle }
func (d *database) String() string {
	if d.path == "" {
		return "DB[]"
	}
	return "DB[" + d.path + "]"
}

// dfs reports whether the database is persisted.
func (d *database) dfs() bool { return d.path != "" }

// name is the database's name in chunk paths (dfs://test -> test).
func (d *database) name() string { return strings.TrimPrefix(d.path, "dfs://") }

// levels lists the domain's levels (one unless COMPO).
func (d *database) levels() []partition.Domain {
	if c, ok := d.domain.(*partition.Compo); ok {
		return c.Levels()
	}
	return []partition.Domain{d.domain}
}

// chunkPath is a partition's path: each level's directory joined by "/".
func (d *database) chunkPath(levelIdx []int) string {
	var b strings.Builder
	ignore := d.eng.cfg.IgnoreSpecialCharacterInPartitionId
	for l, dom := range d.levels() {
		b.WriteByte('/')
		b.WriteString(dom.DirName(levelIdx[l], ignore))
	}
	return b.String()
}

// partitionPaths lists every partition's path in partition order (paths
// may repeat when special characters make two values share a directory),
// leaving out those keep rejects.
func (d *database) partitionPaths(keep PartitionFilter) []string {
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

// openStorage attaches the Pebble store that holds dfs:// databases.
func (e *Engine) openStorage() error {
	dir := e.opts.DataDir
	if dir == "" && !e.opts.InMemory {
		dir = "porpoise-data"
	}
	st, err := storage.Open(storage.Options{Dir: dir, InMemory: e.opts.InMemory})
	if err != nil {
		return fmt.Errorf("open storage: %w", err)
	}
	e.store = st
	e.dbs = map[string]*database{}
	return e.loadCatalog()
}

func (e *Engine) closeStorage() error {
	if e.store == nil {
		return nil
	}
	return e.store.Close()
}

// existsDatabase reports whether a dfs:// database exists.
func (e *Engine) existsDatabase(path string) bool {
	e.dbMu.Lock()
	defer e.dbMu.Unlock()
	_, ok := e.dbs[path]
	return ok
}

func (e *Engine) lookupDatabase(path string) (*database, error) {
	e.dbMu.Lock()
	defer e.dbMu.Unlock()
	db, ok := e.dbs[path]
	if !ok {
		return nil, fmt.Errorf("The database [%s] does not exist.", path)
	}
	return db, nil
}
