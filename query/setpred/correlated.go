package setpred

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/sqlparse/exprs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// Correlated subqueries in where clauses (progr/sql/exists.md): the
// subquery's conditions name the outer table's columns (t1.sym). DolphinDB
// runs the subquery once per outer row. When each condition linking the
// two tables is an equality or `in` between an outer column and an inner
// expression, the subquery runs once instead, as a semi-join: an outer
// row matches when its columns equal some inner row's expressions. Any
// other link (t2.w > t1.v + 3) runs the subquery once per distinct outer
// row (perRow).

// errCorrelated tells correlated to run the subquery row by row.
var errCorrelated = errors.New("the subquery's links to the outer table are not all equalities")

// FromName is the name a FROM item gives its table's columns (t1.sym):
// the table's variable or its alias; "" otherwise.
func FromName(from ast.Expr) string {
	switch f := from.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.AliasExpr:
		return f.Name
	}
	return ""
}

// outerColumn reports the outer table's column e names (outer.col).
func (l Lowerer) outerColumn(e ast.Expr, t *value.Table) (string, bool) {
	e = exprs.Unparen(e)
	m, ok := e.(*ast.MemberExpr)
	if !ok {
		return "", false
	}
	id, ok := m.X.(*ast.Ident)
	if !ok || id.Name != l.From || t.Column(m.Name) == nil {
		return "", false
	}
	return m.Name, true
}

// mentionsOuter reports whether e names a column of the outer table.
func (l Lowerer) mentionsOuter(e ast.Expr, t *value.Table) bool {
	found := false
	astwalk.Inspect(e, func(n ast.Node) bool {
		if x, ok := n.(ast.Expr); ok {
			if _, ok := l.outerColumn(x, t); ok {
				found = true
			}
		}
		return !found
	})
	return found
}

// correlatedQuery is a subquery whose conditions name the outer table t.
func (l Lowerer) correlatedQuery(e ast.Expr, t *value.Table) (*ast.SelectExpr, bool) {
	e = exprs.Unparen(e)
	q, ok := e.(*ast.SelectExpr)
	if !ok || l.From == "" || FromName(q.From) == l.From {
		return nil, false
	}
	for _, w := range q.Where {
		if l.mentionsOuter(w, t) {
			return q, true
		}
	}
	return nil, false
}

// semiJoin splits q's conditions into the links to the outer table t
// (outer columns and the inner expressions they must equal) and the
// rest, runs q once over the rest selecting sel then the linked inner
// expressions, and flags the rows of t whose values (outerVals then the
// linked columns) equal some result row.
func (l Lowerer) semiJoin(t *value.Table, q *ast.SelectExpr, sel []ast.Expr, outerVals []*value.Vector) (*value.Vector, error) {
	inner := *q
	inner.Where = nil
	inner.Cols = append([]ast.Expr(nil), sel...)
	inner.Exec = false
	outer := append([]*value.Vector(nil), outerVals...)
	for _, w := range Conjuncts(q.Where) {
		if !l.mentionsOuter(w, t) {
			inner.Where = append(inner.Where, w)
			continue
		}
		b, ok := w.(*ast.BinaryExpr)
		if !ok || (b.Op != "==" && b.Op != "in") {
			return nil, errCorrelated
		}
		col, linked := l.outerColumn(b.L, t)
		other := b.R
		if !linked && b.Op == "==" {
			col, linked = l.outerColumn(b.R, t)
			other = b.L
		}
		if !linked || l.mentionsOuter(other, t) {
			return nil, errCorrelated
		}
		inner.Cols = append(inner.Cols, unqualify(other, FromName(q.From)))
		outer = append(outer, t.Column(col))
	}
	for i := range inner.Cols {
		// positional names: the inner expressions may share one
		inner.Cols[i] = &ast.AliasExpr{At: q.At, X: colname.Strip(inner.Cols[i]), Name: fmt.Sprintf("c%d", i)}
	}
	v, err := l.H.Select(&inner)
	if err != nil {
		return nil, err
	}
	res, ok := v.(*value.Table)
	if !ok || len(res.Cols) != len(outer) {
		return nil, errCorrelated
	}
	keys := make([]*value.Vector, len(outer))
	for i, c := range res.Cols {
		if keys[i], err = cast.Vector(c, outer[i].T, outer[i].Scale); err != nil {
			return nil, err
		}
	}
	set := make(map[string]struct{}, res.Rows())
	var buf []byte
	for r := 0; r < res.Rows(); r++ {
		buf = buf[:0]
		for _, k := range keys {
			buf = k.AppendKey(buf, r)
		}
		set[string(buf)] = struct{}{}
	}
	flags := make([]int8, t.Rows())
	for r := range flags {
		buf = buf[:0]
		for _, o := range outer {
			buf = o.AppendKey(buf, r)
		}
		if _, ok := set[string(buf)]; ok {
			flags[r] = 1
		}
	}
	return &value.Vector{T: value.Bool, I8: flags}, nil
}

