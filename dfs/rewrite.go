package dfs

import (
	"context"
	"sort"
	"sync/atomic"
	"time"

	"github.com/porpoisedb/porpoise/audit"
	"github.com/porpoisedb/porpoise/dfs/iotdb"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
)

// RewriteRows is RewriteChunks for SQL's update or delete stmt, which
// the audit log records with the number of rows fn changed. move is set
// when the update sets a partitioning column (PartitionColumnsUpdatable):
// rows fn gives new partitioning values then move to their partitions.
func (t *Table) RewriteRows(ctx context.Context, keep PartitionFilter, stmt ast.Node, move bool, fn func(*value.Table) (*value.Table, int, error)) (err error) {
	if err = t.CheckIoTUpdate(stmt); err != nil {
		return err
	}
	var n int
	defer audit.Rewrote(ctx, time.Now(), t.db.path, t.name, stmt, &n, &err)
	n, err = t.rewriteChunks(ctx, keep, move, fn)
	return err
}

// RewriteChunks applies fn to the rows of every chunk in the partitions
// keep admits (nil: all) and stores what it returns in the chunk's place;
// fn returns nil to leave a chunk as it is, else the chunk's new rows and
// how many rows it changed, which RewriteChunks sums. DFS chunks are
// rewritten with storage Txn.Replace under the database's TRANS/CHUNK
// rules, so an UPDATE or DELETE is as atomic as an append.
func (t *Table) RewriteChunks(ctx context.Context, keep PartitionFilter, fn func(*value.Table) (*value.Table, int, error)) (int, error) {
	return t.rewriteChunks(ctx, keep, false, fn)
}

func (t *Table) rewriteChunks(ctx context.Context, keep PartitionFilter, move bool, fn func(*value.Table) (*value.Table, int, error)) (int, error) {
	t.ddlMu.RLock()
	defer t.ddlMu.RUnlock()
	paths := t.paths(keep)
	seen := map[string]bool{}
	var order []string
	for _, p := range paths {
		if !seen[p] {
			seen[p] = true
			order = append(order, p)
		}
	}
	sort.Strings(order)
	if t.ext != nil {
		total := 0
		for _, path := range order {
			n, err := t.ext.Rewrite(path, t.sc().names, fn)
			total += n
			if err != nil {
				return total, err
			}
		}
		return total, nil
	}
	if !t.db.DFS() {
		sc := t.sc()
		t.mu.Lock()
		defer t.mu.Unlock()
		total := 0
		for _, path := range order {
			cur := t.mem[path]
			if cur == nil {
				continue
			}
			next, n, err := fn(cur)
			if err != nil {
				return total, err
			}
			if next != nil {
				t.mem[path] = sc.keyed(cur, next)
				total += n
			}
		}
		return total, nil
	}
	have, err := t.storedChunks()
	if err != nil {
		return 0, err
	}
	var present []string
	for _, p := range order {
		if have[p] {
			present = append(present, p)
		}
	}
	if move && t.PartitionColumnsUpdatable() {
		return t.rewriteMoving(ctx, present, fn)
	}
	var retyped atomic.Bool
	res, err := t.writeChunks(ctx, present, nil, func(txn *storage.Txn, path string) (insert.Result, error) {
		cur, err := t.readChunk(path)
		if err != nil {
			return insert.Result{}, err
		}
		next, n, err := fn(iotdb.Decoded(cur, t.iot.Col(cur.Names)))
		if err != nil || next == nil {
			return insert.Result{}, err
		}
		if next, err = t.storeIoT(next, path, &retyped); err != nil {
			return insert.Result{}, err
		}
		return insert.Result{Updated: n}, txn.Replace(t.chunkID(path), t.sc().names, next.Cols, t.chunkOptions())
	})
	return res.Updated, t.saveIoT(retyped.Load(), err)
}

// ConvertColumn converts new values for column col (UPDATE's set
// expressions) by the table's append rules.
func (t *Table) ConvertColumn(v *value.Vector, col int) (*value.Vector, error) {
	if col == t.iot.Col(t.sc().names) {
		return iotdb.Values(v)
	}
	return t.appendOptions().ConvertColumn(v, t.sc().types[col], t.sc().scales[col], t.sc().names[col])
}

// PartitionColumnNames names the partitioning columns, one per level
// (none for a dimension table). Names, not positions: a column change
// may commit between reading them and reading another schema.
func (t *Table) PartitionColumnNames() []string {
	s := t.sc()
	out := make([]string, len(s.partCols))
	for l, c := range s.partCols {
		out[l] = s.names[c]
	}
	return out
}

// KeyColumnNames names the key columns of an in-memory table whose
// partitions are keyed or indexed tables (none for others), which an
// UPDATE may not set.
func (t *Table) KeyColumnNames() []string {
	s := t.sc()
	out := make([]string, len(s.keyCols))
	for k, c := range s.keyCols {
		out[k] = s.names[c]
	}
	return out
}

// ExternalPartitions lists the user tables that are the partitions of a
// table made over a tuple of tables (nil for others), so a statement
// naming it takes their shared-object locks (sharedobj.Partitioned).
func (t *Table) ExternalPartitions() []*value.Table {
	if t.ext == nil {
		return nil
	}
	return t.ext.Tables()
}

// Database is the table's database.
func (t *Table) Database() *Database { return t.db }
