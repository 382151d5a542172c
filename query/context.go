package query

import (
	"slices"
	"sort"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/query/clausecheck"
	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/query/ctxby"
	"github.com/porpoisedb/porpoise/query/groupagg"
	"github.com/porpoisedb/porpoise/query/multicol"
	"github.com/porpoisedb/porpoise/query/orderkey"
	"github.com/porpoisedb/porpoise/rowsort"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/lex"
	"github.com/porpoisedb/porpoise/value"
)

// errContextItem is Porpoise's text for a context by item that evaluates
// to neither a scalar nor a vector.
var errContextItem = ddberr.Errorf("A select item under context by must return a scalar or a vector.")

// contextBySelect runs select ... context by ... [csort] [having]: one
// output row per input row, rows grouped by key (groups in key order,
// rows of a group in input order or csort order; all rows in input order
// under [HINT_KEEPORDER]). Aggregates are broadcast over their group;
// having keeps whole groups (an aggregate condition) or single rows (a
// vector condition). top/limit then apply to each group.
func (ex *executor) contextBySelect(n *ast.SelectExpr, src *value.Table) (*value.Table, error) {
	if out, ok, err := ex.contextLimitColumns(n, src); ok {
		return out, err
	}
	g, ge, err := ex.contextGroups(src, n.ContextBy, n.CSort, append(n.Cols[:len(n.Cols):len(n.Cols)], n.Having))
	if err == nil {
		err = clausecheck.ContextBy(n.Cols)
	}
	if err != nil {
		return nil, err
	}
	sg, sorted := ge.g, ge.src

	var names []string
	var cols []*value.Vector
	for _, c := range n.Cols {
		if _, ok := c.(*ast.StarExpr); ok {
			names = append(names, sorted.Names...)
			cols = append(cols, sorted.Cols...)
			continue
		}
		if ns := multicol.Names(c); ns != nil {
			x := colname.Strip(c)
			vs, err := multicol.ContextColumns(sg.N, sg.Size, func(i int) (value.Value, error) { return ge.ex.withTable(ge.groupSlice(i), x) }, ns, sorted.Rows())
			if err != nil {
				return nil, err
			}
			ns, vs = multicol.KeepNamed(ns, vs)
			names, cols = append(names, ns...), append(cols, vs...)
			continue
		}
		v, err := ge.rowValue(c)
		if err != nil {
			return nil, err
		}
		if t, ok := v.(*value.Table); ok {
			if t.Rows() != sorted.Rows() {
				// a table variable named in the select list
				return nil, ddberr.Errorf("All columns must be of the same length. RefId:S02010")
			}
			names = append(names, t.Names...)
			cols = append(cols, t.Cols...)
			continue
		}
		names = append(names, colname.Of(c))
		cols = append(cols, v.(*value.Vector))
	}
	if err := clausecheck.DuplicateNames(names); err != nil {
		return nil, err
	}
	out := value.NewTable(names, cols)
	if n.Having == nil && n.Top == nil && n.Limit == nil && n.Hints&lex.HintKeepOrder == 0 {
		return out, nil // every row, in group order
	}
	keep := value.Iota(out.Rows())
	if n.Having != nil {
		having, restore, err := ex.setpred().LowerHaving(ge.src, n.Having)
		if err != nil {
			return nil, err
		}
		defer restore()
		h, err := ge.rowValue(having)
		if err != nil {
			return nil, err
		}
		hv, ok := h.(*value.Vector)
		// No rows means no groups: the per-group path has no group's
		// answer to type its empty column by, and nothing to keep.
		if !ok || hv.T != value.Bool && hv.Len() > 0 {
			return nil, errHavingBoolean
		}
		keep = keep[:0]
		for r, b := range hv.I8 {
			if b == 1 {
				keep = append(keep, r)
			}
		}
	}
	if n.Top != nil || n.Limit != nil {
		k, err := ex.limitCount(n)
		if err != nil {
			return nil, err
		}
		keep = ctxby.PerGroup(keep, sg.IDs, k)
	}
	// context by with limit, and [HINT_KEEPORDER] (hint.md), keep the
	// input order of the rows
	if n.Hints&lex.HintKeepOrder != 0 || (n.Limit != nil && n.Top == nil && len(n.CSort) == 0) {
		indexed(g)
		sort.Slice(keep, func(a, b int) bool { return g.Perm[keep[a]] < g.Perm[keep[b]] })
	}
	if !ctxby.IsIota(keep, out.Rows()) {
		out = out.Gather(keep)
	}
	return out, nil
}

