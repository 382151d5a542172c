package query

import (
	"errors"
	"strings"

	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/join"
	"github.com/porpoisedb/porpoise/query/analytic"
	"github.com/porpoisedb/porpoise/query/clausecheck"
	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/query/explainplan"
	"github.com/porpoisedb/porpoise/query/groupagg"
	"github.com/porpoisedb/porpoise/query/groupkeys"
	"github.com/porpoisedb/porpoise/query/keyindex"
	"github.com/porpoisedb/porpoise/query/multicol"
	"github.com/porpoisedb/porpoise/query/orderkey"
	"github.com/porpoisedb/porpoise/query/setpred"
	"github.com/porpoisedb/porpoise/query/sqljoin"
	"github.com/porpoisedb/porpoise/query/updatecol"
	"github.com/porpoisedb/porpoise/query/wheremask"
	"github.com/porpoisedb/porpoise/rowsort"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/exprs"
	"github.com/porpoisedb/porpoise/sqlparse/lex"
	"github.com/porpoisedb/porpoise/textindex"
	"github.com/porpoisedb/porpoise/value"
)

// sourceValue evaluates a FROM item other than a join: a table, or a
// string naming one.
func (ex *executor) sourceValue(from ast.Expr) (value.Value, error) {
	v, ok, err := ex.fromJoiner(from)
	if !ok {
		v, err = ex.eval(from)
	}
	if err != nil {
		return nil, err
	}
	if name, ok := funcs.StringArg(v); ok {
		return ex.env.ResolveTable(name)
	}
	return v, nil
}

// sourceTable materializes the FROM clause, v being sourceValue's result
// for anything but a join.
// sel lets a partitioned table, and a join, read only the columns the
// query names.
func (ex *executor) sourceTable(from ast.Expr, v value.Value, where []ast.Expr, sel *ast.SelectExpr) (*value.Table, func(), error) {
	if j, ok := from.(*ast.JoinExpr); ok {
		t, qual, err := sqljoin.SQL(newHost(ex), j, exprs.UsedNames(sel, j.On))
		if err != nil {
			return nil, nil, err
		}
		ex.qual = qual
		return t, func() { ex.qual = nil }, nil
	}
	if sqljoin.IsJoinerCall(from) {
		t, qual, err := sqljoin.From(newHost(ex), from.(*ast.CallExpr))
		if err != nil {
			return nil, nil, err
		}
		ex.qual = qual
		return t, func() { ex.qual = nil }, nil
	}
	if t, ok := v.(*value.Table); ok {
		if env, ok := ex.env.(funcs.Env); ok && t.Refresh != nil {
			if err := t.Refresh(env.Call); err != nil {
				return nil, nil, err
			}
		}
		if t.Shared != "" {
			if err := ex.env.CheckShared(t.Shared, false); err != nil {
				return nil, nil, err
			}
			t.Mu.RLock()
			return t, t.Mu.RUnlock, nil
		}
		return t, func() {}, nil
	}
	if dt, ok := ex.env.DFSTable(v); ok {
		names, _, _ := dt.Schema()
		return ex.scanned(ex.scanDFS(dt, ex.cancellable(ex.pruneFilter(dt, where)), neededColumnNames(sel, names)))
	}
	if id, ok := from.(*ast.Ident); ok && funcs.IsFunction(v) {
		// a name no variable holds (parseExpr's from t3, where t3 is also
		// a function): funcs/p/parseExpr.md
		return nil, nil, ddberr.Errorf("Can't find the object with name %s", id.Name)
	}
	return nil, nil, ddberr.Errorf("The FROM clause must be followed by a table. RefId:S02033")
}

// cancellable makes a partition filter stop admitting partitions once the
// request is cancelled, so a long scan of a partitioned table ends at the
// next partition; scanned then reports the cancellation instead of the
// partial rows.
func (ex *executor) cancellable(keep dfs.PartitionFilter) dfs.PartitionFilter {
	ctx := ex.env.Context()
	return func(idx []int) bool {
		if ctx.Err() != nil {
			return false
		}
		return keep == nil || keep(idx)
	}
}

