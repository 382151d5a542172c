package query

import (
	"slices"
	"strings"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/join"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// updatePartitioned runs UPDATE on a partitioned table, partition by
// partition (where-clauses and set expressions see one partition's rows,
// as DolphinDB evaluates them per partition).
func (ex *executor) updatePartitioned(t *dfs.Table, n *ast.UpdateStmt) error {
	if err := ex.env.CheckTableWrite(t, auth.TableUpdate); err != nil {
		return err
	}
	part := t.PartitionColumnNames()
	names, _, _ := t.Schema()
	if _, err := updatePositions(n, names, part); err != nil {
		return err
	}
	if len(n.ContextBy) == 0 && slices.ContainsFunc(n.Sets, func(s ast.SetClause) bool { return funcs.CallsAny(s.X, funcs.Aggregate|funcs.OrderSensitive) }) {
		return ddberr.Errorf("Aggregate or order-sensitive functions are not allowed without context by clause when updating a partitioned table.")
	}
	return t.RewriteRows(ex.env.Context(), ex.pruneFilter(t, n.Where), n, func(chunk *value.Table) (*value.Table, int, error) {
		rows, err := ex.whereRows(chunk, n.Where)
		if err != nil || len(rows) == 0 {
			return nil, 0, err
		}
		// a column change may have committed since the check above:
		// positions come from the chunk, read under the table's DDL lock
		cols, err := updatePositions(n, chunk.Names, part)
		if err != nil {
			return nil, 0, err
		}
		out := value.NewTable(chunk.Names, append([]*value.Vector(nil), chunk.Cols...))
		vals, rows, err := ex.updateValues(chunk, rows, n)
		if err != nil {
			return nil, 0, err
		}
		for k := range n.Sets {
			j := cols[k]
			conv, err := t.ConvertColumn(vals[k], j)
			if err != nil {
				return nil, 0, err
			}
			out.Cols[j] = setRows(out.Cols[j].Clone(), rows, conv, rows)
		}
		return out, len(rows), nil
	})
}

// updatePositions is the position of each of UPDATE's set columns in
// names, which must have them, none of them a partitioning column (part,
// by name: a column change never renames or drops one).
func updatePositions(n *ast.UpdateStmt, names, part []string) ([]int, error) {
	cols := make([]int, len(n.Sets))
	for k, set := range n.Sets {
		j := value.NameIndex(names, set.Col)
		if j < 0 {
			return nil, join.ColumnMissing(set.Col)
		}
		if slices.ContainsFunc(part, func(p string) bool { return strings.EqualFold(p, names[j]) }) {
			return nil, ddberr.Errorf("The partitioning column cannot be updated.")
		}
		cols[k] = j
	}
	return cols, nil
}

// deletePartitioned runs DELETE on a partitioned table.
func (ex *executor) deletePartitioned(t *dfs.Table, n *ast.DeleteStmt) error {
	if err := ex.env.CheckTableWrite(t, auth.TableDelete); err != nil {
		return err
	}
	return t.RewriteRows(ex.env.Context(), ex.pruneFilter(t, n.Where), n, func(chunk *value.Table) (*value.Table, int, error) {
		rows, err := ex.whereRows(chunk, n.Where)
		if err != nil || len(rows) == 0 {
			return nil, 0, err
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
		return chunk.Gather(keep), len(rows), nil
	})
}
