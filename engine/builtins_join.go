package engine

import (
	"errors"
	"fmt"
	"strings"

	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/value"
)

// The table joiners DolphinDB scripts use in FROM clauses and as plain
// functions: ej (equi join), lj (left join) and lsj (left semi join: the
// first match only). Rows come out in the left table's order, each
// followed by its matches in the right table's order. The result has every
// left column, then the right table's columns other than its matching
// columns; a right column whose name a left column already has is
// prefixed with the right table's variable name and "_" (t2_price), as
// DolphinDB names them. Full, asof and window joins are not implemented.
func init() {
	for _, kind := range []joinKind{joinEqui, joinLeft, joinLeftSemi} {
		kind := kind
		reg(kind.name(), p("leftTable", "rightTable", "matchingCols", "rightMatchingCols"), 3, 4, func(in *interp, args []value.Value, names []string) (value.Value, error) {
			return in.join(kind, args, names)
		})
	}
}

type joinKind int

const (
	joinEqui joinKind = iota
	joinLeft
	joinLeftSemi
)

func (k joinKind) name() string { return [...]string{"ej", "lj", "lsj"}[k] }

func (in *interp) join(kind joinKind, args []value.Value, names []string) (value.Value, error) {
	j, err := in.joinTables(kind, args, names)
	if err != nil {
		return nil, err
	}
	return j.t, nil
}

// joined is a join's result with, for each side, where its columns went:
// lower-case name in the input table -> name in t (a right matching column
// maps to the left one's), which SQL joins need for t1.col.
type joined struct {
	t           *value.Table
	left, right map[string]string
}

func (in *interp) joinTables(kind joinKind, args []value.Value, names []string) (joined, error) {
	left, err := in.joinTable(args[0])
	if err != nil {
		return joined{}, err
	}
	right, err := in.joinTable(args[1])
	if err != nil {
		return joined{}, err
	}
	// Shared tables are read under their lock (once when both sides are
	// the same table: a second read lock could deadlock behind a writer).
	for i, t := range []*value.Table{left, right} {
		if t.Shared != "" && (i == 0 || right != left) {
			t.Mu.RLock()
			defer t.Mu.RUnlock()
		}
	}
	lk, ok := stringsArg(args[2])
	if !ok || len(lk) == 0 {
		return joined{}, errors.New("matchingCols must be a string scalar or vector.")
	}
	rk := lk
	if len(args) > 3 && args[3] != nil {
		if rk, ok = stringsArg(args[3]); !ok || len(rk) != len(lk) {
			return joined{}, errors.New("rightMatchingCols must name as many columns as matchingCols.")
		}
	}
	li, err := columnPositions(left, lk)
	if err != nil {
		return joined{}, err
	}
	ri, err := columnPositions(right, rk)
	if err != nil {
		return joined{}, err
	}
	// Right key columns take the left key columns' types, so that equal
	// values encode to equal keys (an INT key joins a LONG key).
	rkeys := make([]*value.Vector, len(ri))
	for k, c := range ri {
		want := left.Cols[li[k]]
		rkeys[k] = right.Cols[c]
		if rkeys[k].T != want.T {
			conv, err := value.CastVector(rkeys[k], want.T, want.Scale)
			if err != nil {
				return joined{}, fmt.Errorf("The matching columns %s and %s have incompatible types.", lk[k], rk[k])
			}
			rkeys[k] = conv
		}
	}
	nullSafe := in.s.eng.cfg.EnableNullSafeJoin
	var buf []byte
	keyOf := func(cols []*value.Vector, row int) (string, bool) {
		buf = buf[:0]
		for _, c := range cols {
			if !nullSafe && c.IsNull(row) {
				return "", false
			}
			buf = c.AppendKey(buf, row)
		}
		return string(buf), true
	}
	lkeys := make([]*value.Vector, len(li))
	for k, c := range li {
		lkeys[k] = left.Cols[c]
	}
	index := map[string][]int{}
	for r := 0; r < right.Rows(); r++ {
		if key, ok := keyOf(rkeys, r); ok {
			index[key] = append(index[key], r)
		}
	}
	var lrows, rrows []int // -1: no right row (NULLs)
	for l := 0; l < left.Rows(); l++ {
		var hits []int
		if key, ok := keyOf(lkeys, l); ok {
			hits = index[key]
		}
		if kind == joinLeftSemi && len(hits) > 1 {
			hits = hits[:1]
		}
		for _, r := range hits {
			lrows = append(lrows, l)
			rrows = append(rrows, r)
		}
		if len(hits) == 0 && kind != joinEqui {
			lrows = append(lrows, l)
			rrows = append(rrows, -1)
		}
	}

	prefix := "rhs"
	if len(names) > 1 && names[1] != "" {
		prefix = names[1]
	}
	isRightKey := make([]bool, len(right.Cols))
	for _, c := range ri {
		isRightKey[c] = true
	}
	taken := map[string]bool{}
	for _, n := range left.Names {
		taken[strings.ToLower(n)] = true
	}
	outNames := append([]string(nil), left.Names...)
	j := joined{left: map[string]string{}, right: map[string]string{}}
	for _, n := range left.Names {
		j.left[strings.ToLower(n)] = n
	}
	for k, c := range ri {
		j.right[strings.ToLower(right.Names[c])] = left.Names[li[k]]
	}
	outCols := make([]*value.Vector, 0, len(left.Cols)+len(right.Cols))
	for _, col := range left.Cols {
		outCols = append(outCols, col.Gather(lrows))
	}
	for c, col := range right.Cols {
		if isRightKey[c] {
			continue
		}
		name := right.Names[c]
		if taken[strings.ToLower(name)] {
			name = prefix + "_" + name
		}
		taken[strings.ToLower(name)] = true
		j.right[strings.ToLower(right.Names[c])] = name
		outNames = append(outNames, name)
		outCols = append(outCols, gatherOrNull(col, rrows))
	}
	j.t = value.NewTable(outNames, outCols)
	return j, nil
}

