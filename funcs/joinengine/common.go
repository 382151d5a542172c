package joinengine

import (
	"maps"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/value"
)

// matching reads matchingColumn: names both tables share (a string or a
// vector of them), or a tuple of the left names and the right names.
func matching(fn string, v value.Value, left, right *value.Table) (l, r []int, err error) {
	if t, ok := v.(*value.Vector); ok && t.T == value.Any {
		if t.Len() != 2 {
			return nil, nil, funcs.BadArg(fn, "matchingColumn", "a column name, a vector of them, or a tuple of the left and the right table's")
		}
		if l, err = streamengine.Columns(fn, "matchingColumn", t.Any[0], left); err != nil {
			return nil, nil, err
		}
		if r, err = streamengine.Columns(fn, "matchingColumn", t.Any[1], right); err != nil {
			return nil, nil, err
		}
	} else {
		if l, err = streamengine.Columns(fn, "matchingColumn", v, left); err != nil {
			return nil, nil, err
		}
		if r, err = streamengine.Columns(fn, "matchingColumn", v, right); err != nil {
			return nil, nil, err
		}
	}
	if len(l) == 0 || len(l) != len(r) {
		return nil, nil, funcs.BadArg(fn, "matchingColumn", "as many left columns as right columns")
	}
	return l, r, nil
}

// timeColumns reads a timeColumn argument: one name both tables share
// or the left and the right name; -1s when it is absent.
func timeColumns(fn string, v value.Value, left, right *value.Table) (int, int, error) {
	if funcs.NullOrAbsent(v) {
		return -1, -1, nil
	}
	names, ok := funcs.StringsArg(v)
	if !ok || len(names) < 1 || len(names) > 2 {
		return -1, -1, funcs.BadArg(fn, "timeColumn", "a column name or a vector of the left and the right table's")
	}
	if len(names) == 1 {
		names = append(names, names[0])
	}
	l, err := streamengine.Columns(fn, "timeColumn", value.NewString(names[0]), left)
	if err != nil {
		return -1, -1, err
	}
	r, err := streamengine.Columns(fn, "timeColumn", value.NewString(names[1]), right)
	if err != nil {
		return -1, -1, err
	}
	if !left.Cols[l[0]].T.IsTemporal() || left.Cols[l[0]].T != right.Cols[r[0]].T {
		return -1, -1, funcs.BadArg(fn, "timeColumn", "temporal columns of one type")
	}
	return l[0], r[0], nil
}

// garbageArg reads garbageSize, 5000 by default, capped at the largest
// INT.
func garbageArg(fn string, v value.Value) (int, error) {
	g, err := funcs.PositiveIntArg(fn, "garbageSize", v, 5000)
	if err != nil {
		return 0, err
	}
	return int(min(g, math.MaxInt32)), nil
}

// collect compacts the stores once they hold garbage rows more than
// the groups still use, the groups' left and right row lists
// renumbered.
func collect[G any](groups []G, lstore, rstore *value.Table, garbage int, rows func(g G) (left, right []int)) (*value.Table, *value.Table) {
	left, right := make([][]int, len(groups)), make([][]int, len(groups))
	for i, g := range groups {
		left[i], right[i] = rows(g)
	}
	return compact(lstore, garbage, left), compact(rstore, garbage, right)
}

// tableName is the name metrics may qualify a side's columns with
// (tableName.colName): the name the table is shared under, or else the
// caller's variable holding it, as funcs/g/getLeftStream.md qualifies
// leftTable.price of a private leftTable.
func tableName(env funcs.Env, t *value.Table) string {
	if t.Shared != "" {
		return t.Shared
	}
	for _, o := range env.Objects(false) {
		if o.Value == value.Value(t) {
			return o.Name
		}
	}
	return ""
}

// writer is what a join engine computes and writes its output with: its
// metrics over the rows it joins, and its output table.
type writer struct {
	bg      funcs.Env
	metrics *streamengine.Metrics
	out     value.Value
	lname   string // the names metrics may qualify columns with
	rname   string
}

