package sqljoin

import (
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/join"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/sqlparse/exprs"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/porpoisedb/porpoise/value"
)

// errOnColumns is the error for an ON condition that is neither a key
// equality nor a condition on one table.
var errOnColumns = ddberr.Errorf("The ON clause of a SQL join must compare a column of each table (left.col = right.col)")

// SQL evaluates a FROM clause's SQL join: `L [inner|left|...] join R on
// L.a = R.b [and ...]` as the matching joiner, a chain of them left to
// right (L is then the join before), FROM's commas as cross joins of
// their parts; and returns how the tables' names qualify the result's
// columns (alias -> column -> result column) for `L.a` in the query.
//
// used, when not nil, holds (in lower case) every name the query can
// reach a column by (exprs.UsedNames); the join then leaves out the
// columns of its two tables that no name reaches.
func SQL(h Host, j *ast.JoinExpr, used map[string]bool) (*value.Table, map[string]map[string]string, error) {
	var kind join.Kind
	switch j.Kind {
	case "inner":
		kind = join.Equi
	case "left":
		kind = join.Left
	case "left semi":
		kind = join.LeftSemi
	case "right":
		kind = join.Right
	case "full":
		kind = join.Full
	case "cross", ",":
	default:
		return nil, nil, ddberr.Errorf("SQL %s join is not supported", j.Kind)
	}
	l, err := evalSide(h, j.L)
	if err != nil {
		return nil, nil, err
	}
	r, err := evalSide(h, j.R)
	if err != nil {
		return nil, nil, err
	}
	if used != nil {
		prune(h, &l, &r, used)
	}
	if j.Kind == "cross" || j.Kind == "," || j.On == nil && j.Kind == "inner" {
		// JOIN without ON pairs every row with every row (join.md)
		return sqlCrossJoin(h, l, r)
	}
	if j.On == nil {
		return nil, nil, ddberr.Errorf("A SQL join needs an ON clause")
	}
	on, err := splitOn(j.On, kind, l, r)
	if err != nil {
		return nil, nil, err
	}
	for _, c := range on.computed {
		s := &r
		if c.left {
			s = &l
		}
		if err := s.addComputed(h, c); err != nil {
			return nil, nil, err
		}
	}
	var keep join.Filter
	if keep.Left, err = l.filter(h, on.left); err != nil {
		return nil, nil, err
	}
	if keep.Right, err = r.filter(h, on.right); err != nil {
		return nil, nil, err
	}
	args := []value.Value{l.v, r.v, value.NewStrings(value.String, on.lk), value.NewStrings(value.String, on.rk)}
	res, err := joinFiltered(h, kind, args, []string{l.name, r.name}, keep)
	if err != nil {
		return nil, nil, err
	}
	qual := map[string]map[string]string{}
	l.qualify(res.Left, qual)
	r.qualify(res.Right, qual)
	switch kind {
	case join.Right:
		err = addLeftKeys(h, l.v, on, &res, qual)
	case join.Left, join.LeftSemi:
		err = addRightKeys(h, r.v, on, &res, qual)
	}
	if err != nil {
		return nil, nil, err
	}
	if l.qual == nil && r.qual == nil && l.name != "" && r.name != "" {
		bareRightNames(res.T, qual[strings.ToLower(l.name)], qual[strings.ToLower(r.name)], qual)
	}
	if len(on.pairs) > 0 {
		lt, err := joinTable(h, l.v)
		if err != nil {
			return nil, nil, err
		}
		if res.T, err = filterPairs(h, qual, res, on.pairs, kind == join.Left, len(lt.Names)); err != nil {
			return nil, nil, err
		}
	}
	return hiddenLast(res.T), qual, nil
}

// onParts is a SQL join's ON condition taken apart.
type onParts struct {
	// lk and rk are the matching columns of the left and right sides; the
	// condition names lk[i] tables[i].cols[i] and rk[i]
	// rtables[i].rcols[i].
	lk, rk, tables, cols, rtables, rcols []string
	// left and right are the conditions on one side's tables, pairs the
	// other conditions on both sides.
	left, right, pairs []ast.Expr
	// computed are the keys the ON clause computes from one side's
	// columns, matched against a column of the other.
	computed []computedKey
}