// scanned is the source of a query read by a cancellable scan.
func (ex *executor) scanned(st *value.Table, err error) (*value.Table, func(), error) {
	if err == nil {
		err = ex.env.Context().Err()
	}
	return st, func() {}, err
}

// neededColumnNames is neededColumns by name (nil: all), as a DFS scan
// takes them: it resolves them against the schema it reads with, which a
// column change may have replaced since names was read.
func neededColumnNames(sel *ast.SelectExpr, names []string) []string {
	cols := exprs.NeededColumns(sel, names)
	if cols == nil {
		return nil
	}
	out := make([]string, len(cols))
	for k, c := range cols {
		out[k] = names[c]
	}
	return out
}

// gatherColumns is src's rows at idx in the columns cols (nil: all), as
// a partitioned table's scan reads only the columns a query names.
func gatherColumns(src *value.Table, idx []int, cols []int) *value.Table {
	if cols == nil {
		return src.Gather(idx)
	}
	names := make([]string, len(cols))
	vecs := make([]*value.Vector, len(cols))
	for i, c := range cols {
		names[i], vecs[i] = src.Names[c], src.Cols[c].Gather(idx)
	}
	return value.NewTable(names, vecs)
}

// pruneFilter derives a partition filter from where-clauses on partition
// columns (nil: every partition). Every query on a partitioned table
// passes here, which makes t the table partition() in the where-clauses
// selects from.
func (ex *executor) pruneFilter(t *dfs.Table, where []ast.Expr) dfs.PartitionFilter {
	ex.part = t
	if where = setpred.Prunable(where); len(where) == 0 {
		return nil
	}
	return t.PruneFilter(dfs.Evaluator{
		Eval: func(e ast.Expr, part *value.Table) (value.Value, error) {
			return ex.withTable(part, e)
		},
		Props: ex.env.BuiltinProps,
	}, where)
}

// whereCall answers partition(col, keys) and the match functions on text
// indexes (textindex), which only a query on a DFS table can; ok: w is one.
func (ex *executor) whereCall(t *value.Table, w ast.Expr) (m []bool, ok bool, err error) {
	col, keys, ok := exprs.PartitionCall(w)
	if !ok {
		return textindex.WhereMask(w, t, ex.part.TextIndex, ex.withTable)
	} else if ex.part == nil {
		return nil, true, errPartitionWhere
	} else if t.Column(col) == nil {
		return nil, true, join.ColumnMissing(col)
	}
	kv, err := ex.eval(keys)
	if err == nil {
		m, err = ex.part.PartitionRowMask(col, t.Column(col), kv)
	}
	return m, true, err
}

// whereRows evaluates the where-clauses (all must hold) to row indexes.
func (ex *executor) whereRows(t *value.Table, where []ast.Expr) ([]int, error) {
	keep, err := ex.whereMask(t, where)
	if err != nil {
		return nil, err
	}
	return wheremask.Flagged(keep, true), nil
}

// whereMask evaluates the where-clauses (all must hold) to one flag per
// row. Comma-separated conditions apply in turn (where.md): one whose value
// on a slice of rows is not that slice of its value on the table (ratios,
// moving functions, user functions) sees only the rows the ones before it
// kept, so where date = d, ratios(qty) > 1 differs from ratios(qty) > 1,
// date = d (tutorials/ddb_sql_cases.md).
func (ex *executor) whereMask(t *value.Table, where []ast.Expr) ([]bool, error) {
	n := t.Rows()
	keep := make([]bool, n)
	for i := range keep {
		keep[i] = true
	}
	var cols map[string]bool
	for wi, w := range where {
		if m, ok, err := ex.whereCall(t, w); ok {
			if err != nil {
				return nil, err
			}
			for i, k := range m {
				keep[i] = keep[i] && k
			}
			continue
		}
		cond := w
		if pl := ex.setpred(); pl.Has(w, t) {
			lowered, restore, err := pl.Lower(t, w)
			if err != nil {
				return nil, err
			}
			defer restore()
			w = lowered
		}
		src, rows := t, []int(nil)
		if wi > 0 {
			if cols == nil {
				cols = exprs.ColumnSet(t.Names)
			}
			if !ex.rowwise(w, cols) {
				if rows = wheremask.Flagged(keep, true); len(rows) < n {
					src = t.Gather(rows)
				} else {
					rows = nil
				}
			}
		}
		v, err := ex.withTable(src, w)
		if err != nil {
			return nil, err
		}
		if rows != nil {
			if err := wheremask.AndSubset(keep, rows, v, cond); err != nil {
				return nil, err
			}
			continue
		}
		if keep, err = wheremask.And(keep, v, cond); err != nil {
			return nil, err
		}
	}
	return keep, nil
}

