package sqljoin

import (
	"errors"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/join"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// ErrUpdateFrom is the porpoise text for a from clause update and delete
// cannot use.
var ErrUpdateFrom = ddberr.Errorf("The from clause of update or delete must be a table joiner (ej, lj, lsj, fj, sej) whose left table is the table to change.")

// Update evaluates the `from joiner(t, right, ...)` of update
// (update.md) and delete (delete.md): the join of t the set and where
// clauses see, and for each of its rows the row of t behind it (-1:
// none).
func Update(h Host, t *value.Table, from ast.Expr) (*value.Table, []int, error) {
	j, err := UpdateJoiner(h, from, func(v value.Value) bool { x, ok := v.(*value.Table); return ok && x == t })
	if err != nil {
		return nil, nil, err
	}
	return j.Join(h, t)
}

// Joiner is the evaluated from clause of an update or delete: a joiner
// whose left table is the table to change. A partitioned table is
// changed partition by partition, each joined on its own (Join), so the
// arguments are evaluated once.
type Joiner struct {
	kind  join.Kind
	args  []value.Value
	names []string
}

// UpdateJoiner evaluates from, an update's or delete's from clause;
// isTarget reports whether a value is the table to change, which must be
// the joiner's left table.
func UpdateJoiner(h Host, from ast.Expr, isTarget func(value.Value) bool) (*Joiner, error) {
	c, ok := from.(*ast.CallExpr)
	if !ok {
		return nil, ErrUpdateFrom
	}
	fn, ok := c.Fn.(*ast.Ident)
	if !ok {
		return nil, ErrUpdateFrom
	}
	kind, ok := updateJoiners[strings.ToLower(fn.Name)]
	if !ok || len(c.Args) < 3 {
		return nil, ErrUpdateFrom
	}
	args, names, err := joinerArgs(h, c)
	if err != nil {
		return nil, err
	}
	if !isTarget(args[0]) {
		return nil, ErrUpdateFrom
	}
	// A partitioned right table is read once, before the partitions are
	// rewritten (under their locks, which a read of the same table would
	// wait for); a non-table is refused by Join with the joiner's text.
	if right, err := joinTable(h, args[1]); err == nil {
		args[1] = right
	} else if !errors.Is(err, errNotTable) {
		return nil, err
	}
	return &Joiner{kind, args, names}, nil
}

// Join joins rows, the table to change or a partition's rows of it, as
// the left table: the joined table, and for each of its rows the row of
// rows behind it (-1: none).
func (j *Joiner) Join(h Host, rows *value.Table) (*value.Table, []int, error) {
	args := append([]value.Value{rows}, j.args[1:]...)
	res, err := joinValues(h, j.kind, args, j.names)
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
