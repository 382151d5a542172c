package query

import (
	"fmt"
	"strings"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/query/ctxby"
	"github.com/porpoisedb/porpoise/query/groupagg"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// segCall is a built-in call in a context by item that is computed once
// over all groups (ctxby.Call) instead of once per group: with many small
// groups the per-group evaluation, not the function, takes the time.
type segCall struct {
	spec *funcs.Spec
	args []ast.Expr // lowered: over the source and earlier placeholders
}

// segPlaceholder names the column holding segmented call k's values.
func segPlaceholder(k int) string { return fmt.Sprintf("\x00seg%d", k) }

// segmentCall lowers call n of the built-in id under context by to a
// placeholder column, its arguments lowered too, so that in x - prev(x)
// or mavg(ratios(x), 5) only the calls run by group; ok is false where
// the item needs the per-group path.
func (l *lowering) segmentCall(n *ast.CallExpr, id *ast.Ident) (ast.Expr, bool, error) {
	if l.cols[strings.ToLower(id.Name)] {
		return nil, false, nil
	}
	spec, ok := funcs.Lookup(id.Name)
	if fn, err := l.ex.eval(id); !ok || err != nil || fn != value.Value(spec) {
		return nil, false, nil
	}
	strict, aggs := l.strict, len(l.specs)
	l.strict = true
	defer func() { l.strict = strict }()
	call := segCall{spec: spec, args: make([]ast.Expr, len(n.Args))}
	for i, a := range n.Args {
		if _, named := a.(*ast.NamedArg); a == nil || named {
			return nil, false, nil
		}
		x, ok, err := l.lower(a)
		if !ok || err != nil {
			return nil, false, nil // the per-group path reports errors as it always has
		}
		call.args[i] = x
	}
	if spec.Props.Has(funcs.Aggregate) && len(l.specs) > aggs {
		return nil, false, nil // an aggregate of an aggregate
	}
	l.segs = append(l.segs, call)
	return &ast.Ident{At: n.At, Name: segPlaceholder(len(l.segs) - 1)}, true, nil
}

// lowerBetween lowers x between lo:hi, whose pair is not a value of its own.
func (l *lowering) lowerBetween(n, r *ast.BinaryExpr) (ast.Expr, bool, error) {
	x, ok, err := l.lower(n.L)
	if !ok || err != nil {
		return nil, ok, err
	}
	lo, ok, err := l.lower(r.L)
	if !ok || err != nil {
		return nil, ok, err
	}
	hi, ok, err := l.lower(r.R)
	if !ok || err != nil {
		return nil, ok, err
	}
	pair := &ast.BinaryExpr{At: r.At, Op: r.Op, L: lo, R: hi, BetweenAnd: r.BetweenAnd}
	return &ast.BinaryExpr{At: n.At, Op: n.Op, L: x, R: pair}, true, nil
}

// segments computes the lowered item's segmented calls in order, each a
// column of t (whose rows are in group order) that later calls and the
// item read; ok is false where one can't be computed by segment.
func (ge *groupEval) segments(t *value.Table, segs []segCall) (*value.Table, bool, error) {
	if len(segs) == 0 {
		return t, true, nil
	}
	fenv, isEnv := ge.ex.env.(funcs.Env)
	if !isEnv || ge.g.N == 0 {
		return nil, false, nil
	}
	constant := make([]bool, len(segs))
	for k, s := range segs {
		// per group deltas(percentile(x, 50)) sees one number, not that
		// number repeated over the group's rows, and iif(avg(x) > 0, a,
		// b) is a or b whole: those take the per-group path. An
		// element-wise call of such numbers is one number per group.
		wise := s.spec.Props&(funcs.ElementWise|funcs.Aggregate|funcs.OrderSensitive) == funcs.ElementWise
		aggArg, rowArg := false, false
		for i, a := range s.args {
			agg, row := ctxby.Refs(a, ge.cols, constant)
			if agg && !row && (!wise || i == 0 && strings.EqualFold(s.spec.Name, "iif")) {
				return nil, false, nil
			}
			aggArg, rowArg = aggArg || agg, rowArg || row
		}
		args := make([]value.Value, len(s.args))
		for i, a := range s.args {
			v, err := ge.ex.withTable(t, a)
			if vec, isVec := v.(*value.Vector); err != nil || isVec && vec.Len() != t.Rows() {
				return nil, false, nil
			}
			args[i] = v
		}
		v, perGroup, ok, err := ctxby.Call(fenv, s.spec, args, ge.g.Starts)
		if err != nil {
			return nil, true, err
		}
		constant[k] = perGroup || s.spec.Props.Has(funcs.Aggregate) || wise && aggArg && !rowArg
		vec, isVec := v.(*value.Vector)
		if !ok || !isVec || vec.Len() != t.Rows() {
			return nil, false, nil
		}
		t = value.NewTable(append(append([]string(nil), t.Names...), segPlaceholder(k)), append(append([]*value.Vector(nil), t.Cols...), vec))
	}
	return t, true, nil
}

// builtinAggregate is the built-in aggregate id names in a group by item
// (percentile, skew, mad, ...), nil for a column, a user function or
// anything else.
func (l *lowering) builtinAggregate(id *ast.Ident) *funcs.Spec {
	spec, ok := funcs.Lookup(id.Name)
	if !ok || l.cols[strings.ToLower(id.Name)] || !spec.Props.Has(funcs.Aggregate) {
		return nil
	}
	if fn, err := l.ex.eval(id); err != nil || fn != value.Value(spec) {
		return nil
	}
	return spec
}

// builtinPerGroup is aggregate s of a group by computed by calling its
// built-in on each group's rows of its arguments, evaluated once over all
// rows: with many groups, evaluating the call per group, not the
// function, took the time. ok is false where a group's result is not a
// scalar or a call fails: the caller then evaluates per group, which
// gives errors their usual form.
func (ge *groupEval) builtinPerGroup(s aggSpec) (*value.Vector, bool, error) {
	fenv, isEnv := ge.ex.env.(funcs.Env)
	if !isEnv || ge.g.N == 0 {
		return nil, false, nil
	}
	if ge.g.Perm == nil {
		ge.g.Index()
	}
	args := make([]value.Value, len(s.args))
	for i, a := range s.args {
		v, err := ge.ex.withTable(ge.src, a)
		if err != nil {
			return nil, false, nil
		}
		if vec, isVec := v.(*value.Vector); isVec {
			if vec.Len() != ge.src.Rows() {
				return nil, false, nil
			}
			v = vec.Gather(ge.g.Perm)
		}
		args[i] = v
	}
	vals, ok, err := ctxby.Scalars(fenv, s.fn, args, ge.g.Starts)
	if !ok || err != nil {
		return nil, ok, err
	}
	col, err := groupagg.ScalarColumn(vals)
	if err != nil {
		return nil, false, nil
	}
	return col, true, nil
}
