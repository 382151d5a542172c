package query

import (
	"fmt"
	"slices"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/query/analytic"
	"github.com/porpoisedb/porpoise/query/clausecheck"
	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/query/groupagg"
	"github.com/porpoisedb/porpoise/query/groupkeys"
	"github.com/porpoisedb/porpoise/query/interval"
	"github.com/porpoisedb/porpoise/query/multicol"
	"github.com/porpoisedb/porpoise/query/setpred"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/sqlparse/exprs"
	"github.com/porpoisedb/porpoise/sqlparse/words"
	"github.com/porpoisedb/porpoise/value"
)

// Documented SQL errors (DolphinDB's error-code pages).
var (
	errNestedAggregate = ddberr.Errorf("Cannot nest aggregate function. RefId:S02032")
	errHavingBoolean   = ddberr.Errorf("The HAVING clause after GROUP BY must be followed by a boolean expression. RefId:S02021")
	errTopRangeContext = ddberr.Errorf("When top clause uses together with context clause in SQL query, can't specify a range in top clause")
)

// aggSpec is a built-in aggregate call in a select item; lowering
// replaces it with a placeholder column holding its per-group values.
type aggSpec struct {
	name string
	call *ast.CallExpr
	args []ast.Expr // nil for count(*)
	// fn is a built-in aggregate groupagg has no typed loop for, called
	// on each group's rows (builtinPerGroup)
	fn *funcs.Spec
}

// placeholder names the column holding aggregate k's values; the
// characters can't appear in a DolphinDB identifier.
func placeholder(k int) string { return fmt.Sprintf("\x00agg%d", k) }

// lowering rewrites a select item for grouped evaluation.
type lowering struct {
	ex      *executor
	cols    map[string]bool // source columns (lower case)
	keys    map[string]bool // grouping columns usable as is (group by)
	rowwise bool            // context by: every column may be referenced
	// anyArgs accepts any aggregate argument: only which aggregates an
	// item calls matters (hashGrouped), not how they are computed
	anyArgs bool
	specs   []aggSpec
	// segs are the built-in calls of a context by item computed over all
	// groups at once (segCall); strict is set inside their arguments
	segs   []segCall
	strict bool
}

// isUserFunction reports whether name is a function the session defined.
func (ex *executor) isUserFunction(name string) bool {
	user, _ := ex.env.ScriptFunction(name)
	return user
}

// userAggregate reports whether e calls a defg function of the session:
// a vector it returns for a group is that group's row of an array vector
// column (funcs/c/createTimeSeriesEngine.md, example 3).
func (ex *executor) userAggregate(e ast.Expr) bool {
	c, ok := colname.Strip(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := c.Fn.(*ast.Ident)
	if !ok {
		return false
	}
	_, agg := ex.env.ScriptFunction(id.Name)
	return agg
}

// isAggregateName reports whether name is a built-in aggregate.
func (ex *executor) isAggregateName(name string) bool {
	if ex.isUserFunction(name) {
		return false // user functions are called per group as they are
	}
	if groupagg.Typed(name) {
		return true
	}
	s, ok := funcs.Lookup(name)
	return ok && s.Props.Has(funcs.Aggregate)
}

// lower returns e with fast aggregate calls replaced by placeholders, or
// ok=false when e needs the per-group path.
func (l *lowering) lower(e ast.Expr) (ast.Expr, bool, error) {
	switch n := e.(type) {
	case *ast.AliasExpr:
		return l.lower(n.X)
	case *ast.Literal:
		return n, true, nil
	case *ast.ParenExpr:
		x, ok, err := l.lower(n.X)
		if !ok || err != nil {
			return nil, ok, err
		}
		return &ast.ParenExpr{At: n.At, X: x}, true, nil
	case *ast.Ident:
		name := strings.ToLower(n.Name)
		if l.strict && !l.cols[name] {
			// a segmented call cuts every vector as long as the table by
			// group: only a scalar variable means the same in each group
			v, err := l.ex.eval(n)
			if _, scalar := v.(*value.Scalar); err != nil || !scalar {
				return nil, false, nil
			}
		}
		if !l.cols[name] || l.keys[name] || l.rowwise {
			return n, true, nil
		}
		return nil, false, nil
	case *ast.UnaryExpr:
		x, ok, err := l.lower(n.X)
		if !ok || err != nil {
			return nil, ok, err
		}
		return &ast.UnaryExpr{At: n.At, Op: n.Op, X: x}, true, nil
	case *ast.BinaryExpr:
		if r, ok := n.R.(*ast.BinaryExpr); ok && n.Op == "between" && r.Op == ":" {
			return l.lowerBetween(n, r)
		}
		if !words.ElementWise(n.Op) {
			return nil, false, nil
		}
		a, ok, err := l.lower(n.L)
		if !ok || err != nil {
			return nil, ok, err
		}
		b, ok, err := l.lower(n.R)
		if !ok || err != nil {
			return nil, ok, err
		}
		return &ast.BinaryExpr{At: n.At, Op: n.Op, L: a, R: b}, true, nil
	case *ast.CallExpr:
		id, isIdent := n.Fn.(*ast.Ident)
		if !isIdent || n.Method {
			return nil, false, nil
		}
		name := strings.ToLower(id.Name)
		if l.ex.isUserFunction(id.Name) {
			return nil, false, nil
		}
		spec := aggSpec{name: name, call: n}
		if !groupagg.Typed(name) {
			if l.rowwise {
				return l.segmentCall(n, id)
			}
			if spec.fn = l.builtinAggregate(id); spec.fn == nil {
				return nil, false, nil
			}
		}
		for _, a := range n.Args {
			if _, star := a.(*ast.StarExpr); star && name == "count" && len(n.Args) == 1 {
				break
			}
			if err := l.ex.checkNoAggregate(a); err != nil {
				if spec.fn != nil {
					return nil, false, nil // the per-group path, as before
				}
				return nil, false, err
			}
			// the argument is computed once over all rows and cut by
			// group: only an argument each row computes alone (not
			// cumsum, prev or distinct) gives each group its own value
			if !l.anyArgs && !l.ex.rowwise(a, l.cols) {
				return nil, false, nil
			}
			spec.args = append(spec.args, a)
		}
		l.specs = append(l.specs, spec)
		return &ast.Ident{At: n.At, Name: placeholder(len(l.specs) - 1)}, true, nil
	}
	return nil, false, nil
}

// checkNoAggregate fails on an aggregate call nested in an aggregate's
// argument.
func (ex *executor) checkNoAggregate(e ast.Expr) error {
	var err error
	astwalk.Inspect(e, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok && !c.Method {
			if id, ok := c.Fn.(*ast.Ident); ok && (ex.isAggregateName(id.Name) || ex.isAggregateName(strings.ToLower(id.Name))) && len(c.Args) == 1 {
				err = errNestedAggregate
				return false
			}
		}
		return err == nil
	})
	return err
}

