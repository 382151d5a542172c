package dfs

import (
	"context"
	"slices"
	"time"

	"github.com/porpoisedb/porpoise/audit"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Column changes of addColumn, dropColumns!, rename!, replaceColumn!
// and SQL's alter table. Storage keeps columns by schema position and reads a column a
// block lacks as NULL, so adding and renaming change only the catalog;
// dropping rewrites the chunks without the column. The schema slices are
// replaced, never changed in place, because scans hold the old ones.

// RenameColumn renames one column (rename! and alter table ... rename).
func (t *Table) RenameColumn(ctx context.Context, from, to string) (err error) {
	defer audit.Done(ctx, time.Now(), t.db.path, t.name, "RENAME_COLUMN", "colName=["+from+"], newColName=["+to+"]", &err)
	i, err := t.alterable(from)
	if err != nil {
		return err
	}
	if j := t.column(to); j >= 0 && j != i {
		return ddberr.Errorf("The column [%s] already exists in the table.", to)
	}
	t.db.mu.Lock()
	defer t.db.mu.Unlock()
	oldN, oldC := t.names, t.colComments
	t.names = append([]string(nil), oldN...)
	t.names[i] = to
	if c, ok := oldC[oldN[i]]; ok {
		t.colComments = make(map[string]string, len(oldC))
		for k, v := range oldC {
			if k != oldN[i] {
				t.colComments[k] = v
			}
		}
		t.colComments[to] = c
	}
	if err := t.db.cat.saveTable(t); err != nil {
		t.names, t.colComments = oldN, oldC
		return err
	}
	if !t.db.DFS() {
		t.mu.Lock()
		for path, m := range t.mem {
			names := append([]string(nil), m.Names...)
			names[i] = to
			t.mem[path] = value.NewTable(names, m.Cols)
		}
		t.mu.Unlock()
	}
	return nil
}

// DropColumn removes one column and its data (dropColumns! and alter
// table ... drop).
func (t *Table) DropColumn(ctx context.Context, name string) (err error) {
	defer audit.Done(ctx, time.Now(), t.db.path, t.name, "DROP_COLUMN", "columnName=["+name+"]", &err)
	i, err := t.alterable(name)
	if err != nil {
		return err
	}
	if len(t.names) == 1 {
		return ddberr.Errorf("Can't drop all the columns of a table.")
	}
	without := func(m *value.Table) *value.Table {
		names := append(append([]string(nil), m.Names[:i]...), m.Names[i+1:]...)
		cols := append(append([]*value.Vector(nil), m.Cols[:i]...), m.Cols[i+1:]...)
		return value.NewTable(names, cols)
	}
	t.db.mu.Lock()
	oldN, oldT, oldS, oldC := t.names, t.types, t.scales, t.colComments
	names := append(append([]string(nil), oldN[:i]...), oldN[i+1:]...)
	if t.db.DFS() {
		t.db.mu.Unlock()
		have, err := t.storedChunks()
		if err != nil {
			return err
		}
		var order []string
		for _, p := range t.paths(nil) {
			if have[p] {
				order = append(order, p)
				delete(have, p)
			}
		}
		_, err = t.writeChunks(ctx, order, nil, func(txn *storage.Txn, path string) (insert.Result, error) {
			cur, err := t.readChunk(path)
			if err != nil {
				return insert.Result{}, err
			}
			return insert.Result{}, txn.Replace(t.chunkID(path), names, without(cur).Cols, t.chunkOptions())
		})
		if err != nil {
			return err
		}
		t.db.mu.Lock()
	}
	defer t.db.mu.Unlock()
	t.names = names
	t.types = append(append([]value.Type(nil), oldT[:i]...), oldT[i+1:]...)
	t.scales = append(append([]int32(nil), oldS[:i]...), oldS[i+1:]...)
	if _, ok := oldC[oldN[i]]; ok {
		t.colComments = make(map[string]string, len(oldC))
		for k, v := range oldC {
			if k != oldN[i] {
				t.colComments[k] = v
			}
		}
	}
	t.partCols = shiftPositions(t.partCols, i)
	t.sortCols = shiftPositions(t.sortCols, i)
	if err := t.db.cat.saveTable(t); err != nil {
		return err
	}
	if !t.db.DFS() {
		t.mu.Lock()
		for path, m := range t.mem {
			t.mem[path] = without(m)
		}
		t.mu.Unlock()
	}
	return nil
}

// ReplaceColumn converts one column to type to with decimal scale scale
// (replaceColumn!, which on a DFS table changes only the type), rewriting
// every chunk with the converted values.
func (t *Table) ReplaceColumn(ctx context.Context, name string, to value.Type, scale int32) (err error) {
	start := time.Now()
	i, err := t.alterable(name)
	if err != nil {
		return err
	}
	if !to.Elem().IsDecimal() {
		scale = 0
	}
	from, fromScale := t.types[i], t.scales[i]
	defer audit.ReplacedColumn(ctx, start, t.db.path, t.name, name, from, fromScale, to, scale, &err)
	if !convertible(from, to) {
		return ddberr.Errorf("replaceColumn! can't convert the column [%s] from %s to %s.", name, from, to)
	}
	_, err = t.RewriteChunks(ctx, nil, func(m *value.Table) (*value.Table, int, error) {
		c, err := cast.Vector(m.Cols[i], to, scale)
		if err != nil {
			return nil, 0, err
		}
		cols := append([]*value.Vector(nil), m.Cols...)
		cols[i] = c
		return value.NewTable(m.Names, cols), m.Rows(), nil
	})
	if err != nil {
		return err
	}
	t.db.mu.Lock()
	defer t.db.mu.Unlock()
	oldT, oldS := t.types, t.scales
	t.types, t.scales = slices.Clone(oldT), slices.Clone(oldS)
	t.types[i], t.scales[i] = to, scale
	if err := t.db.cat.saveTable(t); err != nil {
		t.types, t.scales = oldT, oldS
		return err
	}
	return nil
}

// convertible reports whether replaceColumn! converts a DFS column of
// type from to type to (funcs/r/replaceColumn_.md): within a category
// but never to or from SYMBOL, between integral and floating types, and
// from integral, floating, literal and temporal types to STRING.
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
	case fc == tc && fc != value.CatMixed, number(fc) && number(tc):
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
	for _, p := range t.partCols {
		if p == i {
			return 0, ddberr.Errorf("The column [%s] to be modified cannot be partitioning column. RefId: S01065", t.names[i])
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
