package dfs

import (
	"slices"

	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
)

// colSchema is a table's columns as one column change leaves them. It is
// never changed in place: a change (addColumn, dropColumns!, rename!,
// replaceColumn!) publishes a new one, so a reader holding one sees a
// consistent layout.
type colSchema struct {
	names    []string
	types    []value.Type
	scales   []int32
	partCols []int // one per domain level; nil for a dimension table
	sortCols []int // TSDB sort columns
	// kind and keyCols are the key of an in-memory table's partitions
	// when createPartitionedTable was given a keyed or indexed table: each
	// partition is then a table of that kind, keyed on those columns.
	kind    value.TableKind
	keyCols []int
	// compress is each column's compression method (createPartitionedTable's
	// compressMethods), "" or past its end for lz4, the default.
	compress []string
}

// sc is the table's current schema.
func (t *Table) sc() *colSchema { return t.schema.Load() }

// clone is a copy of s whose slices the caller may change.
func (s *colSchema) clone() *colSchema {
	return &colSchema{names: append([]string(nil), s.names...), types: append([]value.Type(nil), s.types...),
		scales: append([]int32(nil), s.scales...), partCols: append([]int(nil), s.partCols...), sortCols: append([]int(nil), s.sortCols...),
		kind: s.kind, keyCols: append([]int(nil), s.keyCols...), compress: append([]string(nil), s.compress...)}
}

// keyed makes the in-memory partition m a table of s's kind, keyed on
// s's key columns (a no-op for a plain schema). Every table that becomes
// a partition goes through it, so a partition of a keyed table always
// finds the keys it holds. old, when m is a rewrite of it, gives m its
// key index if the rewrite left every key in its row (an update of other
// columns: rebuilding would insert every key again); otherwise the index
// is rebuilt from m's rows.
func (s *colSchema) keyed(old, m *value.Table) *value.Table {
	if s.kind == value.PlainTable || m == nil {
		return m
	}
	m.Kind, m.KeyCols = s.kind, slices.Clone(s.keyCols)
	if old == nil || !m.KeepKeys(old) {
		m.RebuildKeys()
	}
	return m
}

// view is what a reader of a DFS table reads: the schema and a storage
// snapshot taken together, so a column change committed meanwhile is
// either in both or in neither. snap is nil for an in-memory table; the
// caller closes it.
type view struct {
	s    *colSchema
	snap *storage.Snapshot
}

// view takes the table's schema and, for a DFS table, a snapshot of its
// committed data.
func (t *Table) view() (view, error) {
	t.schemaMu.RLock()
	defer t.schemaMu.RUnlock()
	v := view{s: t.sc()}
	if !t.db.DFS() {
		return v, nil
	}
	var err error
	v.snap, err = t.db.cat.store.Snapshot()
	return v, err
}

// close releases the view's snapshot.
func (v view) close() {
	if v.snap != nil {
		_ = v.snap.Close()
	}
}
