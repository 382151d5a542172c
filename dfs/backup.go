package dfs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/porpoisedb/porpoise/ddberr"
	"sort"

	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
)

// What backup and restore (package dbfuncs) need from the catalog: the
// persisted catalog entries of a database and a table, so a backup can
// recreate them, and partition-at-a-time reads and replacements.

// DFSTable returns t. Values that embed a *Table (the engine's table
// value) expose the table through it.
func (t *Table) DFSTable() *Table { return t }

// MetaBlob is the database's catalog entry: its scheme, engine and
// atomicity, as the catalog persists it.
func (d *Database) MetaBlob() ([]byte, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.metaBlob(d.levels())
}

// MetaBlob is the table's catalog entry: its schema, partitioning and
// sort columns, as the catalog persists it.
func (t *Table) MetaBlob() ([]byte, error) {
	return t.metaWith(t.sc(), "", nil)
}

// decodeDBMeta rebuilds a database's domain from its catalog entry.
func decodeDBMeta(blob []byte) (dbMeta, partition.Domain, error) {
	var m dbMeta
	if err := json.Unmarshal(blob, &m); err != nil {
		return m, nil, fmt.Errorf("corrupt database meta: %w", err)
	}
	if len(m.Levels) == 0 {
		return m, nil, errors.New("corrupt database meta: no partition levels")
	}
	levels := make([]partition.Domain, len(m.Levels))
	for i, lm := range m.Levels {
		d, err := lm.Domain()
		if err != nil {
			return m, nil, err
		}
		levels[i] = d
	}
	if !m.Compo {
		return m, levels[0], nil
	}
	dom, err := partition.NewCompo(levels...)
	return m, dom, err
}

// CreateDatabaseFromMeta returns the dfs:// database at path, creating it
// from a catalog entry (MetaBlob) when it does not exist. An existing
// database must have the entry's engine and, level by level, its
// partition types and (except VALUE levels, which restores may extend)
// its schemes.
func (c *Catalog) CreateDatabaseFromMeta(path string, blob []byte) (*Database, error) {
	m, dom, err := decodeDBMeta(blob)
	if err != nil {
		return nil, err
	}
	if db, err := c.Lookup(path); err == nil {
		return db, db.compatible(m, dom)
	}
	return c.CreateDatabase(path, dom, m.Engine, m.Atomic)
}

// compatible checks that data partitioned by dom (engine m.Engine) can
// be restored into d, adding to d's VALUE levels the values dom has and
// d lacks.
func (d *Database) compatible(m dbMeta, dom partition.Domain) error {
	if d.engineType != m.Engine {
		return ddberr.Errorf("The engine of the backup (%s) differs from the engine of database %s (%s).", m.Engine, d.path, d.engineType)
	}
	var theirs []partition.Domain
	if c, ok := dom.(*partition.Compo); ok {
		theirs = c.Levels()
	} else {
		theirs = []partition.Domain{dom}
	}
	ours := d.Levels()
	mismatch := ddberr.Errorf("The partition scheme of the backup differs from that of database %s.", d.path)
	if len(ours) != len(theirs) {
		return mismatch
	}
	for l := range ours {
		if ours[l].Type() != theirs[l].Type() || ours[l].SchemeType() != theirs[l].SchemeType() {
			return mismatch
		}
		if v, ok := theirs[l].(*partition.Value); ok {
			if _, err := d.AddPartitions(partition.VALUE, v.Values(), l); err != nil {
				return err
			}
			continue
		}
		if ours[l].Len() != theirs[l].Len() {
			return mismatch
		}
	}
	return nil
}

// ProbeTableMeta builds, without adding it to d, the table named name
// that a catalog entry (Table.MetaBlob) describes, to compare schemas
// (the name is the one SameSchema's error reports).
func (d *Database) ProbeTableMeta(name string, blob []byte) (*Table, error) {
	return d.tableFromMeta(name, blob)
}

func (d *Database) tableFromMeta(name string, blob []byte) (*Table, error) {
	var tm tableMeta
	if err := json.Unmarshal(blob, &tm); err != nil {
		return nil, fmt.Errorf("corrupt table meta: %w", err)
	}
	if len(tm.Names) != len(tm.Types) || len(tm.Scales) != len(tm.Types) {
		return nil, errors.New("corrupt table meta: column lists differ in length")
	}
	t := &Table{db: d, name: name, keep: storage.KeepPolicy(tm.Keep), dimension: tm.Dimension, mem: map[string]*value.Table{}, textIdx: tm.TextIndexes}
	t.schema.Store(tm.schema())
	if !t.dimension && len(t.sc().partCols) != len(d.Levels()) {
		return nil, partition.ErrCompoColumns
	}
	for _, c := range append(append([]int(nil), t.sc().partCols...), t.sc().sortCols...) {
		if c < 0 || c >= len(t.sc().names) {
			return nil, errors.New("corrupt table meta: column position out of range")
		}
	}
	return t, nil
}

// CreateTableFromMeta returns the table called name in d, creating it
// from a catalog entry (Table.MetaBlob) when it does not exist; an
// existing table must have the entry's column names and types.
func (d *Database) CreateTableFromMeta(name string, blob []byte) (*Table, error) {
	t, err := d.tableFromMeta(name, blob)
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if old := d.tables[name]; old != nil {
		return old, t.SameSchema(old)
	}
	if err := d.cat.saveTable(t); err != nil {
		return nil, err
	}
	d.tables[name] = t
	return t, nil
}