// computedKey is a key equality `l.a = f(r.b, ...)` of an ON clause
// (std_sql_ddb.md: on j.job_id = case when h.job_id in (...) then ...
// end): the expression x over the left side (left) or the right becomes
// that side's hidden column name.
type computedKey struct {
	left bool
	name string
	x    ast.Expr
	// table.col is the other side's column the key matches.
	table, col string
}

// addComputed adds the side's column of the computed key c.
func (s *side) addComputed(h Host, c computedKey) error {
	t, err := joinTable(h, s.v)
	if err != nil {
		return err
	}
	var bad error
	x := astwalk.Rewrite(c.x, func(e ast.Expr) (ast.Expr, bool) {
		q, col, ok := Qualified(e)
		if !ok || !s.has(q) {
			return e, false
		}
		name, err := s.column(q, col)
		if err != nil && bad == nil {
			bad = err
		}
		return &ast.Ident{At: e.Pos(), Name: name}, true
	})
	if bad != nil {
		return bad
	}
	v, err := h.EvalTable(t, x)
	if err != nil {
		return err
	}
	col, err := insert.AsColumn(v, t.Rows())
	if err != nil {
		return err
	}
	s.v = value.NewTable(append(append([]string(nil), t.Names...), c.name), append(append([]*value.Vector(nil), t.Cols...), col))
	return nil
}

// splitOn takes the ON condition of a join of kind between l and r apart
// into key equalities (l.a = r.b, in either order) and other conditions.
func splitOn(cond ast.Expr, kind join.Kind, l, r side) (onParts, error) {
	var on onParts
	for _, e := range exprs.Conjuncts([]ast.Expr{cond}) {
		switch onSide(e, l, r) {
		case sideLeft:
			on.left = append(on.left, e)
			continue
		case sideRight:
			on.right = append(on.right, e)
			continue
		}
		b, ok := e.(*ast.BinaryExpr)
		if !ok || b.Op != "==" {
			if kind == join.Equi || kind == join.Left {
				on.pairs = append(on.pairs, e)
				continue
			}
			return on, ddberr.Errorf("The ON clause of a SQL join must be equalities of columns joined by and")
		}
		qa, ca, ok1 := Qualified(b.L)
		qb, cb, ok2 := Qualified(b.R)
		if ok1 && ok2 && !l.has(qa) && r.has(qa) && l.has(qb) {
			qa, ca, qb, cb = qb, cb, qa, ca
		}
		if c, ok := computedOn(b, l, r, len(on.computed)); ok {
			// the plain column's side names it; the computed key has no name
			// a query could reach
			if c.left {
				rc, err := r.column(c.table, c.col)
				if err != nil {
					return on, err
				}
				on.lk, on.rk = append(on.lk, c.name), append(on.rk, rc)
				on.tables, on.cols = append(on.tables, HiddenPrefix), append(on.cols, c.name)
				on.rtables, on.rcols = append(on.rtables, c.table), append(on.rcols, c.col)
			} else {
				lc, err := l.column(c.table, c.col)
				if err != nil {
					return on, err
				}
				on.lk, on.rk = append(on.lk, lc), append(on.rk, c.name)
				on.tables, on.cols = append(on.tables, c.table), append(on.cols, c.col)
				on.rtables, on.rcols = append(on.rtables, HiddenPrefix), append(on.rcols, c.name)
			}
			on.computed = append(on.computed, c)
			continue
		}
		switch {
		case ok1 && !l.has(qa) && !r.has(qa):
			return on, invalidColumns(b.L)
		case ok2 && !l.has(qb) && !r.has(qb):
			return on, invalidColumns(b.R)
		case !ok1 || !ok2 || !l.has(qa) || !r.has(qb):
			return on, errOnColumns
		}
		lc, err := l.column(qa, ca)
		if err != nil {
			return on, err
		}
		rc, err := r.column(qb, cb)
		if err != nil {
			return on, err
		}
		on.lk, on.rk = append(on.lk, lc), append(on.rk, rc)
		on.tables, on.cols = append(on.tables, qa), append(on.cols, ca)
		on.rtables, on.rcols = append(on.rtables, qb), append(on.rcols, cb)
	}
	if on.lk == nil {
		return on, errOnColumns
	}
	return on, nil
}