func (ex *executor) evalSelect(n *ast.SelectExpr) (value.Value, error) {
	if ex.stmt == nil {
		ex.stmt = n
	}
	if n.From == nil {
		return nil, ddberr.Errorf("A SQL query must have a FROM clause.")
	}
	if n.Hints&lex.HintExplain != 0 {
		return explainplan.Explain(newHost(ex), n)
	}
	if err := clausecheck.Select(n); err != nil {
		return nil, err
	}
	if err := ex.analyticRules(n); err != nil {
		return nil, err
	}
	n = groupkeys.Selected(n)
	if v, ok, err := ex.partitionwiseSelect(n); ok {
		return v, err
	}
	var from value.Value
	if _, join := n.From.(*ast.JoinExpr); !join && !sqljoin.IsJoinerCall(n.From) {
		if err := sqljoin.CheckNested(newHost(ex), n.From); err != nil {
			return nil, err
		}
		var err error
		if from, err = ex.sourceValue(n.From); err != nil {
			return nil, err
		}
		if dt, ok := ex.env.DFSTable(from); ok {
			names, types, _ := dt.Schema()
			if err := clausecheck.Distributed(n, clausecheck.NewTable(names, types, dt.PartitionColumnNames(), ex.isUserFunction)); err != nil {
				return nil, err
			}
		}
		if dt, ok := ex.env.DFSTable(from); ok && len(n.PivotBy) > 0 {
			ex.partCols = map[string]bool{}
			for _, c := range dt.PartitionColumnNames() { // one schema: a column change may commit meanwhile
				ex.partCols[strings.ToLower(c)] = true
			}
		} else if ok && !analytic.Has(n.Cols) {
			if v, ok, err := ex.mapReduceSelect(n, dt); ok {
				return v, err
			}
		}
	}
	src, release, err := ex.sourceTable(n.From, from, n.Where, n)
	if err != nil {
		return nil, err
	}
	defer release()
	return ex.selectOn(n, src)
}

// selectOn runs the query's clauses after FROM over src.
func (ex *executor) selectOn(n *ast.SelectExpr, src *value.Table) (value.Value, error) {
	var err error
	ex.from = setpred.FromName(n.From)
	if rows, rest, ok := keyindex.Where(src, n.Where, ex.eval); ok {
		// a keyed/indexed table's index answered the key conditions
		src = src.Gather(rows)
		if len(rest) > 0 {
			if rows, err = ex.whereRows(src, rest); err != nil {
				return nil, err
			}
			src = src.Gather(rows)
		}
	} else if lo, hi, ok := ex.sortedRange(src, n.Where); ok {
		src = src.Slice(lo, hi)
	} else if len(n.Where) > 0 {
		rows, err := ex.whereRows(src, n.Where)
		if err != nil {
			return nil, err
		}
		if len(rows) != src.Rows() {
			var cols []int // a join's q.col may name its renamed column q_col: keep all
			if ex.qual == nil {
				cols = exprs.NeededColumns(n, src.Names)
			}
			src = gatherColumns(src, rows, cols)
		}
	}
	if analytic.Has(n.Cols) && len(n.GroupBy) == 0 {
		// (a group by's analytic calls run over its groups)
		if n, src, err = analytic.Apply(newHost(ex), n, src); err != nil {
			return nil, err
		}
	}
	var out *value.Table
	scalars := false
	switch {
	case len(n.PivotBy) > 0:
		return ex.pivotBySelect(n, src)
	case len(n.CGroupBy) > 0:
		out, err = ex.cgroupSelect(n, src)
	case len(n.GroupBy) > 0:
		out, err = ex.groupBySelect(n, src)
	case len(n.ContextBy) > 0:
		out, err = ex.contextBySelect(n, src)
	default:
		if len(n.OrderBy) > 0 {
			first, err := ex.firstRows(n, src)
			if err != nil {
				return nil, err
			}
			order := orderkey.Aliased(n.OrderBy, n.Cols, func(c string) bool { return src.Column(c) != nil })
			if src, err = ex.orderTable(src, order, first); err != nil {
				return nil, err
			}
		}
		out, scalars, err = ex.projectSelect(n.Cols, src)
		if err == nil && !scalars && len(n.OrderBy) > 0 && out.Rows() != src.Rows() {
			out = orderkey.OfResult(out, n.OrderBy, ex.orderTable)
		}
	}
	if err != nil {
		return nil, err
	}
	return ex.finishSelect(n, out, scalars)
}

