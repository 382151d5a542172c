package sqljoin

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/join"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/value"
)

// errOnColumns is the error for an ON condition that is neither a key
// equality nor a condition on one table.
var errOnColumns = ddberr.Errorf("The ON clause of a SQL join must compare a column of each table (left.col = right.col)")

// SQL evaluates `L [inner|left] join R on L.a = R.b [and ...]` as the
// matching joiner, and returns how the tables' names qualify the result's
// columns (alias -> column -> result column) for `L.a` in the query.
func SQL(h Host, j *sqlparse.JoinExpr) (*value.Table, map[string]map[string]string, error) {
	var kind join.Kind
	switch j.Kind {
	case "inner":
		if j.On == nil {
			// JOIN without ON pairs every row with every row (join.md)
			return sqlCrossJoin(h, j)
		}
		kind = join.Equi
	case "left":
		kind = join.Left
	case "left semi":
		kind = join.LeftSemi
	case "right":
		kind = join.Right
	case "full":
		kind = join.Full
	default: // cross, the last kind the parser makes
		return sqlCrossJoin(h, j)
	}
	lname, lv, rname, rv, err := fromItems(h, j)
	if err != nil {
		return nil, nil, err
	}
	if j.On == nil {
		return nil, nil, ddberr.Errorf("A SQL join needs an ON clause")
	}
	var lk, rk []string
	var onLeft, onRight []sqlparse.Expr // conditions on one table
	var onPairs []sqlparse.Expr         // other conditions on both tables
	var conds func(e sqlparse.Expr) error
	conds = func(e sqlparse.Expr) error {
		b, ok := e.(*sqlparse.BinaryExpr)
		if ok && (b.Op == "&&" || strings.EqualFold(b.Op, "and")) {
			if err := conds(b.L); err != nil {
				return err
			}
			return conds(b.R)
		}
		switch onSide(e, lname, rname) {
		case sideLeft:
			onLeft = append(onLeft, e)
			return nil
		case sideRight:
			onRight = append(onRight, e)
			return nil
		}
		if !ok || b.Op != "==" {
			if kind == join.Equi || kind == join.Left {
				onPairs = append(onPairs, e)
				return nil
			}
			return ddberr.Errorf("The ON clause of a SQL join must be equalities of columns joined by and")
		}
		qa, ca, ok1 := Qualified(b.L)
		qb, cb, ok2 := Qualified(b.R)
		switch {
		case ok1 && ok2 && strings.EqualFold(qa, lname) && strings.EqualFold(qb, rname):
			lk, rk = append(lk, ca), append(rk, cb)
		case ok1 && ok2 && strings.EqualFold(qa, rname) && strings.EqualFold(qb, lname):
			lk, rk = append(lk, cb), append(rk, ca)
		default:
			return errOnColumns
		}
		return nil
	}
	if err := conds(j.On); err != nil {
		return nil, nil, err
	}
	if lk == nil {
		return nil, nil, errOnColumns
	}
	var keep join.Filter
	if keep.Left, err = onFilter(h, lname, lv, onLeft); err != nil {
		return nil, nil, err
	}
	if keep.Right, err = onFilter(h, rname, rv, onRight); err != nil {
		return nil, nil, err
	}
	args := []value.Value{lv, rv, value.NewStrings(value.String, lk), value.NewStrings(value.String, rk)}
	res, err := joinFiltered(h, kind, args, []string{lname, rname}, keep)
	if err != nil {
		return nil, nil, err
	}
	qual := map[string]map[string]string{strings.ToLower(lname): res.Left, strings.ToLower(rname): res.Right}
	if kind == join.Right {
		if err := addLeftKeys(h, lv, lk, &res, qual, lname); err != nil {
			return nil, nil, err
		}
	}
	if len(onPairs) > 0 {
		lt, err := joinTable(h, lv)
		if err != nil {
			return nil, nil, err
		}
		if res.T, err = filterPairs(h, qual, res, onPairs, kind == join.Left, len(lt.Names)); err != nil {
			return nil, nil, err
		}
	}
	return res.T, qual, nil
}

// fromItems evaluates and names the two FROM items of a SQL join.
func fromItems(h Host, j *sqlparse.JoinExpr) (lname string, lv value.Value, rname string, rv value.Value, err error) {
	if _, nested := j.L.(*sqlparse.JoinExpr); nested {
		return "", nil, "", nil, ddberr.Errorf("A SQL join of more than two tables is not supported")
	}
	if lname, lv, err = fromItem(h, j.L); err != nil {
		return "", nil, "", nil, err
	}
	rname, rv, err = fromItem(h, j.R)
	return lname, lv, rname, rv, err
}

