package sqljoin

import (
	"errors"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/join"
	"github.com/porpoisedb/porpoise/value"
)

// Join runs a joiner over its arguments (leftTable, rightTable,
// matchingCols[, rightMatchingCols][, leftFilter][, rightFilter]); names
// are the arguments' variable names (the right one prefixes its clashing
// columns, as package join describes).
func Join(env Env, kind join.Kind, args []value.Value, names []string) (value.Value, error) {
	j, err := joinValues(env, kind, args, names)
	if err != nil {
		return nil, err
	}
	return j.T, nil
}

// joinValues reads a joiner's arguments and joins the tables.
func joinValues(env Env, kind join.Kind, args []value.Value, names []string) (join.Result, error) {
	return joinFiltered(env, kind, args, names, join.Filter{})
}

// joinFiltered is joinValues with the rows keep admits, or, when it is
// empty, those the leftFilter and rightFilter arguments admit.
func joinFiltered(env Env, kind join.Kind, args []value.Value, names []string, keep join.Filter) (join.Result, error) {
	left, right, err := joinTables(env, args)
	if err != nil {
		return join.Result{}, err
	}
	// Shared tables are read under their lock (once when both sides are
	// the same table: a second read lock could deadlock behind a writer).
	for i, t := range []*value.Table{left, right} {
		if t.Shared != "" && (i == 0 || right != left) {
			t.Mu.RLock()
			defer t.Mu.RUnlock()
		}
	}
	lk, rk, err := matchingColumns(args[2:])
	if err != nil {
		return join.Result{}, err
	}
	if keep.Left == nil && keep.Right == nil && len(args) > 4 {
		if keep.Left, err = filterFlags(kind, "leftFilter", args[4], left.Rows()); err != nil {
			return join.Result{}, err
		}
		if len(args) > 5 {
			if keep.Right, err = filterFlags(kind, "rightFilter", args[5], right.Rows()); err != nil {
				return join.Result{}, err
			}
		}
	}
	return join.Tables(env.Context(), kind, left, right, lk, rk, rightName(names), env.NullSafeJoin(), keep)
}

// filterFlags reads a leftFilter or rightFilter argument (a condition
// on the table's columns, evaluated before the call): one flag per row,
// nil when the argument is omitted.
func filterFlags(kind join.Kind, param string, v value.Value, rows int) ([]bool, error) {
	if v == nil {
		return nil, nil
	}
	if s, ok := v.(*value.Scalar); ok && s.T == value.Bool {
		if s.Null || s.Bool() {
			return nil, nil
		}
		return make([]bool, rows), nil
	}
	b, ok := v.(*value.Vector)
	if !ok || b.T != value.Bool || b.Len() != rows {
		return nil, ddberr.Errorf("The %s of %s must be a boolean expression on the columns of its table.", param, kind.Name())
	}
	out := make([]bool, rows)
	for i, x := range b.I8 {
		out[i] = x == 1
	}
	return out, nil
}

// matchingColumns reads matchingCols[, rightMatchingCols].
func matchingColumns(args []value.Value) (lk, rk []string, err error) {
	lk, ok := namesArg(args[0])
	if !ok || len(lk) == 0 {
		return nil, nil, errors.New("matchingCols must be a string scalar or vector.")
	}
	rk = lk
	if len(args) > 1 && args[1] != nil {
		if rk, ok = namesArg(args[1]); !ok || len(rk) != len(lk) {
			return nil, nil, errors.New("rightMatchingCols must name as many columns as matchingCols.")
		}
	}
	return lk, rk, nil
}

// rightName is what prefixes the right table's clashing column names: its
// variable name, else rhs.
func rightName(names []string) string {
	if len(names) > 1 && names[1] != "" {
		return names[1]
	}
	return "rhs"
}

// CrossJoin is cj(left, right): every left row with every right row.
func CrossJoin(env Env, args []value.Value, names []string) (value.Value, error) {
	left, right, err := joinTables(env, args)
	if err != nil {
		return nil, err
	}
	return join.Cross(env.Context(), left, right, rightName(names))
}

// joinTables reads a joiner's first two arguments, the left and right
// tables.
func joinTables(env Env, args []value.Value) (left, right *value.Table, err error) {
	if left, err = joinTable(env, args[0]); err != nil {
		if errors.Is(err, errNotTable) {
			return nil, nil, ddberr.Errorf("The left part of a join must be a table. RefId:S02013")
		}
		return nil, nil, err
	}
	if right, err = joinTable(env, args[1]); errors.Is(err, errNotTable) {
		return nil, nil, ddberr.Errorf("The right part of a join must be a table. RefId:S02014")
	}
	return left, right, err
}

// errNotTable is joinTable's error for an argument that is no table; a
// joiner function names the side (error_codes/S02013.md, S02014.md).
var errNotTable = ddberr.Errorf("The arguments of a table joiner must be tables.")

// joinTable materializes a join argument: an in-memory table, or a
// partitioned table read whole.
func joinTable(env Env, v value.Value) (*value.Table, error) {
	if t, ok := v.(*value.Table); ok {
		return t, nil
	}
	if t, ok := env.DFSTable(v); ok {
		return env.ReadTable(t)
	}
	return nil, errNotTable
}

// namesArg reads column names given as a STRING scalar, vector or tuple.
func namesArg(v value.Value) ([]string, bool) {
	if t, ok := v.(*value.Vector); ok && t.T == value.Any {
		out := make([]string, 0, t.Len())
		for _, e := range t.Any {
			s, ok := funcs.StringArg(e)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	}
	return funcs.StringsArg(v)
}