// finishSelect applies distinct, the order by of a grouped query, top
// and limit to a query's result, and gives exec's form.
func (ex *executor) finishSelect(n *ast.SelectExpr, out *value.Table, scalars bool) (value.Value, error) {
	var err error
	if n.Distinct {
		if err := clausecheck.DistinctOrder(out.Names, n.OrderBy); err != nil {
			return nil, err
		}
		out = distinctRows(out)
	}
	if (len(n.GroupBy) > 0 || len(n.ContextBy) > 0 || len(n.CGroupBy) > 0) && len(n.OrderBy) > 0 {
		first := -1
		if len(n.ContextBy) == 0 && (n.Top != nil || n.Limit != nil) {
			if _, first, err = ex.limitWindow(out.Rows(), n.Top, n.Limit, n.Offset); err != nil {
				return nil, err
			}
		}
		if out, err = ex.orderTable(out, n.OrderBy, first); err != nil {
			return nil, err
		}
	}
	if len(n.ContextBy) == 0 {
		if out, err = ex.limitRows(out, n.Top, n.Limit, n.Offset); err != nil {
			return nil, err
		}
	}
	if n.Exec {
		return execResult(out, scalars && out.Rows() == 1)
	}
	return out, nil
}

// projectSelect evaluates the select list over src; scalars reports that
// every item gave a scalar (aggregates), so exec returns a scalar.
func (ex *executor) projectSelect(cols []ast.Expr, src *value.Table) (t *value.Table, scalars bool, err error) {
	var names []string
	var vals []value.Value
	scalars = true
	for _, c := range cols {
		if st, ok := c.(*ast.StarExpr); ok {
			shown, err := sqljoin.Star(src, ex.qual, ex.from, st.Table)
			if err != nil {
				return nil, false, err
			}
			for i, col := range shown.Cols {
				names = append(names, shown.Names[i])
				vals = append(vals, col)
			}
			scalars = false
			continue
		}
		v, err := ex.withTable(src, c)
		if err != nil {
			return nil, false, err
		}
		if ns := multicol.Names(c); ns != nil {
			parts, err := multicol.Spread(v, ns)
			if err != nil {
				return nil, false, err
			}
			ns, parts = multicol.KeepNamed(ns, parts)
			for _, p := range parts {
				if _, ok := p.(*value.Scalar); !ok {
					scalars = false
				}
			}
			names, vals = append(names, ns...), append(vals, parts...)
			continue
		}
		if t, ok := v.(*value.Table); ok {
			for i, col := range t.Cols {
				names = append(names, t.Names[i])
				vals = append(vals, col)
			}
			scalars = false
			continue
		}
		if d, ok := v.(*value.Dict); ok {
			// an aggregate giving a dictionary (a model: exec nss(x, y))
			// is one cell, not the columns by name an insert reads it as
			v = value.NewTuple([]value.Value{d})
		} else if _, ok := v.(*value.Scalar); !ok {
			scalars = false
		}
		names = append(names, colname.Of(c))
		vals = append(vals, v)
	}
	if err := clausecheck.DuplicateNames(names); err != nil {
		return nil, false, err
	}
	if len(vals) == 1 && (scalars || multicol.ScalarTuple(vals[0], src.Rows())) {
		// a lone tuple would be a list of columns to FromArgs
		t, err = insert.Columns(colname.Unique(names), vals)
		return t, scalars, err
	}
	t, err = insert.FromArgs(colname.Unique(names), vals)
	if err != nil {
		return nil, false, err
	}
	return t, scalars, nil
}

