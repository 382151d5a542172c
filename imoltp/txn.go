package imoltp

import (
	"context"
	"slices"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/transaction"
	"github.com/porpoisedb/porpoise/value"
)

// A transaction block (progr/statements/transaction.md) works on a
// private copy of each IMOLTP table it uses, taken when the block starts
// (or when it loads the table): its statements see their own changes,
// other sessions see the table's committed rows until the block
// commits, and a rollback drops the copies. Commit writes the block's
// changes to the redo file between a begin and a commit record, in one
// write, so recovery keeps all of a block or none of it. Conflicts are
// found at commit, row by row (merge.go): a block that wrote a row, or
// a unique key, another transaction committed a write of since the
// block copied the table fails and changes nothing (the first committer
// wins, as under snapshot isolation); writes of other rows merge.

// txn is one block's IMOLTP work: a transaction.Participant.
type txn struct {
	st       *state
	copies   map[*table]*table // the block's copy of each table
	done     bool
	released bool
}

// Private implements transaction.Isolated: the block's copy of the
// table, made on first use; the table itself outside a block.
func (tb *table) Private(ctx context.Context) *value.Table {
	if tb.tx != nil {
		return tb.t
	}
	x, ok := transaction.Join(ctx, tb.db.st, func() transaction.Participant {
		return &txn{st: tb.db.st, copies: map[*table]*table{}}
	}).(*txn)
	if !ok {
		return tb.t
	}
	if c, ok := x.copies[tb]; ok {
		return c.t
	}
	c := tb.copyFor(x)
	x.copies[tb] = c
	return c.t
}

// copyFor is a private copy of tb for the block x. The indexes' trees
// are copied lazily; the rows are copied whole.
func (tb *table) copyFor(x *txn) *table {
	// the write lock: copying a B-tree marks it shared, a write
	tb.t.Mu.Lock()
	defer tb.t.Mu.Unlock()
	t := value.DeepCopy(tb.t).(*value.Table)
	st := tb.db.st
	st.mu.Lock()
	tb.copies++
	st.mu.Unlock()
	c := &table{db: tb.db, name: tb.name, t: t, version: tb.version, tx: x, base: tb,
		ids: slices.Clone(tb.ids), nextID: tb.nextID}
	c.saved = value.DeepCopy(t).(*value.Table)
	for _, ix := range tb.indexes {
		c.indexes = append(c.indexes, ix.clone())
	}
	t.Stream = c
	t.Shared = tb.t.Shared
	t.Handle = true
	return c
}

// Commit implements transaction.Participant: when no other transaction
// changed a table the block changed since it copied it, the block's
// redo records are written and its copies become the tables.
func (x *txn) Commit() error {
	if x.done {
		return nil
	}
	x.done = true
	var changed []*table
	for _, c := range x.copies {
		if c.dirty {
			changed = append(changed, c)
		}
	}
	if len(changed) == 0 {
		x.st.mu.Lock()
		defer x.st.mu.Unlock()
		x.release()
		return nil
	}
	// The tables' locks before the engine's, as statements take them
	// (Appended runs under t.Mu), in one order so commits can't
	// deadlock each other.
	slices.SortFunc(changed, func(a, b *table) int {
		return strings.Compare(a.db.path+"/"+a.name, b.db.path+"/"+b.name)
	})
	for _, c := range changed {
		c.base.t.Mu.Lock()
		defer c.base.t.Mu.Unlock()
	}
	st := x.st
	st.mu.Lock()
	defer st.mu.Unlock()
	defer x.release()
	for _, c := range changed {
		if err := c.base.live(); err != nil {
			return err
		}
		if c.conflicts() {
			return ddberr.Errorf("The transaction conflicts with another transaction that changed IMOLTP table [%s] after it began; it is rolled back.", c.base.t.Shared)
		}
	}
	// a table no other transaction changed meanwhile takes the copy
	// whole; another gets the copy's changes row by row (merge.go)
	var recs []byte
	plans := make([]mergePlan, len(changed))
	for i, c := range changed {
		if c.base.version == c.version {
			recs = append(recs, c.recs...)
			continue
		}
		p, r, err := c.plan()
		if err != nil {
			return err
		}
		plans[i], recs = p, append(recs, r...)
	}
	if err := st.logTxn(recs); err != nil {
		return err
	}
	for i, c := range changed {
		b := c.base
		if b.version != c.version {
			if err := c.merge(plans[i]); err != nil {
				return err
			}
		} else {
			b.t.Names, b.t.Cols = c.t.Names, c.t.Cols
			b.indexes, b.saved, b.ids, b.nextID = c.indexes, c.saved, c.ids, c.nextID
		}
		b.version++
		c.written()
		// the copy's rows are the table's now; a variable still holding
		// the copy sees an empty table, and a write through it fails
		// (logChange)
		cols := make([]*value.Vector, len(b.t.Cols))
		for i, col := range b.t.Cols {
			cols[i] = col.Like(0)
		}
		c.t.Cols = cols
	}
	return st.maybeCheckpoint()
}

// Rollback implements transaction.Participant: the copies are dropped.
func (x *txn) Rollback() {
	x.done = true
	x.st.mu.Lock()
	defer x.st.mu.Unlock()
	x.release()
}
