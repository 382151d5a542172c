package query

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/join"
	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/value"
)

// sqlJoin evaluates `L [inner|left] join R on L.a = R.b [and ...]` as the
// matching joiner, and returns how the tables' names qualify the result's
// columns (alias -> column -> result column) for `L.a` in the query.
func (ex *executor) sqlJoin(j *sqlparse.JoinExpr) (*value.Table, map[string]map[string]string, error) {
	var kind join.Kind
	switch j.Kind {
	case "inner":
		if j.On == nil {
			// JOIN without ON pairs every row with every row (join.md)
			return ex.sqlCrossJoin(j)
		}
		kind = join.Equi
	case "left":
		kind = join.Left
	case "right":
		kind = join.Right
	case "full":
		kind = join.Full
	case "cross":
		return ex.sqlCrossJoin(j)
	default:
		return nil, nil, ddberr.Errorf("SQL %s join is not supported", j.Kind)
	}
	if _, nested := j.L.(*sqlparse.JoinExpr); nested {
		return nil, nil, ddberr.Errorf("A SQL join of more than two tables is not supported")
	}
	lname, lv, err := ex.fromItem(j.L)
	if err != nil {
		return nil, nil, err
	}
	rname, rv, err := ex.fromItem(j.R)
	if err != nil {
		return nil, nil, err
	}
	if j.On == nil {
		return nil, nil, ddberr.Errorf("A SQL join needs an ON clause")
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
			return ddberr.Errorf("The ON clause of a SQL join must be equalities of columns joined by and")
		}
		qa, ca, ok1 := qualified(b.L)
		qb, cb, ok2 := qualified(b.R)
		switch {
		case ok1 && ok2 && strings.EqualFold(qa, lname) && strings.EqualFold(qb, rname):
			lk, rk = append(lk, ca), append(rk, cb)
		case ok1 && ok2 && strings.EqualFold(qa, rname) && strings.EqualFold(qb, lname):
			lk, rk = append(lk, cb), append(rk, ca)
		default:
			return ddberr.Errorf("The ON clause of a SQL join must compare a column of each table (left.col = right.col)")
		}
		return nil
	}
	if err := conds(j.On); err != nil {
		return nil, nil, err
	}
	args := []value.Value{lv, rv, value.NewStrings(value.String, lk), value.NewStrings(value.String, rk)}
	res, err := joinValues(ex.env, kind, args, []string{lname, rname})
	if err != nil {
		return nil, nil, err
	}
	qual := map[string]map[string]string{strings.ToLower(lname): res.Left, strings.ToLower(rname): res.Right}
	return res.T, qual, nil
}

// fromItem evaluates a FROM item (t, "t", loadTable(...), x as t) and
// names it: its alias or variable name.
func (ex *executor) fromItem(e sqlparse.Expr) (string, value.Value, error) {
	name := ""
	switch x := e.(type) {
	case *sqlparse.AliasExpr:
		name, e = x.Name, x.X
	case *sqlparse.Ident:
		name = x.Name
	}
	v, err := ex.eval(e)
	if err != nil {
		return "", nil, err
	}
	if s, ok := funcs.StringArg(v); ok {
		if v, err = ex.env.ResolveTable(s); err != nil {
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
func (ex *executor) sqlCrossJoin(j *sqlparse.JoinExpr) (*value.Table, map[string]map[string]string, error) {
	if _, nested := j.L.(*sqlparse.JoinExpr); nested {
		return nil, nil, ddberr.Errorf("A SQL join of more than two tables is not supported")
	}
	lname, lv, err := ex.fromItem(j.L)
	if err != nil {
		return nil, nil, err
	}
	rname, rv, err := ex.fromItem(j.R)
	if err != nil {
		return nil, nil, err
	}
	res, err := CrossJoin(ex.env, []value.Value{lv, rv}, []string{lname, rname})
	if err != nil {
		return nil, nil, err
	}
	t := res.(*value.Table)
	lt, _ := joinTable(ex.env, lv)
	rt, _ := joinTable(ex.env, rv)
	lq, rq := map[string]string{}, map[string]string{}
	for i, n := range lt.Names {
		lq[strings.ToLower(n)] = t.Names[i]
	}
	for i, n := range rt.Names {
		rq[strings.ToLower(n)] = t.Names[len(lt.Names)+i]
	}
	return t, map[string]map[string]string{strings.ToLower(lname): lq, strings.ToLower(rname): rq}, nil
}
