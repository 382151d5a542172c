package dfs

import (
	"context"
	"slices"
	"sync/atomic"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/dfs/iotdb"
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
)

// PartitionColumnsUpdatable reports whether an UPDATE may set t's
// partitioning columns: since 2.00.10 DolphinDB moves the rows of a DFS
// table of the OLAP engine, or of the TSDB engine keeping all duplicates,
// to the partitions their new values belong to (progr/sql/update.md).
func (t *Table) PartitionColumnsUpdatable() bool {
	if !t.db.DFS() || t.dimension {
		return false
	}
	return t.db.engineType == "OLAP" || (t.db.tsdb() && t.keep == storage.KeepAll)
}

// rewriteMoving is RewriteChunks for an update that sets a partitioning
// column, over the stored chunks at present (in lock order): each chunk's
// rewritten rows that now belong to another partition move there. One
// transaction holds it all, whatever the database's atomicity, so a row
// is never in two partitions or in none. The rewritten chunks are locked
// first (waiting in CHUNK mode, in path order); the partitions rows move
// into are known only then and are locked without waiting, so two
// updates can't each wait for a chunk the other holds.
func (t *Table) rewriteMoving(ctx context.Context, present []string, fn func(*value.Table) (*value.Table, int, error)) (int, error) {
	txn := t.db.cat.store.Begin()
	defer txn.Rollback() // a no-op once committed
	chunk := t.db.Atomic() == "CHUNK"
	type rewritten struct {
		path string
		rows *value.Table // the rows that stay
	}
	var (
		stay    []rewritten
		moved   *value.Table
		total   int
		retyped atomic.Bool
	)
	for _, path := range present {
		var err error
		if chunk {
			err = txn.LockWait(ctx, t.chunkID(path))
		} else {
			err = txn.Lock(t.chunkID(path))
		}
		if err != nil {
			return 0, err
		}
		cur, err := t.readChunk(path)
		if err != nil {
			return 0, err
		}
		next, n, err := fn(iotdb.Decoded(cur, t.iot.Col(cur.Names)))
		if err != nil {
			return 0, err
		}
		if next == nil {
			continue
		}
		if next, err = t.storeIoT(next, path, &retyped); err != nil {
			return 0, err
		}
		total += n
		keep, out, err := t.splitMoved(path, next)
		if err != nil {
			return 0, err
		}
		stay = append(stay, rewritten{path, next.Gather(keep)})
		if len(out) > 0 {
			moved = appendRows(moved, next.Gather(out))
		}
	}
	var r *partition.Routing
	if moved != nil {
		var g *growth
		var err error
		if r, g, err = t.route(moved); err != nil {
			return 0, err
		}
		defer g.abort()
		if slices.Contains(r.Part, -1) {
			// an append drops such rows (newValuePartitionPolicy=skip, a
			// value past a RANGE's end); an update keeps them by failing
			return 0, ddberr.Errorf("An update moves a row outside every partition of the table.")
		}
		for _, path := range r.Paths {
			if err := txn.Lock(t.chunkID(path)); err != nil {
				return 0, err
			}
		}
		names := t.sc().names
		for _, s := range stay {
			if err := txn.Replace(t.chunkID(s.path), names, s.rows.Cols, t.chunkOptions()); err != nil {
				return 0, err
			}
		}
		groups := r.Groups()
		order := slices.Clone(r.Paths)
		slices.Sort(order)
		for _, path := range order {
			if err := txn.Append(t.chunkID(path), names, moved.Gather(groups[path]).Cols, t.chunkOptions()); err != nil {
				return 0, err
			}
		}
		return total, t.saveIoT(retyped.Load(), t.commit(txn, g))
	}
	names := t.sc().names
	for _, s := range stay {
		if err := txn.Replace(t.chunkID(s.path), names, s.rows.Cols, t.chunkOptions()); err != nil {
			return 0, err
		}
	}
	return total, t.saveIoT(retyped.Load(), t.commit(txn, nil))
}

// splitMoved splits the rewritten rows of the chunk at path into those
// that still belong to it and those whose partitioning values now route
// them elsewhere (by position, each ascending).
func (t *Table) splitMoved(path string, rows *value.Table) (keep, out []int, err error) {
	cols, err := t.partitionKeys(rows)
	if err != nil {
		return nil, nil, err
	}
	t.db.mu.Lock()
	r, err := t.router().Route(cols)
	t.db.mu.Unlock()
	if err != nil {
		return nil, nil, err
	}
	for i, p := range r.Part {
		if p >= 0 && r.Paths[p] == path {
			keep = append(keep, i)
		} else {
			out = append(out, i)
		}
	}
	return keep, out, nil
}

// appendRows is acc with rows appended (rows itself when acc is nil).
func appendRows(acc, rows *value.Table) *value.Table {
	if acc == nil {
		return rows
	}
	for i, c := range rows.Cols {
		acc.Cols[i].AppendVector(c)
	}
	return acc
}