// fromItem evaluates a FROM item (t, "t", loadTable(...), x as t) and
// names it: its alias or variable name.
func fromItem(h Host, e sqlparse.Expr) (string, value.Value, error) {
	name := ""
	switch x := e.(type) {
	case *sqlparse.AliasExpr:
		name, e = x.Name, x.X
	case *sqlparse.Ident:
		name = x.Name
	}
	v, err := h.Eval(e)
	if err != nil {
		return "", nil, err
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

// Qualified splits t.col.
func Qualified(e sqlparse.Expr) (table, col string, ok bool) {
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
func sqlCrossJoin(h Host, j *sqlparse.JoinExpr) (*value.Table, map[string]map[string]string, error) {
	lname, lv, rname, rv, err := fromItems(h, j)
	if err != nil {
		return nil, nil, err
	}
	res, err := CrossJoin(h, []value.Value{lv, rv}, []string{lname, rname})
	if err != nil {
		return nil, nil, err
	}
	t := res.(*value.Table)
	lt, _ := joinTable(h, lv)
	rt, _ := joinTable(h, rv)
	lq, rq := map[string]string{}, map[string]string{}
	for i, n := range lt.Names {
		lq[strings.ToLower(n)] = t.Names[i]
	}
	for i, n := range rt.Names {
		rq[strings.ToLower(n)] = t.Names[len(lt.Names)+i]
	}
	return t, map[string]map[string]string{strings.ToLower(lname): lq, strings.ToLower(rname): rq}, nil
}

// The tables an ON condition other than a key equality reads.
const (
	sideBoth = iota
	sideLeft
	sideRight
)

// onSide tells whether every column e names is qualified by the left
// table's name (sideLeft) or every one by the right's (sideRight); such a
// condition limits which rows of that table may match (leftjoin.md:
// `on t1.id=t2.id and t2.qty>=550`).
func onSide(e sqlparse.Expr, lname, rname string) int {
	side := sideBoth
	mixed := false
	sqlparse.Inspect(e, func(n sqlparse.Node) bool {
		x, ok := n.(sqlparse.Expr)
		if !ok {
			return true
		}
		q, _, ok := Qualified(x)
		if !ok {
			return true
		}
		s := sideBoth
		switch {
		case strings.EqualFold(q, lname) && !strings.EqualFold(q, rname):
			s = sideLeft
		case strings.EqualFold(q, rname) && !strings.EqualFold(q, lname):
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

// onFilter evaluates the ON conditions on one table of a SQL join over
// that table's rows (its name.col naming its columns): the rows that may
// match, nil when there are no conditions.
func onFilter(h Host, name string, v value.Value, conds []sqlparse.Expr) ([]bool, error) {
	if len(conds) == 0 {
		return nil, nil
	}
	t, err := joinTable(h, v)
	if err != nil {
		return nil, err
	}
	cols := make(map[string]string, len(t.Names))
	for _, n := range t.Names {
		cols[strings.ToLower(n)] = n
	}
	return h.Where(t, map[string]map[string]string{strings.ToLower(name): cols}, conds)
}

// fromJoiners are the joiners whose call in FROM lets the query name the
// tables' columns as t1.col (leftjoin.md: select t2.x from lj(t1, t2, `id)).
var fromJoiners = map[string]join.Kind{
	"ej": join.Equi, "sej": join.SortedEqui, "lj": join.Left, "lsj": join.LeftSemi, "fj": join.Full,
}

// IsJoinerCall reports whether e calls one of fromJoiners with its
// tables named by variables or aliases (equijoin.md: ej(t as a, t as b,
// `id) for a self join).
func IsJoinerCall(e sqlparse.Expr) bool {
	c, ok := e.(*sqlparse.CallExpr)
	if !ok || len(c.Args) < 3 {
		return false
	}
	fn, ok := c.Fn.(*sqlparse.Ident)
	if !ok {
		return false
	}
	if _, ok := fromJoiners[strings.ToLower(fn.Name)]; !ok {
		return false
	}
	named := func(e sqlparse.Expr) bool {
		switch e.(type) {
		case *sqlparse.Ident, *sqlparse.AliasExpr:
			return true
		}
		return false
	}
	return named(c.Args[0]) && named(c.Args[1])
}

// joinerArgs evaluates a joiner call's arguments, with the names of
// those that are variables or aliased tables.
func joinerArgs(h Host, c *sqlparse.CallExpr) ([]value.Value, []string, error) {
	args := make([]value.Value, len(c.Args))
	names := make([]string, len(c.Args))
	for i, a := range c.Args {
		switch x := a.(type) {
		case *sqlparse.Ident:
			names[i] = x.Name
		case *sqlparse.AliasExpr:
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
func From(h Host, c *sqlparse.CallExpr) (*value.Table, map[string]map[string]string, error) {
	kind := fromJoiners[strings.ToLower(c.Fn.(*sqlparse.Ident).Name)]
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
	return res.T, qual, nil
}

// filterPairs applies ON conditions that read both tables (t1.x < t2.y)
// to the key-matched pairs of an inner or left join: a pair that fails
// them is dropped, and under a left join a left row none of whose pairs
// passes stays once, with NULL in the right table's columns (those after
// the first nleft).
func filterPairs(h Host, qual map[string]map[string]string, res join.Result, conds []sqlparse.Expr, left bool, nleft int) (*value.Table, error) {
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
		for _, r := range nulled {
			col.SetNull(r)
		}
		out.Cols[c] = col
	}
	return out, nil
}
