package imoltp

import (
	"math"
	"slices"

	"github.com/porpoisedb/porpoise/query/rowkeep"
	"github.com/porpoisedb/porpoise/value"
)

// Conflicts are found row by row, as DolphinDB's write locks on tuples
// find them (db_distr_comp/db/imoltp.md): while a block has a private
// copy of a table, the table keeps, for each unique key (the primary key
// first) a change wrote, old or new, the version that change made; the
// copy keeps the unique keys its own changes wrote. A block conflicts
// with a transaction that committed since it took its copy only when
// they wrote a common unique key: the same row, or rows taking one
// unique key. A block that conflicts with none has its changes applied
// to the table as it is now, row by row, found by primary key; the rows
// no transaction wrote since can't then repeat a unique key.

// note keeps the unique keys of t's rows as written by the change under
// way: in a private copy always, in a table while copies of it are open.
// Callers hold st.mu; the table's version is the change's by then.
func (tb *table) note(t *value.Table, rows []int) {
	if (tb.tx == nil && tb.copies == 0) || tb.merging || len(rows) == 0 {
		return
	}
	v := tb.version
	if tb.tx != nil {
		v = 1
	}
	if tb.keys == nil {
		tb.keys = make([]map[string]uint64, len(tb.indexes))
	}
	for k, ix := range tb.indexes {
		if !ix.unique {
			continue
		}
		keys, err := keysAt(t, ix.cols, rows)
		if err != nil {
			continue
		}
		if tb.keys[k] == nil {
			tb.keys[k] = map[string]uint64{}
		}
		for _, key := range keys {
			tb.keys[k][key] = v
		}
	}
}

// noteAll marks every row written, by a change of the whole table.
func (tb *table) noteAll() {
	if tb.tx != nil {
		tb.all = 1
	} else if tb.copies > 0 && !tb.merging {
		tb.all = tb.version
	}
}

// conflicts reports whether a transaction committed a change to a row
// the copy c wrote since c was taken.
func (c *table) conflicts() bool {
	b := c.base
	if b.version == c.version {
		return false
	}
	if c.all != 0 || b.all > c.version {
		return true
	}
	for k, keys := range c.keys {
		if k >= len(b.keys) || b.keys[k] == nil {
			continue
		}
		for key := range keys {
			if b.keys[k][key] > c.version {
				return true
			}
		}
	}
	return false
}

// mergePlan is how a block's changes apply to the table as it is now:
// the table's rows upd take the copy's rows updFrom, its rows del go,
// and the copy's rows ins are appended, in that order.
type mergePlan struct {
	upd, updFrom, del, ins []int
}

// plan is the merge of the copy c into its table by the primary keys c
// wrote, and the redo records of it.
func (c *table) plan() (mergePlan, []byte, error) {
	b := c.base
	var p mergePlan
	var pk map[string]uint64
	if len(c.keys) > 0 {
		pk = c.keys[0]
	}
	type pair struct{ to, from int }
	var upd []pair
	for key := range pk {
		br, inBase := b.lookup(key)
		cr, inCopy := c.lookup(key)
		switch {
		case inBase && inCopy:
			upd = append(upd, pair{br, cr})
		case inBase:
			p.del = append(p.del, br)
		case inCopy:
			p.ins = append(p.ins, cr)
		}
	}
	slices.SortFunc(upd, func(a, b pair) int { return a.to - b.to })
	for _, u := range upd {
		p.upd, p.updFrom = append(p.upd, u.to), append(p.updFrom, u.from)
	}
	slices.Sort(p.del)
	slices.Sort(p.ins)
	var recs []byte
	if !b.db.st.redoOn() {
		return p, nil, nil
	}
	path, name := value.NewString(b.db.path), value.NewString(b.name)
	add := func(kind byte, vals ...value.Value) error {
		rec, err := encodeRecord(kind, append([]value.Value{path, name}, vals...)...)
		recs = append(recs, rec...)
		return err
	}
	if len(p.upd) > 0 {
		if err := add(kindUpdate, positions(p.upd), c.t.Gather(p.updFrom)); err != nil {
			return p, nil, err
		}
	}
	if len(p.del) > 0 {
		if err := add(kindDelete, positions(p.del)); err != nil {
			return p, nil, err
		}
	}
	if len(p.ins) > 0 {
		if err := add(kindAppend, c.t.Gather(p.ins)); err != nil {
			return p, nil, err
		}
	}
	return p, recs, nil
}

// lookup is the row whose primary key is key.
func (tb *table) lookup(key string) (int, bool) {
	row, found := 0, false
	tb.indexes[0].tree.Ascend(entry{key: key, id: math.MinInt64}, func(e entry) bool {
		if e.key == key {
			row, found = tb.row(e.id), true
		}
		return false
	})
	return row, found
}

// merge applies the plan p of the copy c to its table, whose records
// the commit logged. Callers hold the table's lock and st.mu.
func (c *table) merge(p mergePlan) error {
	b := c.base
	b.merging = true
	defer func() { b.merging = false }()
	if len(p.upd) > 0 {
		setRows(b.t, c.t.Gather(p.updFrom), p.upd)
		if err := b.updated(b.t, p.upd, value.Iota(len(b.t.Cols))); err != nil {
			return err
		}
	}
	if len(p.del) > 0 {
		// new columns: readers may hold the old ones
		keep := rowkeep.Kept(b.t.Rows(), p.del)
		for i, col := range b.t.Cols {
			b.t.Cols[i] = col.Gather(keep)
		}
		if err := b.deleted(b.t, p.del); err != nil {
			return err
		}
	}
	if len(p.ins) > 0 {
		from := b.t.Rows()
		img := c.t.Gather(p.ins)
		for i, col := range img.Cols {
			b.t.Cols[i].AppendVector(col)
		}
		if err := b.appended(b.t, from); err != nil {
			for _, col := range b.t.Cols {
				col.Truncate(from)
			}
			return err
		}
	}
	return nil
}

// written records the keys the copy c wrote in its table as written by
// the table's current version, for the blocks still open.
func (c *table) written() {
	b := c.base
	if b.copies <= 1 {
		return
	}
	if c.all != 0 {
		b.all = b.version
	}
	if b.keys == nil {
		b.keys = make([]map[string]uint64, len(b.indexes))
	}
	for k, keys := range c.keys {
		if len(keys) == 0 {
			continue
		}
		if b.keys[k] == nil {
			b.keys[k] = map[string]uint64{}
		}
		for key := range keys {
			b.keys[k][key] = b.version
		}
	}
}

// release ends the copies of the block x: a table no block has a copy
// of forgets the keys written. Callers hold st.mu.
func (x *txn) release() {
	if x.released {
		return
	}
	x.released = true
	for b := range x.copies {
		b.copies--
		if b.copies == 0 {
			b.keys, b.all = nil, 0
		}
	}
}
