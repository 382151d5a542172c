package engine

import (
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/value"
)

// PruneFilter turns where-clauses into a partition filter. A clause that
// names only one partitioning column of a VALUE level whose column type
// equals the scheme type is evaluated once over that level's partition
// values: every row of a VALUE partition holds exactly its value, so a
// partition whose value fails the clause can hold no wanted row. Other
// clauses don't prune (they are still applied to the rows read).
func (t *ptable) PruneFilter(eval func(sqlparse.Expr, *value.Table) (value.Value, error), where []sqlparse.Expr) PartitionFilter {
	if t.dimension {
		return nil
	}
	t.db.mu.Lock()
	levels := t.db.levels()
	masks := make([][]bool, len(levels))
	for l, dom := range levels {
		vd, ok := dom.(*partition.Value)
		col := t.partCols[l]
		if !ok || t.types[col] != vd.SchemeType() {
			continue
		}
		name := t.names[col]
		for _, w := range where {
			if !onlyColumn(w, name, t.names) {
				continue
			}
			vals := vd.Values()
			res, err := eval(w, value.NewTable([]string{name}, []*value.Vector{vals}))
			if err != nil {
				continue
			}
			bv, ok := res.(*value.Vector)
			if !ok || bv.T != value.Bool || bv.Len() != vals.Len() {
				continue
			}
			if masks[l] == nil {
				masks[l] = make([]bool, vals.Len())
				for i := range masks[l] {
					masks[l][i] = true
				}
			}
			for i := range masks[l] {
				masks[l][i] = masks[l][i] && bv.I8[i] == 1
			}
		}
	}
	t.db.mu.Unlock()
	any := false
	for _, m := range masks {
		any = any || m != nil
	}
	if !any {
		return nil
	}
	return func(idx []int) bool {
		for l, m := range masks {
			if m != nil && idx[l] < len(m) && !m[idx[l]] {
				return false
			}
		}
		return true
	}
}

// onlyColumn reports whether e refers to column name and to no other
// column of the table.
func onlyColumn(e sqlparse.Expr, name string, columns []string) bool {
	found, other := false, false
	sqlparse.Inspect(e, func(n sqlparse.Node) bool {
		if id, ok := n.(*sqlparse.Ident); ok {
			if id.Name == name {
				found = true
			} else {
				for _, c := range columns {
					if c == id.Name {
						other = true
					}
				}
			}
		}
		return true
	})
	return found && !other
}