// invalidColumns is DolphinDB's error for an ON condition naming a table
// that is not in the join, such as a table of another part of FROM's
// commas (S02016.md).
func invalidColumns(e ast.Expr) error {
	return ddberr.Errorf("Syntax Error: [line #%d] Invalid columns [%s]. RefId:S02016", e.Pos().Line, unparse.Format(e))
}

// side is one operand of a SQL join: a FROM item, or a join of several
// (the chain before it, or a part of FROM's commas).
type side struct {
	v value.Value
	// name is a FROM item's alias or variable name ("" for a join or an
	// unnamed item).
	name string
	// qual is a join's qualification of its columns, as SQL returns it;
	// nil for a FROM item.
	qual map[string]map[string]string
}

// evalSide evaluates a join operand.
func evalSide(h Host, e ast.Expr) (side, error) {
	if j, ok := e.(*ast.JoinExpr); ok {
		t, qual, err := SQL(h, j, nil)
		return side{v: t, qual: qual}, err
	}
	name, v, err := fromItem(h, e)
	return side{v: v, name: name}, err
}

// has reports whether table names one of the side's tables.
func (s side) has(table string) bool {
	if s.qual == nil {
		return s.name != "" && strings.EqualFold(table, s.name)
	}
	_, ok := s.qual[strings.ToLower(table)]
	return ok && table != Unqualified
}

// column is the side's column that table.col names.
func (s side) column(table, col string) (string, error) {
	if s.qual == nil {
		return col, nil
	}
	if c, ok := s.qual[strings.ToLower(table)][strings.ToLower(col)]; ok {
		return c, nil
	}
	return "", join.ColumnMissing(col)
}

// qualify adds to qual how the side's tables name the join's columns,
// moved saying where the join put the side's columns (join.Result's Left
// or Right).
func (s side) qualify(moved map[string]string, qual map[string]map[string]string) {
	if s.qual == nil {
		if s.name != "" {
			qual[strings.ToLower(s.name)] = moved
		}
		return
	}
	for t, cols := range s.qual {
		m := make(map[string]string, len(cols))
		for c, n := range cols {
			if to, ok := moved[strings.ToLower(n)]; ok {
				m[c] = to
			}
		}
		qual[t] = m
	}
}

// filter evaluates the ON conditions on the side's tables alone over its
// rows: the rows that may match, nil when there are no conditions.
func (s side) filter(h Host, conds []ast.Expr) ([]bool, error) {
	if len(conds) == 0 {
		return nil, nil
	}
	t, err := joinTable(h, s.v)
	if err != nil {
		return nil, err
	}
	qual := s.qual
	if qual == nil {
		cols := make(map[string]string, len(t.Names))
		for _, n := range t.Names {
			cols[strings.ToLower(n)] = n
		}
		qual = map[string]map[string]string{strings.ToLower(s.name): cols}
	}
	return h.Where(t, qual, conds)
}

// fromItem evaluates a FROM item (t, "t", loadTable(...), x as t) and
// names it: its alias or variable name.
func fromItem(h Host, e ast.Expr) (string, value.Value, error) {
	name := ""
	switch x := e.(type) {
	case *ast.AliasExpr:
		name, e = x.Name, x.X
	case *ast.Ident:
		name = x.Name
	}
	v, err := h.Eval(e)
	if err != nil {
		return "", nil, err
	}
	if _, ok := v.(*value.Table); !ok && nestedJoin(e) {
		return "", nil, ddberr.Errorf("The nested joins in a query must return a table. RefId:S02041")
	}
	if s, ok := funcs.StringArg(v); ok {
		if v, err = h.ResolveTable(s); err != nil {
			return "", nil, err
		}
		if name == "" {
			name = s
		}
	}
	return name, v, nil
}

