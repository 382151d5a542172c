package engine

import (
	"errors"
	"fmt"
	"sort"

	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
)

// rewriteChunks applies fn to the rows of every chunk in the partitions
// keep admits (nil: all) and stores what it returns in the chunk's place;
// fn returns nil to leave a chunk as it is. DFS chunks are rewritten with
// storage Txn.Replace under the database's TRANS/CHUNK rules, so an
// UPDATE or DELETE is as atomic as an append.
func (t *ptable) rewriteChunks(s *Session, keep PartitionFilter, fn func(*value.Table) (*value.Table, error)) error {
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
	if !t.db.dfs() {
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
	_, err = t.writeChunks(s, present, func(txn *storage.Txn, path string) (insert.Result, error) {
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

// updatePartitioned runs UPDATE on a partitioned table, partition by
// partition (where-clauses and set expressions see one partition's rows,
// as DolphinDB evaluates them per partition).
func (in *interp) updatePartitioned(t *ptable, n *sqlparse.UpdateStmt) error {
	if t.db.dfs() {
		if err := in.s.checkWrite(); err != nil {
			return err
		}
	}
	cols := make([]int, len(n.Sets))
	for k, set := range n.Sets {
		j := columnIndex(t.names, set.Col)
		if j < 0 {
			return fmt.Errorf("The column [%s] doesn't exist in the table.", set.Col)
		}
		if containsInt(t.partCols, j) {
			return errors.New("The partitioning column cannot be updated.")
		}
		cols[k] = j
	}
	rules := insert.MemoryRules
	if t.db.dfs() {
		rules = insert.DFSRules
	}
	return t.rewriteChunks(in.s, in.pruneFilter(t, n.Where), func(chunk *value.Table) (*value.Table, error) {
		rows, err := in.whereRows(chunk, n.Where)
		if err != nil || len(rows) == 0 {
			return nil, err
		}
		out := value.NewTable(chunk.Names, append([]*value.Vector(nil), chunk.Cols...))
		for k, set := range n.Sets {
			j := cols[k]
			v, err := in.withTable(chunk, set.X)
			if err != nil {
				return nil, err
			}
			vec, err := broadcast(v, chunk.Rows())
			if err != nil {
				return nil, err
			}
			conv, err := insert.ConvertColumn(vec, t.types[j], t.scales[j], t.names[j], rules)
			if err != nil {
				return nil, err
			}
			if t.db.dfs() {
				if conv, err = applyLimits(conv); err != nil {
					return nil, err
				}
			}
			col := out.Cols[j].Clone()
			for _, r := range rows {
				col.SetFrom(r, conv, r)
			}
			out.Cols[j] = col
		}
		return out, nil
	})
}

// deletePartitioned runs DELETE on a partitioned table.
func (in *interp) deletePartitioned(t *ptable, n *sqlparse.DeleteStmt) error {
	if t.db.dfs() {
		if err := in.s.checkWrite(); err != nil {
			return err
		}
	}
	return t.rewriteChunks(in.s, in.pruneFilter(t, n.Where), func(chunk *value.Table) (*value.Table, error) {
		rows, err := in.whereRows(chunk, n.Where)
		if err != nil || len(rows) == 0 {
			return nil, err
		}
		drop := make([]bool, chunk.Rows())
		for _, r := range rows {
			drop[r] = true
		}
		keep := make([]int, 0, chunk.Rows()-len(rows))
		for r, d := range drop {
			if !d {
				keep = append(keep, r)
			}
		}
		return chunk.Gather(keep), nil
	})
}
