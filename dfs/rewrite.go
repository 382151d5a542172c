package dfs

import (
	"context"
	"sort"

	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
)

// RewriteChunks applies fn to the rows of every chunk in the partitions
// keep admits (nil: all) and stores what it returns in the chunk's place;
// fn returns nil to leave a chunk as it is. DFS chunks are rewritten with
// storage Txn.Replace under the database's TRANS/CHUNK rules, so an
// UPDATE or DELETE is as atomic as an append.
func (t *Table) RewriteChunks(ctx context.Context, keep PartitionFilter, fn func(*value.Table) (*value.Table, error)) error {
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
	if !t.db.DFS() {
		t.mu.Lock()
		defer t.mu.Unlock()
		for _, path := range order {
			cur := t.mem[path]
			if cur == nil {
				continue
			}
			next, err := fn(cur)
			if err != nil {
				return err
			}
			if next != nil {
				t.mem[path] = next
			}
		}
		return nil
	}
	have, err := t.storedChunks()
	if err != nil {
		return err
	}
	var present []string
	for _, p := range order {
		if have[p] {
			present = append(present, p)
		}
	}
	_, err = t.writeChunks(ctx, present, nil, func(txn *storage.Txn, path string) (insert.Result, error) {
		cur, err := t.readChunk(path)
		if err != nil {
			return insert.Result{}, err
		}
		next, err := fn(cur)
		if err != nil || next == nil {
			return insert.Result{}, err
		}
		return insert.Result{}, txn.Replace(t.chunkID(path), t.names, next.Cols, t.chunkOptions())
	})
	return err
}

// ConvertColumn converts new values for column col (UPDATE's set
// expressions) by the table's append rules.
func (t *Table) ConvertColumn(v *value.Vector, col int) (*value.Vector, error) {
	return t.appendOptions().ConvertColumn(v, t.types[col], t.scales[col], t.names[col])
}

// PartitionColumns lists the schema positions of the partitioning
// columns, one per level (none for a dimension table).
func (t *Table) PartitionColumns() []int { return t.partCols }

// Database is the table's database.
func (t *Table) Database() *Database { return t.db }
