package imoltp

import (
	"slices"

	"github.com/porpoisedb/porpoise/query/rowkeep"
	"github.com/porpoisedb/porpoise/query/updatecol"
	"github.com/porpoisedb/porpoise/value"
)

// An update or a delete reaches the table with the rows it changed
// (insert.RowWriter): the indexes take out and put in those rows' keys
// alone, and the redo record holds those rows alone, where rebuilding
// every index and logging the whole table would cost the table's size
// for a one-row change.

// rewriteAll makes updates and deletes rebuild the indexes and log the
// whole table, as before they told the table their rows; the benchmark
// compares the two.
var rewriteAll bool

// Updated implements insert.RowWriter: the keys of the indexes over the
// columns set move to the rows' new values; when a unique key would
// repeat, the rows get their committed values back and the statement
// fails. The caller holds t.Mu.
func (tb *table) Updated(t *value.Table, rows, cols []int) error {
	st := tb.db.st
	st.mu.Lock()
	defer st.mu.Unlock()
	if err := tb.live(); err != nil {
		return err
	}
	return tb.updated(t, rows, cols)
}

// updated is Updated under st.mu.
func (tb *table) updated(t *value.Table, rows, cols []int) error {
	if rewriteAll || len(t.Cols) != len(tb.saved.Cols) || !slices.Equal(t.Names, tb.saved.Names) {
		return tb.rewrite(t)
	}
	rows = slices.Compact(slices.Sorted(slices.Values(rows)))
	if len(rows) == 0 {
		return nil
	}
	type move struct {
		ix       *index
		old, new []string
	}
	var moves []move
	var ids map[int64]bool
	for _, ix := range tb.indexes {
		if !touches(ix.cols, cols) {
			continue
		}
		old, err := keysAt(tb.saved, ix.cols, rows)
		if err != nil {
			return tb.undoUpdate(t, rows, cols, err)
		}
		nw, err := keysAt(t, ix.cols, rows)
		if err != nil {
			return tb.undoUpdate(t, rows, cols, err)
		}
		if ix.unique {
			if ids == nil {
				ids = make(map[int64]bool, len(rows))
				for _, r := range rows {
					ids[tb.ids[r]] = true
				}
			}
			// a new key repeats when a row outside the update holds it,
			// or two updated rows take it
			seen := make(map[string]struct{}, len(nw))
			for i, k := range nw {
				_, again := seen[k]
				if again || ix.holder(k, ids) {
					return tb.undoUpdate(t, rows, cols, tb.duplicate(t, ix, rows[i]))
				}
				seen[k] = struct{}{}
			}
		}
		moves = append(moves, move{ix, old, nw})
	}
	if err := tb.logChange(kindUpdate, positions(rows), t.Gather(rows)); err != nil {
		return tb.undoUpdate(t, rows, cols, err)
	}
	for _, m := range moves {
		for i, r := range rows {
			if m.old[i] != m.new[i] {
				m.ix.tree.Delete(entry{key: m.old[i], id: tb.ids[r]})
			}
		}
		for i, r := range rows {
			if m.old[i] != m.new[i] {
				m.ix.tree.Set(entry{key: m.new[i], id: tb.ids[r]})
			}
		}
	}
	tb.note(tb.saved, rows)
	tb.note(t, rows)
	for _, c := range cols {
		tb.saved.Cols[c] = updatecol.SetRows(tb.saved.Cols[c], rows, t.Cols[c], rows)
	}
	return nil
}

// undoUpdate gives the rows their committed values back and returns err.
func (tb *table) undoUpdate(t *value.Table, rows, cols []int, err error) error {
	for _, c := range cols {
		t.Cols[c] = updatecol.SetRows(t.Cols[c], rows, tb.saved.Cols[c], rows)
	}
	return err
}

// Deleted implements insert.RowWriter: the dropped rows' keys leave the
// indexes, whose other entries name rows by ids a delete doesn't
// change. The caller holds t.Mu.
func (tb *table) Deleted(t *value.Table, dropped []int) error {
	st := tb.db.st
	st.mu.Lock()
	defer st.mu.Unlock()
	if err := tb.live(); err != nil {
		return err
	}
	return tb.deleted(t, dropped)
}

// deleted is Deleted under st.mu.
func (tb *table) deleted(t *value.Table, dropped []int) error {
	if rewriteAll {
		return tb.rewrite(t)
	}
	if len(dropped) == 0 {
		return nil
	}
	keys := make([][]string, len(tb.indexes))
	for k, ix := range tb.indexes {
		var err error
		if keys[k], err = keysAt(tb.saved, ix.cols, dropped); err != nil {
			return tb.undoDelete(t, err)
		}
	}
	if err := tb.logChange(kindDelete, positions(dropped)); err != nil {
		return tb.undoDelete(t, err)
	}
	for k, ix := range tb.indexes {
		for i, r := range dropped {
			ix.tree.Delete(entry{key: keys[k][i], id: tb.ids[r]})
		}
	}
	tb.note(tb.saved, dropped)
	drop := rowkeep.Dropped(len(tb.ids), dropped)
	tb.ids = compact(tb.ids, drop)
	deleteRows(tb.saved, dropped, drop)
	return nil
}

// undoDelete gives t its committed rows back and returns err.
func (tb *table) undoDelete(t *value.Table, err error) error {
	back := value.DeepCopy(tb.saved).(*value.Table)
	t.Names, t.Cols = back.Names, back.Cols
	return err
}

// deleteRows takes the rows dropped (flagged by drop) out of t, in its
// own storage where it can.
func deleteRows(t *value.Table, dropped []int, drop []bool) {
	var keep []int
	for i, c := range t.Cols {
		if rowkeep.CompactInPlace(c, drop) {
			continue
		}
		if keep == nil {
			keep = rowkeep.Kept(len(drop), dropped)
		}
		t.Cols[i] = c.Gather(keep)
	}
}

// setRows writes the rows of img into the rows of t (a logged update).
func setRows(t, img *value.Table, rows []int) {
	src := value.Iota(len(rows))
	for i := range t.Cols {
		t.Cols[i] = updatecol.SetRows(t.Cols[i], rows, img.Cols[i], src)
	}
}

func compact(ids []int64, drop []bool) []int64 {
	n := 0
	for i, id := range ids {
		if !drop[i] {
			ids[n] = id
			n++
		}
	}
	return ids[:n]
}

// touches reports whether an index over the columns key has one of cols.
func touches(key, cols []int) bool {
	for _, c := range key {
		if slices.Contains(cols, c) {
			return true
		}
	}
	return false
}

// positions is rows as an INT vector, for a redo record.
func positions(rows []int) *value.Vector {
	v := make([]int32, len(rows))
	for i, r := range rows {
		v[i] = int32(r)
	}
	return value.NewInts(v)
}

// rowsOf reads positions back.
func rowsOf(v value.Value) ([]int, bool) {
	x, ok := v.(*value.Vector)
	if !ok || x.T != value.Int {
		return nil, false
	}
	rows := make([]int, len(x.I32))
	for i, r := range x.I32 {
		rows[i] = int(r)
	}
	return rows, true
}