// Outputs implements streamengine.JoinEngine.
func (w *writer) Outputs() []value.Value { return []value.Value{w.out} }

// compute joins left's rows li to right's rows ri (NULL where negative)
// and computes the metrics over them: the joined table and the metrics'
// columns.
func (w *writer) compute(left *value.Table, li []int, right *value.Table, ri []int) (t, res *value.Table, err error) {
	t, bind := joined(left, li, right, ri, w.metrics.Bind, w.lname, w.rname)
	res, err = streamengine.Run(w.bg, streamengine.Select(uniqueNames(w.metrics.Exprs)), t, bind)
	return t, res, err
}

// memoryUsed is getStreamEngineStat's memoryUsed of the tables an
// engine keeps: 8 bytes a cell.
func memoryUsed(tables ...*value.Table) *value.Scalar {
	cells := 0
	for _, t := range tables {
		cells += t.Rows() * len(t.Cols)
	}
	return value.NewLong(int64(cells * 8))
}

// stableOrder is 0..n-1 sorted by key, equal keys in their order: the
// order sortByTime writes rows in.
func stableOrder(n int, key func(i int) int64) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return key(idx[a]) < key(idx[b]) })
	return idx
}

// columnsOf is t's columns cols, leading an output's columns.
func columnsOf(t *value.Table, cols []int) []*value.Vector {
	out := make([]*value.Vector, len(cols))
	for i, c := range cols {
		out[i] = t.Cols[c]
	}
	return out
}

// joined is the table the metrics of a join read: the left rows at li
// under the left's names, then the right rows at ri under the right's
// names the left lacks (NULL where either is negative). The bind it returns
// adds to bind the left and the right rows as tables under the names
// the metrics may qualify columns with (snapshot.Time), when known.
func joined(left *value.Table, li []int, right *value.Table, ri []int, bind map[string]value.Value, lname, rname string) (*value.Table, map[string]value.Value) {
	lcols := make([]*value.Vector, len(left.Cols))
	for i, c := range left.Cols {
		lcols[i] = value.GatherOrNull(c, li)
	}
	rcols := make([]*value.Vector, len(right.Cols))
	for i, c := range right.Cols {
		rcols[i] = value.GatherOrNull(c, ri)
	}
	names := append([]string{}, left.Names...)
	cols := append([]*value.Vector{}, lcols...)
	seen := map[string]bool{}
	for _, n := range left.Names {
		seen[strings.ToLower(n)] = true
	}
	for i, n := range right.Names {
		if !seen[strings.ToLower(n)] {
			names, cols = append(names, n), append(cols, rcols[i])
		}
	}
	if lname == "" && rname == "" {
		return value.NewTable(names, cols), bind
	}
	b := make(map[string]value.Value, len(bind)+2)
	maps.Copy(b, bind)
	if rname != "" {
		b[rname] = value.NewTable(append([]string{}, right.Names...), rcols)
	}
	if lname != "" {
		b[lname] = value.NewTable(append([]string{}, left.Names...), lcols)
	}
	return value.NewTable(names, cols), b
}

// uniqueNames names each metric's column apart (m0, m1, ...), so two
// metrics of one name (price and quotes.price) make no duplicate
// column; the output is written by position.
func uniqueNames(exprs []ast.Expr) []ast.Expr {
	out := make([]ast.Expr, len(exprs))
	for i, x := range exprs {
		if _, ok := x.(*ast.AliasExpr); ok {
			out[i] = x
			continue
		}
		out[i] = &ast.AliasExpr{X: x, Name: "m" + strconv.Itoa(i)}
	}
	return out
}

// output assembles an output table: the given leading columns, the
// metrics' columns and, with elapsed, the microseconds since start and
// the batch's row count.
func output(lead []*value.Vector, res *value.Table, elapsed bool, start time.Time, batch int) *value.Table {
	cols := append(append([]*value.Vector{}, lead...), res.Cols...)
	n := res.Rows()
	if elapsed {
		us, cnt := streamengine.Elapsed(start, n, batch)
		cols = append(cols, us, cnt)
	}
	names := make([]string, len(cols))
	for i := range names {
		names[i] = "c" + strconv.Itoa(i)
	}
	return value.NewTable(names, cols)
}