// SameSchema reports, as an error, whether o has t's column names and
// types in t's order: restoring t's partitions into o needs it.
func (t *Table) SameSchema(o *Table) error {
	bad := ddberr.Errorf("The schema of table %s differs from the schema of table %s.", o.name, t.name)
	if len(t.sc().names) != len(o.sc().names) {
		return bad
	}
	for i := range t.sc().names {
		if t.sc().names[i] != o.sc().names[i] || t.sc().types[i] != o.sc().types[i] {
			return bad
		}
	}
	return nil
}

// PartitionPaths lists the paths of the partitions keep admits (nil:
// all), in partition order, whether they hold data or not.
func (t *Table) PartitionPaths(keep PartitionFilter) []string { return t.paths(keep) }

// StoredPaths lists the paths of the partitions that hold data, in
// partition order, each once.
func (t *Table) StoredPaths() ([]string, error) {
	var have map[string]bool
	if t.db.DFS() {
		var err error
		if have, err = t.storedChunks(); err != nil {
			return nil, err
		}
	} else if t.ext != nil {
		have = map[string]bool{}
		for _, p := range t.paths(nil) {
			have[p] = t.ext.HasRows(p)
		}
	} else {
		t.mu.RLock()
		have = make(map[string]bool, len(t.mem))
		for p, c := range t.mem {
			have[p] = c.Rows() > 0
		}
		t.mu.RUnlock()
	}
	var out []string
	seen := map[string]bool{}
	for _, p := range t.paths(nil) {
		if have[p] && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out, nil
}

// ReadPartition reads the rows of the partition at path, nil when it
// holds none.
func (t *Table) ReadPartition(path string) (*value.Table, error) {
	if t.ext != nil {
		s := t.sc()
		return t.ext.Read(path, value.Iota(len(s.names)), s.names), nil
	}
	if !t.db.DFS() {
		t.mu.RLock()
		defer t.mu.RUnlock()
		return t.mem[path], nil
	}
	v, err := t.view()
	if err != nil {
		return nil, err
	}
	defer v.close()
	_, ok, err := v.snap.ChunkMeta(t.chunkID(path))
	if err != nil || !ok {
		return nil, err
	}
	return t.readChunkAs(v.s, v.snap, path)
}

// SplitByPartition sends rows of t's schema to t's partitions: the paths
// in first-seen order and the rows of each. Rows outside the scheme are
// left out.
func (t *Table) SplitByPartition(rows *value.Table) ([]string, []*value.Table, error) {
	full, err := t.convert(rows)
	if err != nil {
		return nil, nil, err
	}
	if t.dimension {
		return []string{"/"}, []*value.Table{full}, nil
	}
	cols, err := t.partitionKeys(full)
	if err != nil {
		return nil, nil, err
	}
	t.db.mu.Lock()
	r := &partition.Router{Levels: t.db.levels(), IgnoreSpecial: t.db.cat.cfg.IgnoreSpecialCharacterInPartitionId, DropNulls: true}
	routing, err := r.Route(cols)
	t.db.mu.Unlock()
	if err != nil {
		return nil, nil, err
	}
	groups := routing.Groups()
	parts := make([]*value.Table, len(routing.Paths))
	for i, p := range routing.Paths {
		parts[i] = full.Gather(groups[p])
	}
	return routing.Paths, parts, nil
}

// ReplacePartitions makes each given partition hold exactly the given
// rows (a table of t's schema), or nothing when they are nil, in one write
// under the database's TRANS/CHUNK rules. Every path must be one of t's
// partitions.
func (t *Table) ReplacePartitions(ctx context.Context, parts map[string]*value.Table) error {
	t.ddlMu.RLock()
	defer t.ddlMu.RUnlock()
	valid := map[string]bool{}
	for _, p := range t.paths(nil) {
		valid[p] = true
	}
	order := make([]string, 0, len(parts))
	for p := range parts {
		if !valid[p] {
			return ddberr.Errorf("The partition %s does not exist in database %s.", p, t.db.path)
		}
		order = append(order, p)
	}
	sort.Strings(order)
	if !t.db.DFS() {
		sc := t.sc()
		t.mu.Lock()
		defer t.mu.Unlock()
		for _, p := range order {
			if parts[p] == nil || parts[p].Rows() == 0 {
				delete(t.mem, p)
			} else {
				t.mem[p] = sc.keyed(nil, value.NewTable(parts[p].Names, parts[p].Cols))
			}
		}
		return nil
	}
	var drops, writes []string
	for _, p := range order {
		if parts[p] == nil || parts[p].Rows() == 0 {
			drops = append(drops, p)
		} else {
			writes = append(writes, p)
		}
	}
	_, err := t.writeChunks(ctx, writes, nil, func(txn *storage.Txn, path string) (insert.Result, error) {
		full, err := t.convert(parts[path])
		if err != nil {
			return insert.Result{}, err
		}
		return insert.Result{}, txn.Replace(t.chunkID(path), t.sc().names, full.Cols, t.chunkOptions())
	})
	if err != nil {
		return err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, p := range drops {
		if err := t.db.cat.store.DropChunk(t.chunkID(p)); err != nil {
			return err
		}
	}
	return nil
}