// execResult is exec's value: a scalar for one aggregate, a vector for
// one column, otherwise the table.
func execResult(t *value.Table, scalar bool) (value.Value, error) {
	if len(t.Cols) == 1 {
		if scalar {
			return t.Cols[0].Elem(0), nil
		}
		return t.Cols[0], nil
	}
	return t, nil
}

// orderTable sorts rows by the order-by items (NULLs first ascending);
// with first >= 0 it keeps only the first rows of the order, selected
// without sorting the others.
func (ex *executor) orderTable(t *value.Table, items []ast.OrderItem, first int) (*value.Table, error) {
	keys := make([]*value.Vector, len(items))
	for i, it := range items {
		v, err := ex.withTable(t, it.X)
		if err != nil {
			return nil, err
		}
		if keys[i], err = value.Broadcast(v, t.Rows()); err != nil {
			return nil, err
		}
	}
	n := t.Rows()
	if first >= 0 && first < n {
		return t.Gather(rowsort.Ints(rowsort.Top(orderkey.Keys(keys, items), n, first))), nil
	}
	o, err := rowsort.SortContext(ex.env.Context(), orderkey.Keys(keys, items), n, rowsort.KeepAll)
	if err != nil {
		return nil, err
	}
	return t.Gather(o.Index(n)), nil
}

// firstRows is how many rows of the order a plain select (its items
// src's columns, no distinct) keeps after its order by: the end of its
// top/limit window, or -1 when every row may show.
func (ex *executor) firstRows(n *ast.SelectExpr, src *value.Table) (int, error) {
	if n.Distinct || n.Top == nil && n.Limit == nil {
		return -1, nil
	}
	for _, c := range n.Cols {
		if a, ok := c.(*ast.AliasExpr); ok {
			c = a.X
		}
		switch c := c.(type) {
		case *ast.StarExpr:
		case *ast.Ident:
			if src.Column(c.Name) == nil {
				return -1, nil
			}
		default:
			return -1, nil
		}
	}
	_, hi, err := ex.limitWindow(src.Rows(), n.Top, n.Limit, n.Offset)
	return hi, err
}

func (ex *executor) limitRows(t *value.Table, top, limit, offset ast.Expr) (*value.Table, error) {
	if top == nil && limit == nil {
		return t, nil
	}
	lo, hi, err := ex.limitWindow(t.Rows(), top, limit, offset)
	if err != nil {
		return nil, err
	}
	return t.Slice(lo, hi), nil
}

// limitWindow evaluates top or limit (and offset) for n rows: the rows
// [lo, hi) kept. The expressions are evaluated once a query, though the
// top-k of an order by asks for the window before the final slice does
// (top rand(5, 1)[0] must keep the rows it sorted).
func (ex *executor) limitWindow(n int, top, limit, offset ast.Expr) (lo, hi int, err error) {
	lim := top
	if lim == nil {
		lim = limit
	}
	vals, ok := ex.limits[lim]
	if !ok {
		if vals, err = ex.evalLimits(lim, offset); err != nil {
			return 0, 0, err
		}
	}
	if vals[1] != nil {
		k, err := limitArg(vals[1])
		if err != nil {
			return 0, 0, err
		}
		lo = int(k)
	}
	v := vals[0]
	if pair, ok := v.(*value.Pair); ok {
		a, _ := pair.V.At(0).Int64()
		b, _ := pair.V.At(1).Int64()
		lo, v = int(a), value.NewLong(b-a)
	}
	k, err := limitArg(v)
	if err != nil {
		return 0, 0, err
	}
	lo = min(max(lo, 0), n)
	hi = n
	if k >= 0 {
		hi = min(lo+int(k), n)
	} else {
		lo = max(n+int(k), 0)
	}
	return lo, hi, nil
}

