package dfs

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"sync"

	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/storage"
)

// Catalog is one engine's set of dfs:// databases over one store.
type Catalog struct {
	cfg   Config
	store *storage.Store

	mu  sync.Mutex // guards dbs
	dbs map[string]*Database
}

// Open reads the databases and tables persisted in store.
func Open(store *storage.Store, cfg Config) (*Catalog, error) {
	c := &Catalog{cfg: cfg, store: store, dbs: map[string]*Database{}}
	if err := c.load(); err != nil {
		return nil, err
	}
	return c, nil
}

// Exists reports whether a dfs:// database exists.
func (c *Catalog) Exists(path string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.dbs[path]
	return ok
}

// Lookup returns the dfs:// database at path.
func (c *Catalog) Lookup(path string) (*Database, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	db, ok := c.dbs[path]
	if !ok {
		return nil, ddberr.Errorf("The database [%s] does not exist.", path)
	}
	return db, nil
}

// CreateDatabase returns a new database over dom: in memory when path is
// "", else persisted, or the existing database at path when its scheme is
// compatible. engineType is OLAP, TSDB or PKEY, atomic TRANS or CHUNK.
func (c *Catalog) CreateDatabase(path string, dom partition.Domain, engineType, atomic string) (*Database, error) {
	db := &Database{cat: c, path: path, domain: dom, engineType: engineType, atomic: atomic, tables: map[string]*Table{}}
	if path == "" {
		return db, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.dbs[path]; ok {
		if old.domain.Type() != dom.Type() || old.domain.Len() != dom.Len() && dom.Type() != partition.VALUE {
			return nil, ddberr.Errorf("It is not allowed to overwrite an existing database.")
		}
		return old, nil
	}
	if err := c.saveDatabase(db); err != nil {
		return nil, err
	}
	c.dbs[path] = db
	return db, nil
}

// DropDatabase removes a dfs:// database and everything in it.
func (c *Catalog) DropDatabase(path string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.dbs[path]; !ok {
		return ddberr.Errorf("The database [%s] does not exist.", path)
	}
	delete(c.dbs, path)
	return c.store.DropDatabase(path)
}
