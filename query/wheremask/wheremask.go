package wheremask

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Flagged lists the rows whose flag is want, in a slice sized
// exactly: a selective filter would otherwise clear a word for every row
// of the table.
func Flagged(flags []bool, want bool) []int {
	n := 0
	for _, f := range flags {
		if f == want {
			n++
		}
	}
	idx := make([]int, 0, n)
	for i, f := range flags {
		if f == want {
			idx = append(idx, i)
		}
	}
	return idx
}

// And ands v, a where condition's value over the len(keep) rows
// it was evaluated on, into keep.
func And(keep []bool, v value.Value, cond ast.Expr) ([]bool, error) {
	n := len(keep)
	switch b := v.(type) {
	case *value.Scalar:
		if b.T != value.Bool && !(b.Null && b.T == value.Void) {
			return nil, ddberr.Errorf("The where condition must be a logical expression. RefId:S02035")
		}
		if !b.Bool() {
			for i := range keep {
				keep[i] = false
			}
		}
	case *value.Vector:
		if b.Len() != n {
			return nil, ddberr.Errorf("The size of the result returned by the where condition %s does not match the number of rows in the table. RefId:S02036", unparse.Format(cond))
		}
		// One typed pass over the BOOL bytes (NULL is not 1, so it drops
		// the row); other types are read as BOOL first.
		mask := b
		if mask.T != value.Bool {
			c, err := cast.Vector(b, value.Bool, 0)
			if err != nil {
				return nil, ddberr.Errorf("The where condition must be a logical expression. RefId:S02035")
			}
			mask = c
		}
		for i, m := range mask.I8[:n] {
			keep[i] = keep[i] && m == 1
		}
	default:
		return nil, ddberr.Errorf("The where condition must be a logical expression. RefId:S02035")
	}
	return keep, nil
}

// AndSubset clears keep at the rows (a subset, in order) where v, a
// where condition's value over just those rows, is not true.
func AndSubset(keep []bool, rows []int, v value.Value, cond ast.Expr) error {
	sub := make([]bool, len(rows))
	for i := range sub {
		sub[i] = true
	}
	sub, err := And(sub, v, cond)
	if err != nil {
		return err
	}
	for i, r := range rows {
		keep[r] = sub[i]
	}
	return nil
}