// evalLimits evaluates a query's top/limit and offset expressions, and
// keeps their values for the query's later windows.
func (ex *executor) evalLimits(lim, offset ast.Expr) (vals [2]value.Value, err error) {
	if offset != nil {
		if vals[1], err = ex.eval(offset); err != nil {
			return vals, err
		}
	}
	if vals[0], err = ex.eval(lim); err != nil {
		return vals, err
	}
	if ex.limits == nil {
		ex.limits = map[ast.Expr][2]value.Value{}
	}
	ex.limits[lim] = vals
	return vals, nil
}

// distinctRows keeps the first row of each distinct row of t, numbered
// by groupagg as group by numbers its keys (typed loops a column, coded
// SYMBOL columns by their codes), so distinct and group by agree on
// which keys are equal (NaN is NULL, -0 is 0).
func distinctRows(t *value.Table) *value.Table {
	return t.Gather(groupagg.Group(t.Cols, t.Rows()).First)
}

// Insert runs INSERT INTO.
func Insert(env Env, n *ast.InsertStmt) error {
	ex := &executor{env: env}
	target, err := ex.eval(n.Table)
	if err != nil {
		return err
	}
	if n.Select != nil {
		res, err := ex.evalSelect(n.Select)
		if err != nil {
			return err
		}
		return env.Insert(target, res.(*value.Table)) // the parser takes select, not exec, here
	}
	names, types, err := env.Schema(target)
	if err != nil {
		return err
	}
	rows := make([][]value.Value, len(n.Rows))
	for i, r := range n.Rows {
		rows[i] = make([]value.Value, len(r))
		for k, e := range r {
			if rows[i][k], err = ex.eval(e); err != nil {
				return err
			}
		}
	}
	var cols []string
	if len(n.Cols) > 0 {
		cols = n.Cols
	}
	if dt, ok := env.DFSTable(target); ok {
		// Made a table under the lock column changes take: the schema
		// read above may be out of date by now.
		if err := env.CheckTableWrite(dt, auth.TableInsert); err != nil {
			return err
		}
		_, err := dt.InsertValues(env.Context(), cols, rows)
		return err
	}
	schema := insert.Schema{Names: names, Types: types}
	if tb, ok := target.(*value.Table); ok && len(tb.Cols) == len(names) {
		schema = insert.SchemaOf(tb)
	}
	src, err := insert.FromInsertValues(schema, cols, rows, insert.MemoryRules)
	if err != nil {
		return err
	}
	return env.Insert(target, src)
}

// Update runs `update t set c = expr [where ...]`.
func Update(env Env, n *ast.UpdateStmt) error {
	ex, t, pt, err := dmlTable(env, n.Table, n.From, "update")
	if err != nil {
		return err
	}
	if pt != nil {
		return ex.updatePartitioned(pt, n)
	}
	if _, ok := t.Stream.(interface{ RefusesAggregateUpdate() }); ok {
		for _, set := range n.Sets {
			if ex.hasAggregate(set.X) {
				return ddberr.Errorf("Cannot use aggregate functions to update the IMOLTP table. RefId: S07006")
			}
		}
	}
	// src is the table the set expressions see: t, or the join of its
	// from clause; dst[i] is the row of t that src's row rows[i] changes.
	src := t
	var joined []int
	if n.From != nil {
		if src, joined, err = sqljoin.Update(newHost(ex), t, n.From); err == sqljoin.ErrUpdateFrom {
			// not a joiner of t: a table with t's rows (updateSource)
			src, joined, err = nil, nil, nil
			if src, err = ex.updateSource(t, n.From); err != nil {
				return err
			}
		} else if err != nil {
			return err
		}
	}
	rows, unlock, err := ex.lockedRows(t, src, n.Where)
	if err != nil {
		return err
	}
	defer unlock()
	ex.narrow = joined == nil && len(n.ContextBy) == 0
	vals, rows, err := ex.updateValues(src, rows, n)
	if err != nil {
		return err
	}
	dst, at := rows, rows // at: the rows of vals to set dst's from
	if joined != nil {
		rows, dst = sqljoin.JoinedRows(rows, joined)
		at = rows
	} else if ex.narrow {
		at = value.Iota(len(rows))
	}
	var cols []int // the columns set, to the values convs
	var added, convs []*value.Vector
	var addedNames []string
	for k, set := range n.Sets {
		vec := vals[k]
		j := t.ColumnIndex(set.Col)
		if j < 0 {
			// update.md: setting a column an in-memory table lacks adds it, typed by
			// the expression, with NULL in the rows the where clause leaves out.
			col := value.NewNullVector(vec.T, t.Rows())
			col.Scale = vec.Scale
			added = append(added, updatecol.SetRows(col, dst, vec, at))
			addedNames = append(addedNames, set.Col)
			continue
		}
		for _, k := range t.KeyCols {
			if k == j {
				return insert.ErrUpdateKey
			}
		}
		conv, err := insert.ConvertUpdate(t, j, vec, dst, at)
		if err != nil {
			return err
		}
		cols, convs = append(cols, j), append(convs, conv)
	}
	for i, c := range cols {
		t.Cols[c] = updatecol.SetRows(t.Cols[c], dst, convs[i], at)
	}
	for i, c := range added {
		t.Names = append(t.Names, addedNames[i])
		t.Cols = append(t.Cols, c)
	}
	return insert.Updated(t, dst, cols)
}