// joinTable materializes a join argument: an in-memory table, or a
// partitioned table read whole.
func (in *interp) joinTable(v value.Value) (*value.Table, error) {
	switch t := v.(type) {
	case *value.Table:
		return t, nil
	case Table:
		return t.Scan(nil)
	}
	return nil, errors.New("The arguments of a table joiner must be tables.")
}

func columnPositions(t *value.Table, names []string) ([]int, error) {
	out := make([]int, len(names))
	for k, n := range names {
		if out[k] = columnIndex(t.Names, n); out[k] < 0 {
			return nil, fmt.Errorf("The column [%s] doesn't exist in the table.", n)
		}
	}
	return out, nil
}

// columnIndex is the position of the column called name (compared
// case-insensitively, as DolphinDB compares column names), or -1.
func columnIndex(names []string, name string) int {
	for i, c := range names {
		if strings.EqualFold(c, name) {
			return i
		}
	}
	return -1
}

// gatherOrNull is v.Gather(rows) with NULL where a row is -1.
func gatherOrNull(v *value.Vector, rows []int) *value.Vector {
	idx := make([]int, len(rows))
	var nulls []int
	for i, r := range rows {
		if r < 0 {
			nulls = append(nulls, i)
			r = 0
		}
		idx[i] = r
	}
	if len(nulls) > 0 && v.Len() == 0 {
		return value.NewNullVector(v.T, len(rows))
	}
	out := v.Gather(idx)
	if len(nulls) > 0 {
		null := value.NewNullVector(v.T, 1)
		null.Scale = v.Scale
		for _, i := range nulls {
			out.SetFrom(i, null, 0)
		}
	}
	return out
}

// sqlJoin evaluates `L [inner|left] join R on L.a = R.b [and ...]` as the
// matching joiner, and returns how the tables' names qualify the result's
// columns (alias -> column -> result column) for `L.a` in the query.
func (in *interp) sqlJoin(j *sqlparse.JoinExpr) (*value.Table, map[string]map[string]string, error) {
	var kind joinKind
	switch j.Kind {
	case "inner":
		kind = joinEqui
	case "left":
		kind = joinLeft
	default:
		return nil, nil, fmt.Errorf("SQL %s join is not supported", j.Kind)
	}
	if _, nested := j.L.(*sqlparse.JoinExpr); nested {
		return nil, nil, errors.New("A SQL join of more than two tables is not supported")
	}
	lname, lv, err := in.fromItem(j.L)
	if err != nil {
		return nil, nil, err
	}
	rname, rv, err := in.fromItem(j.R)
	if err != nil {
		return nil, nil, err
	}
	if j.On == nil {
		return nil, nil, errors.New("A SQL join needs an ON clause")
	}
	var lk, rk []string
	var conds func(e sqlparse.Expr) error
	conds = func(e sqlparse.Expr) error {
		b, ok := e.(*sqlparse.BinaryExpr)
		if ok && (b.Op == "&&" || strings.EqualFold(b.Op, "and")) {
			if err := conds(b.L); err != nil {
				return err
			}
			return conds(b.R)
		}
		if !ok || b.Op != "==" {
			return errors.New("The ON clause of a SQL join must be equalities of columns joined by and")
		}
		qa, ca, ok1 := qualified(b.L)
		qb, cb, ok2 := qualified(b.R)
		switch {
		case ok1 && ok2 && strings.EqualFold(qa, lname) && strings.EqualFold(qb, rname):
			lk, rk = append(lk, ca), append(rk, cb)
		case ok1 && ok2 && strings.EqualFold(qa, rname) && strings.EqualFold(qb, lname):
			lk, rk = append(lk, cb), append(rk, ca)
		default:
			return errors.New("The ON clause of a SQL join must compare a column of each table (left.col = right.col)")
		}
		return nil
	}
	if err := conds(j.On); err != nil {
		return nil, nil, err
	}
	args := []value.Value{lv, rv, value.NewStrings(value.String, lk), value.NewStrings(value.String, rk)}
	res, err := in.joinTables(kind, args, []string{lname, rname})
	if err != nil {
		return nil, nil, err
	}
	qual := map[string]map[string]string{strings.ToLower(lname): res.left, strings.ToLower(rname): res.right}
	return res.t, qual, nil
}

// fromItem evaluates a FROM item (t, "t", loadTable(...), x as t) and
// names it: its alias or variable name.
func (in *interp) fromItem(e sqlparse.Expr) (string, value.Value, error) {
	name := ""
	switch x := e.(type) {
	case *sqlparse.AliasExpr:
		name, e = x.Name, x.X
	case *sqlparse.Ident:
		name = x.Name
	}
	v, err := in.eval(e)
	if err != nil {
		return "", nil, err
	}
	if s, ok := stringArg(v); ok {
		if v, err = in.resolveTable(value.NewString(s)); err != nil {
			return "", nil, err
		}
		if name == "" {
			name = s
		}
	}
	return name, v, nil
}

// qualified splits t.col.
func qualified(e sqlparse.Expr) (table, col string, ok bool) {
	m, ok := e.(*sqlparse.MemberExpr)
	if !ok {
		return "", "", false
	}
	id, ok := m.X.(*sqlparse.Ident)
	if !ok {
		return "", "", false
	}
	return id.Name, m.Name, true
}