// nestedJoin reports whether e is a query over a SQL join (s02041.md).
func nestedJoin(e ast.Expr) bool {
	q, ok := exprs.Unparen(e).(*ast.SelectExpr)
	if !ok {
		return false
	}
	_, ok = q.From.(*ast.JoinExpr)
	return ok
}

// Qualified splits t.col.
func Qualified(e ast.Expr) (table, col string, ok bool) {
	m, ok := e.(*ast.MemberExpr)
	if !ok {
		return "", "", false
	}
	id, ok := m.X.(*ast.Ident)
	if !ok {
		return "", "", false
	}
	return id.Name, m.Name, true
}

// sqlCrossJoin is `L cross join R`: cj over the two sides.
func sqlCrossJoin(h Host, l, r side) (*value.Table, map[string]map[string]string, error) {
	res, err := CrossJoin(h, []value.Value{l.v, r.v}, []string{l.name, r.name})
	if err != nil {
		return nil, nil, err
	}
	t := res.(*value.Table)
	lt, _ := joinTable(h, l.v)
	rt, _ := joinTable(h, r.v)
	lm, rm := map[string]string{}, map[string]string{}
	for i, n := range lt.Names {
		lm[strings.ToLower(n)] = t.Names[i]
	}
	for i, n := range rt.Names {
		rm[strings.ToLower(n)] = t.Names[len(lt.Names)+i]
	}
	qual := map[string]map[string]string{}
	l.qualify(lm, qual)
	r.qualify(rm, qual)
	return hiddenLast(t), qual, nil
}

// The tables an ON condition other than a key equality reads.
const (
	sideBoth = iota
	sideLeft
	sideRight
)

// onSide tells whether every column e names is qualified by a table of
// the left side (sideLeft) or every one by the right's (sideRight); such
// a condition limits which rows of that side may match (leftjoin.md:
// `on t1.id=t2.id and t2.qty>=550`).
func onSide(e ast.Expr, l, r side) int {
	side := sideBoth
	mixed := false
	astwalk.Inspect(e, func(n ast.Node) bool {
		x, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		q, _, ok := Qualified(x)
		if !ok {
			return true
		}
		s := sideBoth
		switch {
		case l.has(q) && !r.has(q):
			s = sideLeft
		case r.has(q) && !l.has(q):
			s = sideRight
		}
		if s == sideBoth || side != sideBoth && side != s {
			mixed = true
		}
		side = s
		return false
	})
	if mixed {
		return sideBoth
	}
	return side
}

// fromJoiners are the joiners whose call in FROM lets the query name the
// tables' columns as t1.col (leftjoin.md: select t2.x from lj(t1, t2, `id);
// aj's t2.date is the right row's own date, the one it kept:
// tutorials/fund_factor_contrasted_by_py.md).
var fromJoiners = map[string]join.Kind{
	"ej": join.Equi, "sej": join.SortedEqui, "lj": join.Left, "lsj": join.LeftSemi, "fj": join.Full, "aj": join.Asof,
}

// IsJoinerCall reports whether e calls one of fromJoiners with its
// tables named by variables or aliases (equijoin.md: ej(t as a, t as b,
// `id) for a self join).
func IsJoinerCall(e ast.Expr) bool {
	c, ok := e.(*ast.CallExpr)
	if !ok || len(c.Args) < 3 {
		return false
	}
	fn, ok := c.Fn.(*ast.Ident)
	if !ok {
		return false
	}
	if _, ok := fromJoiners[strings.ToLower(fn.Name)]; !ok {
		return false
	}
	named := func(e ast.Expr) bool {
		switch e.(type) {
		case *ast.Ident, *ast.AliasExpr:
			return true
		}
		return false
	}
	return named(c.Args[0]) && named(c.Args[1])
}