// contextGroups groups src by the context by keys (groups in key order,
// rows of a group in input or csort order) and returns the grouping over
// src plus an evaluator over the rows arranged in group order (only the
// columns the expressions in reads may read), where group i is rows
// starts[i]:starts[i+1] and ids are non-decreasing. The grouping's Perm,
// the rows' old positions, is left to indexed.
func (ex *executor) contextGroups(src *value.Table, by []ast.Expr, csort []ast.OrderItem, reads []ast.Expr) (*groupagg.Groups, *groupEval, error) {
	keyVecs, err := ex.evalKeys(src, by, true)
	if err != nil {
		return nil, nil, err
	}
	g := groupagg.Group(keyVecs, src.Rows())
	g.SortByKeys()
	if len(csort) > 0 {
		g.Index()
		keys, err := ex.csortKeys(src, csort)
		if err != nil {
			return nil, nil, err
		}
		ctxby.SortGroups(g, keys)
	}
	// (g.Perm stays nil without csort: see indexed)
	sorted, sg := ctxby.Arrange(src, ctxby.Columns(src.Names, ex.qual, reads...), g)
	ge := newGroupEval(ex, sorted, sg)
	ge.sorted = sorted
	return g, ge, nil
}

// indexed builds g's Perm where contextGroups left it nil.
func indexed(g *groupagg.Groups) {
	if g.Perm == nil {
		g.Index()
	}
}

// updateValues evaluates the set expressions of an update over the rows of
// t its where clause selects: each result is as long as t, valid at the
// rows returned (those rows, less any a having clause drops). Under
// context by (update.md) the expressions see the selected rows grouped by
// the keys, in csort order inside a group.
func (ex *executor) updateValues(t *value.Table, rows []int, n *ast.UpdateStmt) ([]*value.Vector, []int, error) {
	if len(n.ContextBy) == 0 {
		out, err := ex.setValues(t, rows, n.Sets)
		return out, rows, err
	}
	out := make([]*value.Vector, len(n.Sets))
	sub := t
	if len(rows) != t.Rows() {
		sub = t.Gather(rows)
	}
	reads := []ast.Expr{n.Having}
	for _, set := range n.Sets {
		reads = append(reads, set.X)
	}
	g, ge, err := ex.contextGroups(sub, n.ContextBy, n.CSort, reads)
	if err != nil {
		return nil, nil, err
	}
	indexed(g)
	kept := rows
	if n.Having != nil {
		having, restore, err := ex.setpred().LowerHaving(ge.src, n.Having)
		if err != nil {
			return nil, nil, err
		}
		defer restore()
		h, err := ge.rowValue(having)
		if err != nil {
			return nil, nil, err
		}
		hv, ok := h.(*value.Vector)
		if !ok || hv.T != value.Bool && hv.Len() > 0 {
			return nil, nil, errHavingBoolean
		}
		kept = nil
		for r, b := range hv.I8 {
			if b == 1 {
				kept = append(kept, rows[g.Perm[r]])
			}
		}
		slices.Sort(kept)
	}
	for k, set := range n.Sets {
		v, err := ge.rowValue(set.X)
		if err != nil {
			return nil, nil, err
		}
		vec, ok := v.(*value.Vector)
		if !ok {
			return nil, nil, errContextItem
		}
		out[k] = ctxby.SpreadRows(vec, g.Perm, rows, t.Rows())
	}
	return out, kept, nil
}

// csortKeys evaluates the csort items over src's rows as sort keys.
func (ex *executor) csortKeys(src *value.Table, items []ast.OrderItem) ([]rowsort.Key, error) {
	keys := make([]*value.Vector, len(items))
	for i, it := range items {
		v, err := ex.withTable(src, it.X)
		if err != nil {
			return nil, err
		}
		if keys[i], err = value.Broadcast(v, src.Rows()); err != nil {
			return nil, err
		}
		if keys[i].T.IsArray() {
			return nil, ddberr.Errorf("The column to be sorted cannot be an array vector. RefId:S02019")
		}
	}
	return orderkey.Keys(keys, items), nil
}