// Conjuncts lists where conditions with their and-chains split.
func Conjuncts(where []ast.Expr) []ast.Expr {
	var out []ast.Expr
	var add func(e ast.Expr)
	add = func(e ast.Expr) {
		if b, ok := e.(*ast.BinaryExpr); ok && b.Op == "&&" {
			add(b.L)
			add(b.R)
			return
		}
		out = append(out, e)
	}
	for _, w := range where {
		add(w)
	}
	return out
}

// unqualify turns name.col in a linked inner expression into the column
// col of the subquery's table (the rows its other conditions keep).
func unqualify(e ast.Expr, name string) ast.Expr {
	if m, ok := e.(*ast.MemberExpr); ok {
		if id, ok := m.X.(*ast.Ident); ok && name != "" && id.Name == name {
			return &ast.Ident{At: m.At, Name: m.Name}
		}
	}
	return e
}

// correlatedArg is the query of exists(q) or the right side of x in q.
func correlatedArg(e ast.Expr) ast.Expr {
	switch x := e.(type) {
	case *ast.CallExpr:
		if q := ExistsQuery(x); q != nil {
			return q
		}
	case *ast.BinaryExpr:
		if x.Op == "in" {
			return x.R
		}
	}
	return nil
}

// correlated rewrites a correlated exists(q) or `x in (q)` over t into
// its semi-join's flags, bound to a variable; ok is false for anything
// else.
func (l Lowerer) correlated(t *value.Table, e ast.Expr, vars map[string]value.Value) (ast.Expr, bool, error) {
	var flags *value.Vector
	var err error
	switch x := e.(type) {
	case *ast.CallExpr:
		q := ExistsQuery(x)
		if q == nil {
			return nil, false, nil
		}
		if q, ok := l.correlatedQuery(q, t); ok {
			if flags, err = l.semiJoin(t, q, nil, nil); err == errCorrelated {
				flags, err = l.perRow(t, q, nil)
			}
		}
	case *ast.BinaryExpr:
		if x.Op != "in" {
			return nil, false, nil
		}
		q, ok := l.correlatedQuery(x.R, t)
		if !ok {
			return nil, false, nil
		}
		if len(q.Cols) != 1 {
			return nil, true, ddberr.Errorf("The subquery after in must select one column.")
		}
		var v value.Value
		if v, err = l.H.EvalTable(t, x.L); err != nil {
			return nil, true, err
		}
		var lv *value.Vector
		if lv, err = value.Broadcast(v, t.Rows()); err != nil {
			return nil, true, err
		}
		if flags, err = l.semiJoin(t, q, q.Cols, []*value.Vector{lv}); err == errCorrelated {
			flags, err = l.perRow(t, q, lv)
		}
	}
	if flags == nil || err != nil {
		return nil, err != nil, err
	}
	name := fmt.Sprintf("\x00set%d", len(vars))
	vars[name] = flags
	return &ast.Ident{At: e.Pos(), Name: name}, true, nil
}

// ExistsQuery returns q for a call exists(q) on a query, else nil.
func ExistsQuery(c *ast.CallExpr) *ast.SelectExpr {
	id, ok := c.Fn.(*ast.Ident)
	if !ok || c.Method || len(c.Args) != 1 || !strings.EqualFold(id.Name, "exists") {
		return nil
	}
	arg := c.Args[0]
	if p, ok := arg.(*ast.ParenExpr); ok {
		arg = p.X
	}
	q, _ := arg.(*ast.SelectExpr)
	return q
}