// dmlTable starts the update or delete (stmt) of target, with its from
// clause, and evaluates the table it changes: a partitioned table pt, or
// an in-memory table t that may be changed.
func dmlTable(env Env, target, from ast.Expr, stmt string) (ex *executor, t *value.Table, pt *dfs.Table, err error) {
	ex = &executor{env: env}
	if from == nil {
		ex.from = setpred.FromName(target) // t.col names the rows in scope
	}
	v, err := ex.eval(target)
	if err != nil {
		return nil, nil, nil, err
	}
	if pt, ok := env.DFSTable(v); ok {
		return ex, nil, pt, nil
	}
	t, ok := v.(*value.Table)
	if !ok {
		return nil, nil, nil, errors.New(stmt + " supports tables only.")
	}
	if t.ReadOnly {
		return nil, nil, nil, insert.ErrReadOnly
	}
	if insert.IsStream(t) {
		return nil, nil, nil, insert.ErrStreamModify
	}
	return ex, t, nil, nil
}

// lockedRows takes the lock of a shared table t an update or delete
// changes, once the session may change it, and then evaluates the where
// clause over src (t or its from clause's join) to the rows it picks,
// from t's index where it has one; the caller defers the returned unlock.
func (ex *executor) lockedRows(t, src *value.Table, where []ast.Expr) ([]int, func(), error) {
	unlock := func() {}
	if t.Shared != "" {
		if err := ex.env.CheckShared(t.Shared, true); err != nil {
			return nil, nil, err
		}
		t.Mu.Lock()
		unlock = t.Mu.Unlock
	}
	done := false
	defer func() {
		if !done { // an error or a panic (recovered by the session)
			unlock()
		}
	}()
	rows, err := keyindex.Rows(src, where, ex.eval, ex.whereRows)
	if err != nil {
		return nil, nil, err
	}
	done = true
	return rows, unlock, nil
}

// updateSource is the table an in-memory update's where and set
// expressions read: t itself, or the table its from clause builds
// (update t set ... from lj(t, t2, key)), which must keep t's rows in
// order, one per row.
func (ex *executor) updateSource(t *value.Table, from ast.Expr) (*value.Table, error) {
	if from == nil {
		return t, nil
	}
	v, err := ex.eval(from)
	if err != nil {
		return nil, err
	}
	src, ok := v.(*value.Table)
	if !ok || src.Rows() != t.Rows() {
		return nil, ddberr.Errorf("The from clause of update must give a table with one row per row of the table to update.")
	}
	return src, nil
}

// limitArg reads the row count of top or limit.
func limitArg(v value.Value) (int64, error) {
	s, ok := v.(*value.Scalar)
	if !ok {
		return 0, ddberr.Errorf("The argument of limit must be an integer scalar.")
	}
	x, ok := s.Int64()
	if !ok {
		return 0, ddberr.Errorf("The argument of limit must be a non-null integer.")
	}
	return x, nil
}
