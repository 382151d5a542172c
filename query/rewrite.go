package query

import (
	"slices"
	"strings"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/join"
	"github.com/porpoisedb/porpoise/query/clausecheck"
	"github.com/porpoisedb/porpoise/query/rowkeep"
	"github.com/porpoisedb/porpoise/query/sqljoin"
	"github.com/porpoisedb/porpoise/query/updatecol"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/storage"
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
	move := false
	if t.PartitionColumnsUpdatable() {
		// the rows move to the partitions of their new values
		move = slices.ContainsFunc(n.Sets, func(set ast.SetClause) bool {
			return slices.ContainsFunc(part, func(p string) bool { return strings.EqualFold(p, set.Col) })
		})
		part = nil
	}
	if err := ex.addSetColumns(t, n); err != nil {
		return err
	}
	names, _, _ := t.Schema()
	if _, err := updatePositions(n, names, part); err != nil {
		return err
	}
	if keys := t.KeyColumnNames(); slices.ContainsFunc(n.Sets, func(set ast.SetClause) bool {
		return slices.ContainsFunc(keys, func(k string) bool { return strings.EqualFold(k, set.Col) })
	}) {
		return insert.ErrUpdateKey
	}
	if err := clausecheck.PartitionedUpdate(n); err != nil {
		return err
	}
	return ex.rewritePartitioned(t, n, move, n.From, n.Where, func(chunk, src *value.Table, rows, joined []int) (*value.Table, int, error) {
		// a column change may have committed since the check above:
		// positions come from the chunk, read under the table's DDL lock
		cols, err := updatePositions(n, chunk.Names, part)
		if err != nil {
			return nil, 0, err
		}
		out := value.NewTable(chunk.Names, append([]*value.Vector(nil), chunk.Cols...))
		vals, rows, err := ex.updateValues(src, rows, n)
		if err != nil {
			return nil, 0, err
		}
		dst := rows
		if joined != nil {
			rows, dst = sqljoin.JoinedRows(rows, joined)
		}
		for k := range n.Sets {
			j := cols[k]
			conv, err := t.ConvertColumn(vals[k], j)
			if err != nil {
				return nil, 0, err
			}
			out.Cols[j] = updatecol.SetRows(out.Cols[j].Clone(), dst, conv, rows)
		}
		return out, len(dst), nil
	})
}

// addSetColumns adds the columns UPDATE sets that a partitioned in-memory
// table lacks, typed as the set expressions evaluate over a partition
// (tutorials/partitioned_in_memory_table.md: update adds columns to one,
// addColumn doesn't); a DFS table's lack stays updatePositions' error.
func (ex *executor) addSetColumns(t *dfs.Table, n *ast.UpdateStmt) error {
	names, _, _ := t.Schema()
	var sets []ast.SetClause
	for _, set := range n.Sets {
		if value.NameIndex(names, set.Col) < 0 && !slices.ContainsFunc(sets, func(s ast.SetClause) bool { return strings.EqualFold(s.Col, set.Col) }) {
			sets = append(sets, set)
		}
	}
	if len(sets) == 0 || t.Database().DFS() {
		return nil
	}
	parts, err := dfs.MapPartitions(t, nil, nil, storage.ReadOptions{}, func(_ int, part *value.Table) (*value.Table, error) { return part, nil })
	if err != nil {
		return err
	}
	// the first partition with rows (one without comes as nil), or with
	// none the schema's empty table: either gives the set values' types
	sample := value.NewTable(nil, nil)
	if i := slices.IndexFunc(parts, func(p *value.Table) bool { return p != nil }); i >= 0 {
		sample = parts[i]
	} else {
		sample.AddNullColumns(t.Schema())
	}
	vals, err := ex.setValues(sample, nil, sets)
	if err != nil {
		return err
	}
	add := make([]string, len(sets))
	types := make([]value.Type, len(sets))
	scales := make([]int32, len(sets))
	for k, v := range vals {
		add[k], types[k], scales[k] = sets[k].Col, v.T, v.Scale
	}
	return t.AddColumns(ex.env.Context(), add, types, scales)
}

// partitionJoiner evaluates the from clause of an update or delete of
// the partitioned table t (nil: none). Partitions are joined one by one
// (joinChunk): a joiner's right table meets each partition's rows, which
// is the whole join when its keys hold the partitioning columns or its
// right table is a dimension table.
func (ex *executor) partitionJoiner(t *dfs.Table, from ast.Expr) (*sqljoin.Joiner, error) {
	if from == nil {
		return nil, nil
	}
	return sqljoin.UpdateJoiner(newHost(ex), from, func(v value.Value) bool {
		pt, ok := ex.env.DFSTable(v)
		return ok && pt == t
	})
}

// rewritePartitioned rewrites t partition by partition for UPDATE or
// DELETE stmt: fn gets each partition (chunk) in which where selects rows,
// those rows of src, the chunk as the from clause joins it (joinChunk).
func (ex *executor) rewritePartitioned(t *dfs.Table, stmt ast.Node, move bool, from ast.Expr, where []ast.Expr, fn func(chunk, src *value.Table, rows, joined []int) (*value.Table, int, error)) error {
	joiner, err := ex.partitionJoiner(t, from)
	if err != nil {
		return err
	}
	return t.RewriteRows(ex.env.Context(), ex.pruneFilter(t, where), stmt, move, func(chunk *value.Table) (*value.Table, int, error) {
		src, joined, err := joinChunk(ex, joiner, chunk)
		if err != nil {
			return nil, 0, err
		}
		rows, err := ex.whereRows(src, where)
		if err != nil || len(rows) == 0 {
			return nil, 0, err
		}
		return fn(chunk, src, rows, joined)
	})
}

// joinChunk is the table a partition's update or delete reads: the join
// of its rows by joiner (with the chunk row behind each joined row), or
// the rows themselves when there is no joiner.
func joinChunk(ex *executor, joiner *sqljoin.Joiner, chunk *value.Table) (*value.Table, []int, error) {
	if joiner == nil {
		return chunk, nil, nil
	}
	return joiner.Join(newHost(ex), chunk)
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
	return ex.rewritePartitioned(t, n, false, n.From, n.Where, func(chunk, _ *value.Table, rows, joined []int) (*value.Table, int, error) {
		if joined != nil {
			// a row joined to several right rows is deleted once
			_, rows = sqljoin.JoinedRows(rows, joined)
		}
		keep := rowkeep.Kept(chunk.Rows(), rows)
		if len(keep) == chunk.Rows() {
			return nil, 0, nil
		}
		return chunk.Gather(keep), chunk.Rows() - len(keep), nil
	})
}