// rowValue evaluates a select item (or having) in context by: a vector as
// long as the table, aggregates broadcast over their group.
func (ge *groupEval) rowValue(e ast.Expr) (value.Value, error) {
	l := &lowering{ex: ge.ex, cols: ge.cols, rowwise: true}
	lowered, ok, err := l.lower(e)
	if err != nil {
		return nil, err
	}
	rows := ge.src.Rows()
	if ok {
		aggs, err := ge.aggregates(l.specs)
		if err != nil {
			return nil, err
		}
		t := ge.src
		if len(aggs) > 0 {
			names := append([]string(nil), t.Names...)
			cols := append([]*value.Vector(nil), t.Cols...)
			idx := make([]int, rows)
			for r, id := range ge.g.IDs {
				idx[r] = int(id)
			}
			for k, a := range aggs {
				names = append(names, placeholder(k))
				cols = append(cols, a.Gather(idx))
			}
			t = value.NewTable(names, cols)
		}
		if t, ok, err = ge.segments(t, l.segs); err != nil {
			return nil, err
		}
		if ok {
			v, err := ge.ex.withTable(t, lowered)
			if err != nil {
				return nil, err
			}
			if tv, ok := v.(*value.Table); ok {
				return tv, nil
			}
			return value.Broadcast(v, rows)
		}
	}
	// per group: a scalar is repeated over the group, a vector must be
	// as long as the group
	x := colname.Strip(e)
	parts := make([]value.Value, ge.g.N)
	ctx := ge.ex.env.Context()
	for i := 0; i < ge.g.N; i++ {
		if i&1023 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		v, err := ge.ex.withTable(ge.groupSlice(i), x)
		if err != nil {
			return nil, err
		}
		size := ge.g.Size(i)
		if m, ok := v.(*value.Matrix); ok && m.Indexed == value.IndexedSeries && m.Cols == 1 {
			v = m.V // an indexed series (window.md's window over a group's indexedSeries) is its values
		}
		switch p := v.(type) {
		case *value.Scalar:
			if parts[i], err = value.Broadcast(p, size); err != nil {
				return nil, err
			}
		case *value.Vector:
			if p.Len() != size {
				return nil, ddberr.Errorf("The length of the vector returned by the UDF specified in SELECT must be the same as the length of the CONTEXT BY column. RefId:S02027")
			}
			parts[i] = p
		default:
			return nil, errContextItem
		}
	}
	return ctxby.Concat(parts, rows)
}

// limitCount is the k of a top or limit under context by: the first k
// rows of each group, or the last -k.
func (ex *executor) limitCount(n *ast.SelectExpr) (int64, error) {
	e := n.Top
	if e == nil {
		e = n.Limit
	}
	v, err := ex.eval(e)
	if err != nil {
		return 0, err
	}
	if _, ok := v.(*value.Pair); ok {
		return 0, errTopRangeContext
	}
	return limitArg(v)
}

// contextLimitColumns answers a context by select of columns (or *)
// with top or limit and no having by gathering just the rows kept, where
// the general path arranges every column first. ok is false for others.
func (ex *executor) contextLimitColumns(n *ast.SelectExpr, src *value.Table) (out *value.Table, ok bool, err error) {
	if n.Having != nil || n.Top == nil && n.Limit == nil {
		return nil, false, nil
	}
	cols, names, ok := ctxby.PlainColumns(n.Cols, src.Names)
	if !ok {
		return nil, false, nil
	}
	keyVecs, err := ex.evalKeys(src, n.ContextBy, true)
	if err != nil {
		return nil, true, err
	}
	g := groupagg.Group(keyVecs, src.Rows())
	g.SortByKeys()
	var csort []rowsort.Key
	if len(n.CSort) > 0 {
		if csort, err = ex.csortKeys(src, n.CSort); err != nil {
			return nil, true, err
		}
	}
	if err := clausecheck.DuplicateNames(names); err != nil {
		return nil, true, err
	}
	k, err := ex.limitCount(n)
	if err != nil {
		return nil, true, err
	}
	keepOrder := n.Hints&lex.HintKeepOrder != 0
	out = gatherColumns(src, ctxby.Kept(g, csort, k, n.Top != nil, keepOrder), cols)
	out.Names = names
	return out, true, nil
}
