package sqljoin

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/join"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// ErrUpdateFrom and ErrFromDFS are porpoise texts for a from clause
// update and delete cannot use.
var (
	ErrUpdateFrom = ddberr.Errorf("The from clause of update or delete must be a table joiner (ej, lj, lsj, fj, sej) whose left table is the table to change.")
	ErrFromDFS    = ddberr.Errorf("Update or delete with a from clause is not supported for DFS tables.")
)

// Update evaluates the `from joiner(t, right, ...)` of update
// (update.md) and delete (delete.md): the join of t the set and where
// clauses see, and for each of its rows the row of t behind it (-1:
// none).
func Update(h Host, t *value.Table, from ast.Expr) (*value.Table, []int, error) {
	c, ok := from.(*ast.CallExpr)
	if !ok {
		return nil, nil, ErrUpdateFrom
	}
	fn, ok := c.Fn.(*ast.Ident)
	if !ok {
		return nil, nil, ErrUpdateFrom
	}
	kind, ok := updateJoiners[strings.ToLower(fn.Name)]
	if !ok || len(c.Args) < 3 {
		return nil, nil, ErrUpdateFrom
	}
	args, names, err := joinerArgs(h, c)
	if err != nil {
		return nil, nil, err
	}
	if left, ok := args[0].(*value.Table); !ok || left != t {
		return nil, nil, ErrUpdateFrom
	}
	res, err := joinValues(h, kind, args, names)
	if err != nil {
		return nil, nil, err
	}
	return res.T, res.LeftRows, nil
}

// updateJoiners are the joiners whose rows each come from at most one
// row of the left table.
var updateJoiners = map[string]join.Kind{
	"ej": join.Equi, "lj": join.Left, "lsj": join.LeftSemi, "fj": join.Full, "sej": join.SortedEqui,
}

// JoinedRows keeps the selected rows of a join that come from a row of
// the updated table, with those rows (dst).
func JoinedRows(rows, leftRows []int) (src, dst []int) {
	src = make([]int, 0, len(rows))
	dst = make([]int, 0, len(rows))
	for _, r := range rows {
		if l := leftRows[r]; l >= 0 {
			src = append(src, r)
			dst = append(dst, l)
		}
	}
	return src, dst
}
