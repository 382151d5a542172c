package engine

import (
	"errors"
	"fmt"
	"sort"
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
	for _, kind := range []joinKind{joinEqui, joinLeft, joinLeftSemi, joinFull, joinAsof, joinPrefix, joinSortedEqui} {
		kind := kind
		reg(kind.name(), p("leftTable", "rightTable", "matchingCols", "rightMatchingCols"), 3, 4, func(in *interp, args []value.Value, names []string) (value.Value, error) {
			return in.join(kind, args, names)
		})
	}
	reg("cj", p("leftTable", "rightTable"), 2, 2, func(in *interp, args []value.Value, names []string) (value.Value, error) {
		return in.crossJoin(args, names)
	})
}

type joinKind int

const (
	joinEqui joinKind = iota
	joinLeft
	joinLeftSemi
	joinFull       // fj: lj plus the unmatched right rows
	joinAsof       // aj: the last right row at or before the left row's last key
	joinRight      // SQL right join: lj with the sides' rows swapped
	joinPrefix     // pj: right keys that are prefixes of the left key
	joinSortedEqui // sej: ej sorted by the matching columns
)

func (k joinKind) name() string {
	return [...]string{"ej", "lj", "lsj", "fj", "aj", "rj", "pj", "sej"}[k]
}

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
	var lrows, rrows []int // -1: no row on that side (NULLs)
	switch kind {
	case joinAsof:
		lrows, rrows = asofRows(lkeys, rkeys, keyOf)
	case joinRight:
		rrows, lrows = matchRows(rkeys, lkeys, keyOf, joinLeft)
	case joinPrefix:
		if len(lkeys) != 1 || lkeys[0].T.Storage() != value.StString || rkeys[0].T.Storage() != value.StString {
			return joined{}, errors.New("pj takes one matching column of type STRING or SYMBOL.")
		}
		lrows, rrows = prefixRows(lkeys[0].Str, rkeys[0].Str)
	case joinSortedEqui:
		lrows, rrows = matchRows(lkeys, rkeys, keyOf, joinEqui)
		order := seqInts(len(lrows))
		sort.SliceStable(order, func(a, b int) bool {
			for _, k := range lkeys {
				if c := value.CompareElems(k, lrows[order[a]], lrows[order[b]]); c != 0 {
					return c < 0
				}
			}
			return false
		})
		l2, r2 := make([]int, len(order)), make([]int, len(order))
		for i, o := range order {
			l2[i], r2[i] = lrows[o], rrows[o]
		}
		lrows, rrows = l2, r2
	default:
		lrows, rrows = matchRows(lkeys, rkeys, keyOf, kind)
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
	isLeftKey := make([]bool, len(left.Cols))
	for _, c := range li {
		isLeftKey[c] = true
	}
	if kind == joinRight {
		// the left table's other columns, then all of the right table's
		outNames = outNames[:0]
		taken = map[string]bool{}
		for c, col := range left.Cols {
			if !isLeftKey[c] {
				outNames = append(outNames, left.Names[c])
				outCols = append(outCols, gatherOrNull(col, lrows))
				taken[strings.ToLower(left.Names[c])] = true
			}
		}
		isRightKey = make([]bool, len(right.Cols))
		for k, c := range ri {
			j.left[strings.ToLower(left.Names[li[k]])] = right.Names[c]
		}
	} else {
		for _, col := range left.Cols {
			outCols = append(outCols, gatherOrNull(col, lrows))
		}
	}
	if kind == joinFull || kind == joinAsof || kind == joinPrefix {
		// the right matching columns are kept (the last one for aj)
		for k, c := range ri {
			if kind == joinAsof && k < len(ri)-1 {
				continue
			}
			isRightKey[c] = false
		}
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

// matchRows pairs each left row with its matching right rows (in right
// order): all of them (ej, lj), the first (lsj); lj, lsj and fj keep an
// unmatched left row with -1, and fj appends the right rows no left row
// matched.
func matchRows(lkeys, rkeys []*value.Vector, keyOf func([]*value.Vector, int) (string, bool), kind joinKind) (lrows, rrows []int) {
	index := map[string][]int{}
	nr := 0
	if len(rkeys) > 0 {
		nr = rkeys[0].Len()
	}
	for r := 0; r < nr; r++ {
		if key, ok := keyOf(rkeys, r); ok {
			index[key] = append(index[key], r)
		}
	}
	var hit []bool
	if kind == joinFull {
		hit = make([]bool, nr)
	}
	nl := 0
	if len(lkeys) > 0 {
		nl = lkeys[0].Len()
	}
	for l := 0; l < nl; l++ {
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
			if hit != nil {
				hit[r] = true
			}
		}
		if len(hits) == 0 && kind != joinEqui {
			lrows = append(lrows, l)
			rrows = append(rrows, -1)
		}
	}
	for r, h := range hit {
		if !h {
			lrows = append(lrows, -1)
			rrows = append(rrows, r)
		}
	}
	return lrows, rrows
}

// prefixRows pairs each left row with the right rows whose key is a
// prefix of the left key (in right order).
func prefixRows(left, right []string) (lrows, rrows []int) {
	index := map[string][]int{}
	for r, k := range right {
		if k != "" {
			index[k] = append(index[k], r)
		}
	}
	var hits []int
	for l, k := range left {
		hits = hits[:0]
		for n := 1; n <= len(k); n++ {
			hits = append(hits, index[k[:n]]...)
		}
		sort.Ints(hits)
		for _, r := range hits {
			lrows = append(lrows, l)
			rrows = append(rrows, r)
		}
	}
	return lrows, rrows
}

// asofRows pairs each left row with the last right row whose other
// matching columns are equal and whose last matching column is at or
// before the left row's (-1 when none). Right rows are taken in the
// order of their last column within each group, as aj assumes.
func asofRows(lkeys, rkeys []*value.Vector, keyOf func([]*value.Vector, int) (string, bool)) (lrows, rrows []int) {
	last := len(lkeys) - 1
	lt, rt := lkeys[last], rkeys[last]
	groups := map[string][]int{}
	for r := 0; r < rt.Len(); r++ {
		if rt.IsNull(r) {
			continue
		}
		key, ok := keyOf(rkeys[:last], r)
		if ok {
			groups[key] = append(groups[key], r)
		}
	}
	for _, g := range groups {
		sort.SliceStable(g, func(a, b int) bool { return value.CompareElems(rt, g[a], g[b]) < 0 })
	}
	both := value.NewVector(lt.T, 0, 2)
	both.Scale = lt.Scale
	for l := 0; l < lt.Len(); l++ {
		lrows = append(lrows, l)
		key, ok := keyOf(lkeys[:last], l)
		g := groups[key]
		if !ok || lt.IsNull(l) || len(g) == 0 {
			rrows = append(rrows, -1)
			continue
		}
		// the first right row after the left value, minus one
		both.Truncate(0)
		both.AppendFrom(lt, l)
		i := sort.Search(len(g), func(i int) bool {
			both.Truncate(1)
			both.AppendFrom(rt, g[i])
			return value.CompareElems(both, 1, 0) > 0
		})
		if i == 0 {
			rrows = append(rrows, -1)
		} else {
			rrows = append(rrows, g[i-1])
		}
	}
	return lrows, rrows
}

// crossJoin is cj(left, right): every left row with every right row.
func (in *interp) crossJoin(args []value.Value, names []string) (value.Value, error) {
	left, err := in.joinTable(args[0])
	if err != nil {
		return nil, err
	}
	right, err := in.joinTable(args[1])
	if err != nil {
		return nil, err
	}
	nl, nr := left.Rows(), right.Rows()
	lrows := make([]int, 0, nl*nr)
	rrows := make([]int, 0, nl*nr)
	for l := 0; l < nl; l++ {
		for r := 0; r < nr; r++ {
			lrows = append(lrows, l)
			rrows = append(rrows, r)
		}
	}
	prefix := "rhs"
	if len(names) > 1 && names[1] != "" {
		prefix = names[1]
	}
	taken := map[string]bool{}
	outNames := append([]string(nil), left.Names...)
	var outCols []*value.Vector
	for _, c := range left.Cols {
		outCols = append(outCols, c.Gather(lrows))
	}
	for _, n := range left.Names {
		taken[strings.ToLower(n)] = true
	}
	for c, col := range right.Cols {
		name := right.Names[c]
		if taken[strings.ToLower(name)] {
			name = prefix + "_" + name
		}
		taken[strings.ToLower(name)] = true
		outNames = append(outNames, name)
		outCols = append(outCols, col.Gather(rrows))
	}
	return value.NewTable(outNames, outCols), nil
}

// joinTable materializes a join argument: an in-memory table, or a
// partitioned table read whole.
func (in *interp) joinTable(v value.Value) (*value.Table, error) {
	switch t := v.(type) {
	case *value.Table:
		return t, nil
	case Table:
		if err := in.s.checkScan(t); err != nil {
			return nil, err
		}
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
	case "right":
		kind = joinRight
	case "full":
		kind = joinFull
	case "cross":
		return in.sqlCrossJoin(j)
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

// sqlCrossJoin is `L cross join R`: cj over the two FROM items.
func (in *interp) sqlCrossJoin(j *sqlparse.JoinExpr) (*value.Table, map[string]map[string]string, error) {
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
	res, err := in.crossJoin([]value.Value{lv, rv}, []string{lname, rname})
	if err != nil {
		return nil, nil, err
	}
	t := res.(*value.Table)
	lt, _ := in.joinTable(lv)
	rt, _ := in.joinTable(rv)
	lq, rq := map[string]string{}, map[string]string{}
	for i, n := range lt.Names {
		lq[strings.ToLower(n)] = t.Names[i]
	}
	for i, n := range rt.Names {
		rq[strings.ToLower(n)] = t.Names[len(lt.Names)+i]
	}
	return t, map[string]map[string]string{strings.ToLower(lname): lq, strings.ToLower(rname): rq}, nil
}
