package dfs

import (
	"context"
	"maps"
	"slices"
	"time"

	"github.com/porpoisedb/porpoise/audit"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Column changes of addColumn, dropColumns!, rename!, replaceColumn!
// and SQL's alter table. Storage keeps columns by schema position and reads a column a
// block lacks as NULL, so adding and renaming change only the catalog;
// dropping and replacing rewrite the chunks. Each change is one step
// (alterSchema): writes to the table wait for it, the chunk rewrites and
// the new catalog entry commit in one storage transaction, and the new
// schema is published with readers held off, so a reader or a restart
// sees the table all old or all new.

// RenameColumn renames one column (rename! and alter table ... rename).
func (t *Table) RenameColumn(ctx context.Context, from, to string) (err error) {
	defer audit.Done(ctx, time.Now(), t.db.path, t.name, "RENAME_COLUMN", "colName=["+from+"], newColName=["+to+"]", &err)
	t.ddlMu.Lock()
	defer t.ddlMu.Unlock()
	i, err := t.alterable(from)
	if err != nil {
		return err
	}
	if j := t.column(to); j >= 0 && j != i {
		return ddberr.Errorf("The column [%s] already exists in the table.", to)
	}
	next := t.sc().clone()
	old := next.names[i]
	next.names[i] = to
	t.db.mu.Lock()
	comments := t.colComments
	t.db.mu.Unlock()
	if c, ok := comments[old]; ok {
		comments = maps.Clone(comments)
		delete(comments, old)
		comments[to] = c
	}
	return t.alterSchema(ctx, next, comments, func(m *value.Table) (*value.Table, error) {
		names := slices.Clone(m.Names)
		names[i] = to
		return value.NewTable(names, m.Cols), nil
	}, false)
}

// DropColumn removes one column and its data (dropColumns! and alter
// table ... drop).
func (t *Table) DropColumn(ctx context.Context, name string) (err error) {
	defer audit.Done(ctx, time.Now(), t.db.path, t.name, "DROP_COLUMN", "columnName=["+name+"]", &err)
	t.ddlMu.Lock()
	defer t.ddlMu.Unlock()
	i, err := t.alterable(name)
	if err != nil {
		return err
	}
	cur := t.sc()
	if len(cur.names) == 1 {
		return ddberr.Errorf("Can't drop all the columns of a table.")
	}
	if slices.Contains(cur.keyCols, i) {
		return ddberr.Errorf("Can't drop a key column. RefId: S05015")
	}
	next := &colSchema{
		names:    slices.Delete(slices.Clone(cur.names), i, i+1),
		types:    slices.Delete(slices.Clone(cur.types), i, i+1),
		scales:   slices.Delete(slices.Clone(cur.scales), i, i+1),
		partCols: shiftPositions(cur.partCols, i),
		sortCols: shiftPositions(cur.sortCols, i),
		kind:     cur.kind,
		keyCols:  shiftPositions(cur.keyCols, i),
		compress: slices.Delete(slices.Clone(cur.compress), min(i, len(cur.compress)), min(i+1, len(cur.compress))),
	}
	t.db.mu.Lock()
	comments := t.colComments
	t.db.mu.Unlock()
	if _, ok := comments[cur.names[i]]; ok {
		comments = maps.Clone(comments)
		delete(comments, cur.names[i])
	}
	without := func(m *value.Table) (*value.Table, error) {
		return value.NewTable(slices.Delete(slices.Clone(m.Names), i, i+1), slices.Delete(slices.Clone(m.Cols), i, i+1)), nil
	}
	return t.alterSchema(ctx, next, comments, without, true)
}

// ReplaceColumn converts one column to type to with decimal scale scale
// (replaceColumn!, which on a DFS table changes only the type), rewriting
// every chunk with the converted values.
func (t *Table) ReplaceColumn(ctx context.Context, name string, to value.Type, scale int32) (err error) {
	start := time.Now()
	t.ddlMu.Lock()
	defer t.ddlMu.Unlock()
	i, err := t.alterable(name)
	if err != nil {
		return err
	}
	if !to.Elem().IsDecimal() {
		scale = 0
	}
	cur := t.sc()
	from, fromScale := cur.types[i], cur.scales[i]
	defer audit.ReplacedColumn(ctx, start, t.db.path, t.name, name, from, fromScale, to, scale, &err)
	if !convertible(from, to) {
		return ddberr.Errorf("replaceColumn! can't convert the column [%s] from %s to %s.", name, from, to)
	}
	next := cur.clone()
	next.types[i], next.scales[i] = to, scale
	t.db.mu.Lock()
	comments := t.colComments
	t.db.mu.Unlock()
	rewrite := func(m *value.Table) (*value.Table, error) {
		c, err := cast.Vector(m.Cols[i], to, scale)
		if err != nil {
			return nil, err
		}
		cols := slices.Clone(m.Cols)
		cols[i] = c
		return value.NewTable(m.Names, cols), nil
	}
	return t.alterSchema(ctx, next, comments, rewrite, true)
}

// alterSchema makes next (with column comments comments) the table's
// schema as one step; the caller holds ddlMu, so no write runs. rewrite
// (nil: none) gives a partition's new rows from its rows under the
// current schema: every in-memory partition's, and, when stored, every
// stored DFS chunk's. The DFS rewrites and next's catalog entry are one
// storage transaction that locks every chunk (waiting for other holders,
// in path order), so a crash leaves all or nothing of them. The new
// schema is published with readers held off (schemaMu, or t.mu for
// in-memory partitions), after the commit; a failed rewrite changes
// nothing.
func (t *Table) alterSchema(ctx context.Context, next *colSchema, comments map[string]string, rewrite func(*value.Table) (*value.Table, error), stored bool) error {
	if !t.db.DFS() {
		if err := t.alterMemory(next, rewrite); err != nil {
			return err
		}
		t.publish(next, comments)
		return nil
	}
	cur := t.sc()
	txn := t.db.cat.store.Begin()
	defer txn.Rollback()
	if rewrite != nil && stored {
		paths, err := t.db.cat.store.ListChunks(t.db.path, t.name)
		if err != nil {
			return err
		}
		opts := storage.ChunkOptions{SortColumns: next.sortCols, KeepDuplicates: t.keep}
		for _, path := range paths {
			if err := txn.LockWait(ctx, t.chunkID(path)); err != nil {
				return err
			}
			old, err := t.readChunkAs(cur, nil, path)
			if err != nil {
				return err
			}
			m, err := rewrite(old)
			if err != nil {
				return err
			}
			if err := txn.Replace(t.chunkID(path), next.names, m.Cols, opts); err != nil {
				return err
			}
		}
	}
	t.db.mu.Lock()
	meta, err := t.metaWith(next, t.comment, comments)
	t.db.mu.Unlock()
	if err != nil {
		return err
	}
	if err := txn.PutTable(t.db.path, t.name, meta); err != nil {
		return err
	}
	t.schemaMu.Lock()
	defer t.schemaMu.Unlock()
	if err := txn.Commit(); err != nil {
		return err
	}
	t.publish(next, comments)
	return nil
}

// alterMemory rewrites the in-memory partitions and makes next the
// schema under t.mu, which readers of in-memory partitions hold while
// they take the schema and read.
func (t *Table) alterMemory(next *colSchema, rewrite func(*value.Table) (*value.Table, error)) error {
	if t.ext != nil {
		return ddberr.Errorf("The columns of a segmented table that contains external partitions can't be changed.")
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	parts := make(map[string]*value.Table, len(t.mem))
	for path, m := range t.mem {
		parts[path] = m
		if rewrite != nil {
			rows, err := rewrite(m)
			if err != nil {
				return err
			}
			parts[path] = next.keyed(nil, rows)
		}
	}
	t.mem = parts
	t.schema.Store(next)
	return nil
}

// publish makes next and comments the table's schema and column
// comments in memory.
func (t *Table) publish(next *colSchema, comments map[string]string) {
	t.schema.Store(next)
	t.db.mu.Lock()
	t.colComments = comments
	t.db.mu.Unlock()
}

// convertible reports whether replaceColumn! converts a DFS column of
// type from to type to (funcs/r/replaceColumn_.md): within a category
// but never to or from SYMBOL, between integral and floating types, from
// integral and floating types to DECIMAL (numeric to numeric: values are
// truncated to the new scale as $ truncates them, and a value beyond the
// DECIMAL's range fails the whole change with $'s error), and from
// integral, floating, literal and temporal types to STRING.
func convertible(from, to value.Type) bool {
	switch {
	case from == to:
		return true
	case from.IsArray() || to.IsArray() || from == value.Symbol || to == value.Symbol:
		return false
	}
	fc, tc := from.Category(), to.Category()
	number := func(c value.Category) bool { return c == value.CatIntegral || c == value.CatFloating }
	switch {
	case fc == tc && fc != value.CatMixed, number(fc) && (number(tc) || tc == value.CatDecimal):
		return true
	case to == value.String:
		return number(fc) || fc == value.CatLiteral || fc == value.CatTemporal
	}
	return false
}

// alterable is the position of the column a rename or drop may change:
// DolphinDB changes columns of OLAP tables only, and never a partitioning
// column.
func (t *Table) alterable(name string) (int, error) {
	if t.db.DFS() && t.db.engineType != "OLAP" {
		return 0, ddberr.Errorf("Column modifications are only supported for OLAP-based DFS tables. RefId: S01064")
	}
	i := t.column(name)
	if i < 0 {
		return 0, ddberr.Errorf("The column [%s] does not exist in table [%s].", name, t.name)
	}
	s := t.sc()
	for _, p := range s.partCols {
		if p == i {
			return 0, ddberr.Errorf("The column [%s] to be modified cannot be partitioning column. RefId: S01065", s.names[i])
		}
	}
	return i, nil
}

// shiftPositions renumbers schema positions after position i is removed.
func shiftPositions(pos []int, i int) []int {
	if pos == nil {
		return nil
	}
	out := make([]int, len(pos))
	for k, p := range pos {
		if p > i {
			p--
		}
		out[k] = p
	}
	return out
}
