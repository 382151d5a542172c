package engine

import (
	"errors"
	"fmt"
	"slices"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/value"
)

// updatePartitioned runs UPDATE on a partitioned table, partition by
// partition (where-clauses and set expressions see one partition's rows,
// as DolphinDB evaluates them per partition).
func (in *interp) updatePartitioned(t *ptable, n *sqlparse.UpdateStmt) error {
	if err := in.s.checkTableWrite(t.Table, auth.TableUpdate); err != nil {
		return err
	}
	names, _, _ := t.Schema()
	cols := make([]int, len(n.Sets))
	for k, set := range n.Sets {
		j := columnIndex(names, set.Col)
		if j < 0 {
			return fmt.Errorf("The column [%s] doesn't exist in the table.", set.Col)
		}
		if slices.Contains(t.PartitionColumns(), j) {
			return errors.New("The partitioning column cannot be updated.")
		}
		cols[k] = j
	}
	return t.RewriteChunks(in.s.ctx, in.dfsFilter(t, n.Where), func(chunk *value.Table) (*value.Table, error) {
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
			conv, err := t.ConvertColumn(vec, j)
			if err != nil {
				return nil, err
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
	if err := in.s.checkTableWrite(t.Table, auth.TableDelete); err != nil {
		return err
	}
	return t.RewriteChunks(in.s.ctx, in.dfsFilter(t, n.Where), func(chunk *value.Table) (*value.Table, error) {
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

// dfsFilter is the interpreter's partition filter for t's where-clauses,
// in package dfs's type.
func (in *interp) dfsFilter(t *ptable, where []sqlparse.Expr) dfs.PartitionFilter {
	return dfs.PartitionFilter(in.pruneFilter(t, where))
}
