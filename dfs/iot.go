package dfs

import (
	"strings"
	"sync/atomic"

	"github.com/porpoisedb/porpoise/dfs/iotdb"
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// timeLast reports whether d is partitioned by a composite scheme whose
// last level is temporal, as an IOTDB table's database must be
// (progr/sql/create.md).
func (d *Database) timeLast() bool {
	c, ok := d.domain.(*partition.Compo)
	if !ok {
		return false
	}
	levels := c.Levels()
	return value.Type(levels[len(levels)-1].SchemeType()).IsTemporal()
}

// fillIoT registers an append's points in the static tables and stores
// its IOTANY values (package iotdb); static tables that gained points are
// persisted with the table's catalog entry.
func (t *Table) fillIoT(full *value.Table, raw *value.Vector, r *partition.Routing) error {
	s := t.sc()
	return t.saveIoT(t.iot.Fill(full, raw, s.sortCols[:len(s.sortCols)-1], r.Part, r.Paths))
}

// saveIoT is err, or when changed the error of persisting the table's
// catalog entry with its static tables.
func (t *Table) saveIoT(changed bool, err error) error {
	if err != nil || !changed {
		return err
	}
	t.db.mu.Lock()
	defer t.db.mu.Unlock()
	return t.db.cat.saveTable(t)
}

// storeIoT encodes a rewritten chunk's IOTANY column (iotdb.Store),
// setting retyped when a point's type changed.
func (t *Table) storeIoT(next *value.Table, path string, retyped *atomic.Bool) (*value.Table, error) {
	if t.iot == nil {
		return next, nil
	}
	s := t.sc()
	out, changed, err := t.iot.Store(next, s.sortCols[:len(s.sortCols)-1], path)
	if changed {
		retyped.Store(true)
	}
	return out, err
}

// sortNames is t's sort columns' names.
func (t *Table) sortNames() []string {
	s := t.sc()
	keys := make([]string, len(s.sortCols))
	for i, c := range s.sortCols {
		keys[i] = s.names[c]
	}
	return keys
}

// CheckIoTUpdate refuses an update of the IOTANY column whose where
// clause names other than the first sort columns (iotdb.CheckUpdate).
func (t *Table) CheckIoTUpdate(stmt ast.Node) error {
	k := t.sortNames()
	return t.iot.CheckUpdate(stmt, k[:max(0, len(k)-1)])
}

// LastQuery is the optimization a latest-value query n on t reports under
// HINT_EXPLAIN (iotdb.LastQuery); ok is false for another query or a
// table of another engine.
func (t *Table) LastQuery(n *ast.SelectExpr) (method string, ok bool) {
	if t.iot == nil {
		return "", false
	}
	k := t.sortNames()
	return iotdb.LastQuery(n, k[:len(k)-1], k[len(k)-1], t.iot.LatestKeyCache)
}

// StaticTable is getLocalIOTDBStaticTable's result for t: the static
// tables of the partition dfsPath names (/<db name>/<levels but the
// last>), or of all its partitions for "".
func (t *Table) StaticTable(dfsPath string) (*value.Table, error) {
	if dfsPath != "" {
		dfsPath = strings.TrimPrefix(strings.TrimSuffix(dfsPath, "/"), "/"+t.db.Name())
	}
	s := t.sc()
	n := len(s.sortCols) - 1
	names, types := make([]string, n), make([]value.Type, n)
	for i, c := range s.sortCols[:n] {
		names[i], types[i] = s.names[c], s.types[c]
	}
	return t.iot.StaticTable(dfsPath, names, types)
}
