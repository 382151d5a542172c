package textindex

import (
	"slices"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/query/wheremask"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/exprs"
	"github.com/porpoisedb/porpoise/value"
)

// Index gives a column's text index spec as declared ("": none).
type Index func(col string) string

// WhereMask answers a where condition that is a match call, or an `and`
// chain holding one (textdb.md lets `and` join a match to other
// conditions), over t's rows: ok reports whether w is such a condition.
// index gives the queried table's text indexes (nil: the query reads no
// table with any); eval evaluates an expression with t's columns in
// scope.
func WhereMask(w ast.Expr, t *value.Table, index Index, eval func(*value.Table, ast.Expr) (value.Value, error)) (keep []bool, ok bool, err error) {
	conds := exprs.Conjuncts([]ast.Expr{w})
	if !slices.ContainsFunc(conds, func(c ast.Expr) bool { _, _, is := matchCall(c); return is }) {
		return nil, false, nil
	}
	keep = make([]bool, t.Rows())
	for i := range keep {
		keep[i] = true
	}
	for _, c := range conds {
		call, f, isMatch := matchCall(c)
		if !isMatch {
			v, err := eval(t, c)
			if err == nil {
				keep, err = wheremask.And(keep, v, c)
			}
			if err != nil {
				return nil, true, err
			}
			continue
		}
		m, err := callMask(call, f, t, index, eval)
		if err != nil {
			return nil, true, err
		}
		for i, k := range m {
			keep[i] = keep[i] && k
		}
	}
	return keep, true, nil
}

// matchCall reports whether e calls a match function.
func matchCall(e ast.Expr) (*ast.CallExpr, Func, bool) {
	c, ok := e.(*ast.CallExpr)
	if !ok || c.Method {
		return nil, Func{}, false
	}
	id, ok := c.Fn.(*ast.Ident)
	if !ok {
		return nil, Func{}, false
	}
	f, ok := Funcs[id.Name]
	return c, f, ok
}

// callMask evaluates one match call: its textCol must name a column of t
// with a text index; its other arguments, by position or by name, are
// evaluated.
func callMask(c *ast.CallExpr, f Func, t *value.Table, index Index, eval func(*value.Table, ast.Expr) (value.Value, error)) ([]bool, error) {
	params := append([]string{"textCol"}, f.Params...)
	slots := make([]ast.Expr, len(params))
	for i, a := range c.Args {
		j := i
		if na, named := a.(*ast.NamedArg); named {
			j = slices.IndexFunc(params, func(p string) bool { return strings.EqualFold(p, na.Name) })
			a = na.X
		}
		if j < 0 || j >= len(slots) || slots[j] != nil {
			return nil, ddberr.Errorf("The function [%s] expects %d argument(s), but the actual number of arguments is: %d", f.Name, len(params), len(c.Args))
		}
		slots[j] = a
	}
	if slices.Contains(slots, nil) {
		return nil, ddberr.Errorf("The function [%s] expects %d argument(s), but the actual number of arguments is: %d", f.Name, len(params), len(c.Args))
	}
	id, isCol := exprs.Unparen(slots[0]).(*ast.Ident)
	if !isCol || index == nil || t.Column(id.Name) == nil {
		return nil, errWhere(f.Name)
	}
	text := index(id.Name)
	if text == "" {
		return nil, errWhere(f.Name)
	}
	spec, err := ParseSpec(text)
	if err != nil {
		return nil, err
	}
	args := make([]value.Value, len(f.Params))
	for i, a := range slots[1:] {
		if args[i], err = eval(t, a); err != nil {
			return nil, err
		}
	}
	return spec.Mask(f, t.Column(id.Name), args)
}