// joinerArgs evaluates a joiner call's arguments, with the names of
// those that are variables or aliased tables.
func joinerArgs(h Host, c *ast.CallExpr) ([]value.Value, []string, error) {
	args := make([]value.Value, len(c.Args))
	names := make([]string, len(c.Args))
	for i, a := range c.Args {
		switch x := a.(type) {
		case *ast.Ident:
			names[i] = x.Name
		case *ast.AliasExpr:
			if i < 2 {
				names[i], a = x.Name, x.X
			}
		}
		v, err := h.Eval(a)
		if err != nil {
			return nil, nil, err
		}
		args[i] = v
	}
	return args, names, nil
}

// From evaluates FROM's joiner call (IsJoinerCall) and how its
// tables' names qualify the result's columns.
func From(h Host, c *ast.CallExpr) (*value.Table, map[string]map[string]string, error) {
	kind := fromJoiners[strings.ToLower(c.Fn.(*ast.Ident).Name)]
	args, names, err := joinerArgs(h, c)
	if err != nil {
		return nil, nil, err
	}
	if len(args) > 4 && !HasFilters(kind) || len(args) > 6 {
		// the registered function gives the argument-count error
		v, err := h.Eval(c)
		if err != nil {
			return nil, nil, err
		}
		t, ok := v.(*value.Table)
		if !ok {
			return nil, nil, ddberr.Errorf("The FROM clause must be followed by a table. RefId:S02033")
		}
		return t, nil, nil
	}
	res, err := joinValues(h, kind, args, names)
	if err != nil {
		return nil, nil, err
	}
	qual := map[string]map[string]string{strings.ToLower(names[1]): res.Right, strings.ToLower(names[0]): res.Left}
	bareRightNames(res.T, res.Left, res.Right, qual)
	return res.T, qual, nil
}

// filterPairs applies ON conditions that read both tables (t1.x < t2.y)
// to the key-matched pairs of an inner or left join: a pair that fails
// them is dropped, and under a left join a left row none of whose pairs
// passes stays once, with NULL in the right table's columns (those after
// the first nleft).
func filterPairs(h Host, qual map[string]map[string]string, res join.Result, conds []ast.Expr, left bool, nleft int) (*value.Table, error) {
	ok, err := h.Where(res.T, qual, conds)
	if err != nil {
		return nil, err
	}
	var keep, nulled []int
	for start := 0; start < len(ok); {
		end := start + 1
		for end < len(ok) && res.LeftRows[end] == res.LeftRows[start] {
			end++
		}
		any := false
		for r := start; r < end; r++ {
			if ok[r] {
				keep = append(keep, r)
				any = true
			}
		}
		if !any && left {
			nulled = append(nulled, len(keep))
			keep = append(keep, start)
		}
		start = end
	}
	out := res.T.Gather(keep)
	for c := nleft; c < len(out.Cols) && len(nulled) > 0; c++ {
		col := out.Cols[c].Clone()
		insert.SetNullRows(col, nulled)
		out.Cols[c] = col
	}
	return out, nil
}

// nestedJoiners are the table joiners whose calls nest in FROM to join
// more than two tables (ej(ej(t1, t2, `id), t3, `id)).
var nestedJoiners = map[string]bool{"ej": true, "sej": true, "lj": true, "lsj": true, "fj": true, "aj": true, "pj": true, "cj": true}

// joinerCall is e as a call of one of nestedJoiners.
func joinerCall(e ast.Expr) (*ast.CallExpr, bool) {
	c, ok := e.(*ast.CallExpr)
	if !ok || len(c.Args) < 2 {
		return nil, false
	}
	fn, ok := c.Fn.(*ast.Ident)
	return c, ok && nestedJoiners[strings.ToLower(fn.Name)]
}