// groupEval evaluates select items over the groups of one table.
type groupEval struct {
	ex   *executor
	src  *value.Table
	g    *groupagg.Groups
	cols map[string]bool
	// sorted is src with rows in group order (perm), built on first use
	// by the per-group path; a group is then a slice of it.
	sorted *value.Table
}

func newGroupEval(ex *executor, src *value.Table, g *groupagg.Groups) *groupEval {
	return &groupEval{ex: ex, src: src, g: g, cols: exprs.ColumnSet(src.Names)}
}

// aggregates computes the lowered specs per group: a typed loop where
// groupAggregate has one, otherwise the call once per group.
func (ge *groupEval) aggregates(specs []aggSpec) ([]*value.Vector, error) {
	out := make([]*value.Vector, len(specs))
	for k, s := range specs {
		if v, ok, err := ge.constant(s); err != nil {
			return nil, err
		} else if ok {
			out[k] = v
			continue
		}
		if s.fn != nil {
			v, ok, err := ge.builtinPerGroup(s)
			if err != nil {
				return nil, err
			}
			if ok {
				out[k] = v
				continue
			}
		}
		args, err := ge.specArgs(s)
		if err != nil {
			return nil, err
		}
		if v, ok := groupagg.Aggregate(s.name, args, ge.g); ok {
			out[k] = v
			continue
		}
		v, err := ge.perGroupScalar(s.call, colname.Of(s.call))
		if err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, nil
}

// constant is s's value in each group when no argument reads a column
// (sum(3), count(1)): DolphinDB applies the aggregate to the scalar once
// per group, not to a copy of it per row, which is why select count(1)
// from a partitioned table counts its partitions (funcs/c/count.md).
func (ge *groupEval) constant(s aggSpec) (*value.Vector, bool, error) {
	if len(s.args) == 0 || slices.ContainsFunc(s.args, func(a ast.Expr) bool { return exprs.Mentions(a, ge.cols) }) {
		return nil, false, nil
	}
	for _, a := range s.args {
		v, err := ge.ex.withTable(ge.src, a)
		if _, scalar := v.(*value.Scalar); err != nil || !scalar {
			return nil, false, err
		}
	}
	v, err := ge.ex.withTable(ge.src, s.call)
	if _, scalar := v.(*value.Scalar); err != nil || !scalar {
		return nil, false, err
	}
	out, err := value.Broadcast(v, ge.g.N)
	return out, err == nil, err
}

// specArgs evaluates an aggregate's arguments over all rows.
func (ge *groupEval) specArgs(s aggSpec) ([]*value.Vector, error) {
	args := make([]*value.Vector, len(s.args))
	for i, a := range s.args {
		v, err := ge.ex.withTable(ge.src, a)
		if err != nil {
			return nil, err
		}
		if args[i], err = value.Broadcast(v, ge.src.Rows()); err != nil {
			return nil, err
		}
	}
	return args, nil
}

// groupedTable is src in group order (all columns; gathering once lets
// every group be a zero-copy slice).
func (ge *groupEval) groupedTable() *value.Table {
	if ge.sorted == nil {
		if ge.g.Perm == nil {
			ge.g.Index()
		}
		ge.sorted = ge.src.Gather(ge.g.Perm)
	}
	return ge.sorted
}

func (ge *groupEval) groupSlice(i int) *value.Table {
	t := ge.groupedTable()
	return t.Slice(ge.g.Starts[i], ge.g.Starts[i+1])
}

// perGroupScalar evaluates e once per group; each result must be one
// value (group by semantics).
func (ge *groupEval) perGroupScalar(e ast.Expr, name string) (*value.Vector, error) {
	vals := make([]value.Value, ge.g.N)
	rows := false
	ctx := ge.ex.env.Context()
	for i := 0; i < ge.g.N; i++ {
		if i&1023 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		v, err := ge.ex.withTable(ge.groupSlice(i), e)
		if err != nil {
			return nil, err
		}
		switch x := v.(type) {
		case *value.Scalar:
			vals[i] = x
		case *value.Vector:
			if x.Len() != 1 && x.T != value.Any && !x.T.IsArray() && ge.ex.userAggregate(e) {
				vals[i], rows = x, true
				continue
			}
			if vals[i], err = clausecheck.GroupValue(x, e, name); err != nil {
				return nil, err
			}
		default:
			return nil, ddberr.Errorf("The column [%s] must use aggregate function. RefId:S02022", name)
		}
	}
	if rows {
		// every group's result a row, a scalar one of length one
		for i, v := range vals {
			if s, ok := v.(*value.Scalar); ok {
				row, err := value.Broadcast(s, 1)
				if err != nil {
					return nil, err
				}
				vals[i] = row
			}
		}
	}
	if len(vals) == 0 {
		v, err := ge.ex.withTable(ge.src.Slice(0, 0), e)
		if err != nil {
			return nil, err
		}
		if s, ok := v.(*value.Scalar); ok {
			out := value.NewVector(s.T, 0, 0)
			out.Scale = s.Scale // a DECIMAL column keeps its scale
			return out, nil
		}
		if x, ok := v.(*value.Vector); ok {
			return x.Slice(0, 0), nil
		}
		return value.NewVector(value.Double, 0, 0), nil
	}
	return groupagg.ScalarColumn(vals)
}

// groupValue evaluates a select item (or having) to one value per group.
func (ge *groupEval) groupValue(e ast.Expr, keyNames []string, keyCols []*value.Vector) (*value.Vector, error) {
	keys := map[string]bool{}
	for _, k := range keyNames {
		keys[strings.ToLower(k)] = true
	}
	l := &lowering{ex: ge.ex, cols: ge.cols, keys: keys}
	lowered, ok, err := l.lower(e)
	if err != nil {
		return nil, err
	}
	if !ok {
		return ge.perGroupScalar(colname.Strip(e), colname.Of(e))
	}
	aggs, err := ge.aggregates(l.specs)
	if err != nil {
		return nil, err
	}
	return ge.ex.loweredValue(lowered, keyNames, keyCols, aggs, ge.g.N)
}

// loweredValue evaluates a lowered select item over the groups' keys and
// its aggregates' per-group values (the placeholders), one value for
// each of the n groups.
func (ex *executor) loweredValue(lowered ast.Expr, keyNames []string, keyCols, aggs []*value.Vector, n int) (*value.Vector, error) {
	names := append([]string(nil), keyNames...)
	cols := append([]*value.Vector(nil), keyCols...)
	for k, a := range aggs {
		names = append(names, placeholder(k))
		cols = append(cols, a)
	}
	v, err := ex.withTable(value.NewTable(names, cols), lowered)
	if err != nil {
		return nil, err
	}
	return value.Broadcast(v, n)
}

// evalKeys evaluates group by, context by or cgroup by expressions over
// src, one vector each, refused as DolphinDB refuses them when they
// can't group src's rows (clausecheck.Column); strict false broadcasts a
// scalar instead (the keys of pivot by and of over clauses).
func (ex *executor) evalKeys(src *value.Table, keys []ast.Expr, strict bool) ([]*value.Vector, error) {
	out := make([]*value.Vector, len(keys))
	for i, k := range keys {
		x := colname.Strip(k)
		v, err := ex.withTable(src, x)
		if err != nil {
			return nil, err
		}
		if strict {
			out[i], err = clausecheck.Column(x, colname.Of(k), v, src.Rows())
		} else {
			out[i], err = value.Broadcast(v, src.Rows())
		}
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// groupBySelect runs select ... group by ... [having ...]: one row per
// group, keys first, groups in the order hashGrouped chooses.
func (ex *executor) groupBySelect(n *ast.SelectExpr, src *value.Table) (*value.Table, error) {
	var keyVecs []*value.Vector
	var ik *interval.Key
	var err error
	last := len(n.GroupBy) - 1
	if c, ok := interval.Call(n.GroupBy[last]); ok {
		var rows []int
		var kv *value.Vector
		if rows, kv, ik, err = interval.Eval(newHost(ex), src, c, setpred.Conjuncts(n.Where)); err != nil {
			return nil, err
		}
		if rows != nil {
			// a row in several sliding windows counts in each
			src = src.Gather(rows)
		}
		if keyVecs, err = ex.evalKeys(src, n.GroupBy[:last], true); err != nil {
			return nil, err
		}
		keyVecs = append(keyVecs, kv)
	} else if keyVecs, err = ex.evalKeys(src, n.GroupBy, true); err != nil {
		return nil, err
	}
	g := groupagg.Group(keyVecs, src.Rows())
	if ik != nil || !ex.hashGrouped(n) {
		g.SortByKeys()
	}
	ge := newGroupEval(ex, src, g)
	keyNames := groupKeyNames(n)
	keyCols := make([]*value.Vector, len(n.GroupBy))
	for i, kv := range keyVecs {
		keyCols[i] = kv.Gather(g.First)
	}
	// items read the keys and, when the list has analytic calls, their
	// per-group columns
	q, itemNames, itemCols := n, keyNames, keyCols
	if analytic.Has(n.Cols) {
		items, names, cols, err := ge.groupedAnalytic(n, keyNames, keyCols)
		if err != nil {
			return nil, err
		}
		c := *n
		c.Cols, q = items, &c
		itemNames = append(append([]string(nil), keyNames...), names...)
		itemCols = append(append([]*value.Vector(nil), keyCols...), cols...)
	}
	out, err := groupkeys.Result(q, keyNames, keyCols, func(c ast.Expr) ([]string, []*value.Vector, error) {
		if names := multicol.Names(c); names != nil {
			return ge.perGroupColumns(colname.Strip(c), names)
		}
		v, err := ge.groupValue(c, itemNames, itemCols)
		return []string{colname.Of(c)}, []*value.Vector{v}, err
	})
	if err != nil {
		return nil, err
	}
	if ik != nil {
		others := make([]int, last)
		for i, k := range keyNames[:last] {
			others[i] = value.NameIndex(out.Names, k)
		}
		return interval.Fill(out, value.NameIndex(out.Names, keyNames[last]), others, ik)
	}
	if n.Having != nil {
		having, restore, err := ex.setpred().LowerHaving(ge.src, n.Having)
		if err != nil {
			return nil, err
		}
		defer restore()
		h, err := ge.groupValue(having, keyNames, keyCols)
		if err != nil {
			return nil, err
		}
		if h.T != value.Bool {
			return nil, errHavingBoolean
		}
		var keep []int
		for i, b := range h.I8 {
			if b == 1 {
				keep = append(keep, i)
			}
		}
		out = out.Gather(keep)
	}
	return out, nil
}

// hashAggregates are the aggregates DolphinDB groups with its hash
// algorithm, whose groups come in the order their keys first appear
// (count, avg, max, last in progr/sql/groupby.md and Select.md, sum in
// case.md); with any other aggregate (wavg, wsum, user functions) or none
// it sorts, and the groups come in key order (groupby.md, contextBy.md,
// error_codes/S02044.md).
var hashAggregates = map[string]bool{
	"count": true, "sum": true, "avg": true, "mean": true, "min": true, "max": true, "first": true, "last": true,
}

// hashGrouped reports whether a group by query's groups keep the order
// in which their keys first appear rather than the keys' order: when
// its select list and having clause aggregate only with hashAggregates.
func (ex *executor) hashGrouped(n *ast.SelectExpr) bool {
	l := &lowering{ex: ex, cols: map[string]bool{}, anyArgs: true}
	items := n.Cols
	if n.Having != nil {
		items = append(items[:len(items):len(items)], n.Having)
	}
	for _, c := range items {
		if _, ok, err := l.lower(c); !ok || err != nil {
			return false
		}
	}
	for _, s := range l.specs {
		if !hashAggregates[s.name] {
			return false
		}
	}
	return len(l.specs) > 0
}

// groupKeyNames names a group by's key columns.
func groupKeyNames(n *ast.SelectExpr) []string {
	names := make([]string, len(n.GroupBy))
	for i, k := range n.GroupBy {
		names[i] = colname.Of(k)
	}
	return names
}
