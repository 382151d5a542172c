package query

import (
	"slices"

	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/query/rowkeep"
	"github.com/porpoisedb/porpoise/query/sqljoin"
	"github.com/porpoisedb/porpoise/query/wheremask"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
)

// Delete runs `delete from t [where ...]`. The kept rows move up in
// place when nothing but the variable naming t can see its columns'
// storage (Env.Owns); otherwise t gets new columns of the kept rows, and
// whatever else holds the old ones keeps them as they were.
func Delete(env Env, n *ast.DeleteStmt) error {
	ex, t, pt, err := dmlTable(env, n.Table, n.From, "delete")
	if err != nil {
		return err
	}
	if pt != nil {
		return ex.deletePartitioned(pt, n)
	}
	src := t
	var joined []int
	if n.From != nil {
		if src, joined, err = sqljoin.Update(newHost(ex), t, n.From); err != nil {
			return err
		}
	}
	rows, unlock, err := ex.lockedRows(t, src, n.Where)
	if err != nil {
		return err
	}
	defer unlock()
	if joined != nil {
		_, rows = sqljoin.JoinedRows(rows, joined)
		rows = slices.Compact(slices.Sorted(slices.Values(rows)))
	}
	if len(rows) == 0 {
		return nil
	}
	drop := rowkeep.Dropped(t.Rows(), rows)
	id, named := n.Table.(*ast.Ident)
	inPlace := named && t.Shared == "" && env.Owns(id.Name, t)
	var keep []int // for the columns gathered anew
	for i, c := range t.Cols {
		if inPlace && rowkeep.CompactInPlace(c, drop) {
			continue
		}
		if keep == nil {
			keep = wheremask.Flagged(drop, false)
		}
		t.Cols[i] = c.Gather(keep)
	}
	if t.IsKeyed() {
		t.RebuildKeys()
	}
	return insert.Deleted(t, rows)
}