// CheckNested fails when FROM's joiner call e nests a joiner call that
// joins a partitioned table: DolphinDB allows those only in the
// outermost join (S02006.md). Tables are recognised by variable name, so
// that nothing is evaluated twice.
func CheckNested(h Host, e ast.Expr) error {
	c, ok := joinerCall(e)
	if !ok {
		return nil
	}
	for _, a := range c.Args[:2] {
		if inner, ok := joinerCall(a); ok && joinsDFS(h, inner) {
			return ddberr.Errorf("When joining multiple tables, only the first table to be joined can be a partitioned table. RefId:S02006")
		}
	}
	return nil
}

// joinsDFS reports whether the joiner call c, or one nested in it, joins
// a variable holding a partitioned table; dimension tables may join
// anywhere (tutorials/user_level_resource_tracking.md nests ej of them).
func joinsDFS(h Host, c *ast.CallExpr) bool {
	for _, a := range c.Args[:2] {
		if inner, ok := joinerCall(a); ok && joinsDFS(h, inner) {
			return true
		}
		if id, ok := a.(*ast.Ident); ok {
			if v, err := h.Eval(id); err == nil {
				if dt, ok := h.DFSTable(v); ok && len(dt.PartitionColumnNames()) > 0 {
					return true
				}
			}
		}
	}
	return false
}

// prune narrows two private, plain in-memory sides of a join to the
// columns used names (the query's names, its ON condition's among them),
// so the join gathers only what the query reads. A right column is kept
// when used names it or its prefixed name (t2_price); a left column when
// used names it or the right side keeps a column of its name, which keeps
// that right column's prefix and so every name the query resolves. A
// keyed or shared table is left whole: the join reads its index or takes
// its lock.
func prune(h Host, l, r *side, used map[string]bool) {
	lt, lok := l.v.(*value.Table)
	rt, rok := r.v.(*value.Table)
	if !lok || !rok || l.qual != nil || r.qual != nil || lt == rt {
		return
	}
	for _, t := range []*value.Table{lt, rt} {
		if t.IsKeyed() || t.Shared != "" || t.Stream != nil {
			return
		}
	}
	prefix := strings.ToLower(rightName([]string{l.name, r.name})) + "_"
	rightKept := map[string]bool{}
	r.v = keepColumns(rt, func(n string) bool {
		keep := used[n] || used[prefix+n]
		rightKept[n] = keep
		return keep
	})
	l.v = keepColumns(lt, func(n string) bool { return used[n] || rightKept[n] })
}

// keepColumns is t with the columns whose lower-case name keep admits
// (its first column when it admits none), sharing their vectors; t itself
// when it admits them all.
func keepColumns(t *value.Table, keep func(lower string) bool) *value.Table {
	var names []string
	var cols []*value.Vector
	for i, n := range t.Names {
		if keep(strings.ToLower(n)) {
			names = append(names, n)
			cols = append(cols, t.Cols[i])
		}
	}
	switch len(names) {
	case len(t.Names):
		return t
	case 0: // the rows still count (count(*))
		names, cols = t.Names[:1], t.Cols[:1]
	}
	return value.NewTable(names, cols)
}

// computedOn recognizes the ON equality b between a column of one side
// and an expression (not a bare column) over the other side's columns
// alone; the k-th such key gets a hidden column name.
func computedOn(b *ast.BinaryExpr, l, r side, k int) (computedKey, bool) {
	name := HiddenPrefix + "on" + strconv.Itoa(k)
	for _, pair := range [][2]ast.Expr{{b.L, b.R}, {b.R, b.L}} {
		q, col, ok := Qualified(pair[0])
		if !ok {
			continue
		}
		if _, _, bare := Qualified(pair[1]); bare {
			continue
		}
		switch s := onSide(pair[1], l, r); {
		case s == sideLeft && r.has(q) && !l.has(q):
			return computedKey{left: true, name: name, x: pair[1], table: q, col: col}, true
		case s == sideRight && l.has(q) && !r.has(q):
			return computedKey{left: false, name: name, x: pair[1], table: q, col: col}, true
		}
	}
	return computedKey{}, false
}