// perRow flags the rows of t for which the correlated subquery q, run with
// the outer table's name bound to a dictionary of that row's columns (so
// t1.v is the row's value), returns any row (exists), or, when x is
// given, a column holding x's element of that row (x in q). Rows whose
// referenced columns (and x) repeat reuse the answer.
func (l Lowerer) perRow(t *value.Table, q *ast.SelectExpr, x *value.Vector) (*value.Vector, error) {
	var cols []int
	astwalk.Inspect(q, func(n ast.Node) bool {
		if e, ok := n.(ast.Expr); ok {
			if c, ok := l.outerColumn(e, t); ok {
				if i := value.NameIndex(t.Names, c); !slices.Contains(cols, i) {
					cols = append(cols, i)
				}
			}
		}
		return true
	})
	names := make([]string, len(cols))
	for k, c := range cols {
		names[k] = t.Names[c]
	}
	keys := value.NewStrings(value.String, names)
	q, binds, err := l.ownFrom(q)
	if err != nil {
		return nil, err
	}
	seen := map[string]int8{}
	flags := make([]int8, t.Rows())
	var buf []byte
	for r := range flags {
		buf = buf[:0]
		for _, c := range cols {
			buf = t.Cols[c].AppendKey(buf, r)
		}
		if x != nil {
			buf = x.AppendKey(buf, r)
		}
		if f, ok := seen[string(buf)]; ok {
			flags[r] = f
			continue
		}
		vals := make([]value.Value, len(cols))
		for k, c := range cols {
			vals[k] = t.Cols[c].Elem(r)
		}
		row := value.NewDict(value.String, value.Any)
		all := value.NewTuple(vals)
		for k := range cols {
			row.Put(keys, k, all, k)
		}
		binds[l.From] = row
		restore := l.H.Bind(binds)
		res, err := l.H.Select(q)
		restore()
		if err != nil {
			return nil, err
		}
		hit, err := l.answers(res, x, r)
		if err != nil {
			return nil, err
		}
		seen[string(buf)] = hit
		flags[r] = hit
	}
	return &value.Vector{T: value.Bool, I8: flags}, nil
}

// ownFrom is q reading its FROM table through a variable of its own when
// FROM names the outer table under an alias (select * from t1 where
// exists(select * from t1 as b where b.x > t1.x)), since perRow binds the
// outer table's name to one row; binds holds that variable.
func (l Lowerer) ownFrom(q *ast.SelectExpr) (*ast.SelectExpr, map[string]value.Value, error) {
	binds := map[string]value.Value{}
	a, ok := q.From.(*ast.AliasExpr)
	if !ok {
		return q, binds, nil
	}
	id, ok := a.X.(*ast.Ident)
	if !ok || id.Name != l.From {
		return q, binds, nil
	}
	v, err := l.H.Eval(id)
	if err != nil {
		return nil, nil, err
	}
	const name = "\x00from"
	binds[name] = v
	own := *q
	own.From = &ast.AliasExpr{At: a.At, X: &ast.Ident{At: id.At, Name: name}, Name: a.Name}
	return &own, binds, nil
}

// answers reports (as 1 or 0) whether a subquery's result res answers an
// outer row: has any row for exists (x nil), or holds element r of x,
// as `x in set` tells.
func (l Lowerer) answers(res value.Value, x *value.Vector, r int) (int8, error) {
	var set value.Value = res
	if tb, ok := res.(*value.Table); ok {
		if x == nil {
			return kernel.BoolAs[int8](tb.Rows() > 0), nil
		}
		if len(tb.Cols) != 1 {
			return 0, ddberr.Errorf("The subquery after in must select one column.")
		}
		set = tb.Cols[0]
	}
	if x == nil {
		v, ok := res.(*value.Vector)
		return kernel.BoolAs[int8](!ok || v.Len() > 0), nil
	}
	restore := l.H.Bind(map[string]value.Value{"\x00x": x.Elem(r), "\x00set": set})
	defer restore()
	v, err := l.H.Eval(&ast.BinaryExpr{Op: "in", L: &ast.Ident{Name: "\x00x"}, R: &ast.Ident{Name: "\x00set"}})
	if err != nil {
		return 0, err
	}
	s, ok := v.(*value.Scalar)
	return kernel.BoolAs[int8](ok && !s.Null && s.Bool()), nil
}