// columnOpt reads an optional column name (-1 when absent).
func columnOpt(fn, param string, v value.Value, t *value.Table) (int, error) {
	if funcs.NullOrAbsent(v) {
		return -1, nil
	}
	c, err := streamengine.Columns(fn, param, v, t)
	if err != nil {
		return -1, err
	}
	if len(c) != 1 {
		return -1, funcs.BadArg(fn, param, "a column name")
	}
	return c[0], nil
}

// compact returns store without the rows no group uses any more, once
// they number more than garbage (garbageSize); refs are the groups' row
// lists in store, in the order the kept rows go, renumbered in place.
func compact(store *value.Table, garbage int, refs [][]int) *value.Table {
	live := 0
	for _, r := range refs {
		live += len(r)
	}
	if store.Rows()-live <= garbage {
		return store
	}
	keep := make([]int, 0, live)
	for _, r := range refs {
		for i, row := range r {
			r[i] = len(keep)
			keep = append(keep, row)
		}
	}
	return store.Gather(keep)
}

// sides reads a two-table join engine's leftTable, rightTable and
// outputTable (arguments 1 to 3); the output is the engine's to check
// further.
func sides(fn string, args []value.Value) (left, right *value.Table, err error) {
	left, ok := funcs.Arg(args, 1).(*value.Table)
	if !ok {
		return nil, nil, funcs.BadArg(fn, "leftTable", "a table")
	}
	if right, ok = funcs.Arg(args, 2).(*value.Table); !ok {
		return nil, nil, funcs.BadArg(fn, "rightTable", "a table")
	}
	if funcs.NullOrAbsent(funcs.Arg(args, 3)) {
		return nil, nil, funcs.BadArg(fn, "outputTable", "a table")
	}
	return left, right, nil
}

// appendStore appends batch's rows to store and returns the position
// of the first.
func appendStore(store, batch *value.Table) int {
	base := store.Rows()
	for c, col := range store.Cols {
		col.AppendVector(batch.Cols[c])
	}
	return base
}

// rightCol is the name the joined table of a window's rows gives a
// right column whose name the left also has.
func rightCol(name string) string { return "__joinRight_" + name }

// qualified rewrites the metrics' columns qualified by a side's table
// name (quotes.price) into columns of the joined table: the left's by
// their own names, the right's by theirs or, where the left has the
// name too, by rightCol, whose right columns hidden returns. A window
// join computes its metrics grouped by window, where a qualified column
// read from a bound table would span every window's rows.
func qualified(exprs []ast.Expr, left, right *value.Table, lname, rname string) (out []ast.Expr, hidden []int) {
	has := func(t *value.Table, name string) int {
		for i, n := range t.Names {
			if strings.EqualFold(n, name) {
				return i
			}
		}
		return -1
	}
	seen := map[int]bool{}
	out = make([]ast.Expr, len(exprs))
	for i, x := range exprs {
		out[i] = astwalk.Rewrite(x, func(x ast.Expr) (ast.Expr, bool) {
			m, ok := x.(*ast.MemberExpr)
			if !ok {
				return x, false
			}
			id, ok := m.X.(*ast.Ident)
			if !ok {
				return x, false
			}
			switch {
			case lname != "" && strings.EqualFold(id.Name, lname) && has(left, m.Name) >= 0:
				return &ast.Ident{At: m.At, Name: m.Name}, true
			case rname != "" && strings.EqualFold(id.Name, rname):
				c := has(right, m.Name)
				if c < 0 {
					return x, false
				}
				if has(left, m.Name) < 0 {
					return &ast.Ident{At: m.At, Name: m.Name}, true
				}
				if !seen[c] {
					seen[c] = true
					hidden = append(hidden, c)
				}
				return &ast.Ident{At: m.At, Name: rightCol(right.Names[c])}, true
			}
			return x, false
		})
	}
	return out, hidden
}
