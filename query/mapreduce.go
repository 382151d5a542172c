package query

import (
	"errors"
	"slices"
	"strings"
	"sync"

	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/query/clausecheck"
	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/query/groupagg"
	"github.com/porpoisedb/porpoise/query/groupkeys"
	"github.com/porpoisedb/porpoise/query/interval"
	"github.com/porpoisedb/porpoise/query/multicol"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/exprs"
	"github.com/porpoisedb/porpoise/sqlparse/words"
	"github.com/porpoisedb/porpoise/storage"
	"github.com/porpoisedb/porpoise/value"
)

// mrPlan is a query mapReduceSelect can answer: its group keys, its
// select items lowered to expressions over the aggregates' placeholders,
// and those aggregates, all decomposable into per-partition states.
type mrPlan struct {
	n     *ast.SelectExpr
	specs []aggSpec
	// items holds each select item's lowered form and the index of its
	// first spec in specs (its placeholders count from 0).
	items map[ast.Expr]mrItem
	// gather is false when no key or argument reads a column: a
	// partition then only needs its where-clause's row count.
	gather bool
	// read is how partitions are read: rows unordered when no aggregate
	// depends on their order.
	read storage.ReadOptions
	// constant marks the specs whose arguments name no column (count(1),
	// sum(3)): each partition contributes one value per group, so
	// count(1) counts partitions (funcs/c/count.md).
	constant []bool
}

type mrItem struct {
	lowered ast.Expr
	first   int
	count   int
}

// mapReduceSelect runs DolphinDB's map-reduce plan for a partitioned
// table: a group by (or a select of aggregates only, such as a
// filter-count) whose aggregates decompose (count, sum, avg, std, var,
// min, max, first, last) and whose keys, arguments and where-clauses work
// row by row is evaluated in each partition the where-clauses keep, in
// parallel (dfs.MapPartitions), reading only the columns it names; the
// partitions' partial states are merged in partition order, so results
// equal those of the whole table's rows. ok is false for other queries,
// and when a partition cannot be answered this way (an error, an
// unexpected type): the caller then reads the table and runs the query as
// usual, which also gives any error its usual form.
func (ex *executor) mapReduceSelect(n *ast.SelectExpr, dt *dfs.Table) (value.Value, bool, error) {
	names, types, _ := dt.Schema()
	cols := exprs.NeededColumns(n, names)
	plan, ok := ex.planMapReduce(n, names, types, cols)
	if !ok {
		return nil, false, nil
	}
	track, err := ex.checkRead(dt)
	if err != nil {
		return nil, true, err
	}
	ctx := ex.env.Context()
	keep := ex.pruneFilter(dt, n.Where)
	var evalMu sync.Mutex // the interpreter evaluates one expression at a time
	partials, err := dfs.MapPartitions(dt, keep, neededColumnNames(n, names), plan.read, func(_ int, part *value.Table) (*mrPartial, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		track.Add(part)
		return ex.mapPartition(plan, part, &evalMu)
	})
	track.Flush()
	if cerr := ctx.Err(); cerr != nil {
		return nil, true, cerr
	}
	if err != nil {
		return nil, false, nil
	}
	out, scalars, ok := ex.reducePartials(plan, partials)
	if !ok {
		return nil, false, nil
	}
	v, err := ex.finishSelect(n, out, scalars)
	return v, true, err
}

// planMapReduce decides whether n can run per partition and lowers its
// select items; names and types are the table's schema, read the
// columns the query reads (nil: all).
func (ex *executor) planMapReduce(n *ast.SelectExpr, names []string, types []value.Type, read []int) (*mrPlan, bool) {
	if n.Map || n.Distinct || n.Having != nil || len(n.PivotBy) > 0 || len(n.CGroupBy) > 0 || len(n.ContextBy) > 0 {
		return nil, false
	}
	if len(n.GroupBy) == 0 && len(n.OrderBy) > 0 {
		return nil, false // ordering the rows first matters to first/last
	}
	cols := exprs.ColumnSet(names)
	plan := &mrPlan{n: n, items: map[ast.Expr]mrItem{}}
	for _, w := range n.Where {
		if !ex.rowwise(w, cols) {
			return nil, false
		}
	}
	keys := map[string]bool{}
	for _, k := range n.GroupBy {
		if _, interval := interval.Call(k); interval || !ex.rowwise(colname.Strip(k), cols) {
			return nil, false
		}
		keys[strings.ToLower(colname.Of(k))] = true
		plan.gather = true
	}
	for _, c := range n.Cols {
		if id, ok := c.(*ast.Ident); ok && keys[strings.ToLower(id.Name)] {
			continue
		}
		if _, star := c.(*ast.StarExpr); star || multicol.Names(c) != nil {
			return nil, false
		}
		l := &lowering{ex: ex, cols: cols, keys: keys}
		lowered, ok, err := l.lower(c)
		if !ok || err != nil {
			return nil, false
		}
		for _, s := range l.specs {
			if !groupagg.Decomposable(s.name) {
				return nil, false
			}
			for _, a := range s.args {
				if !ex.rowwise(a, cols) {
					return nil, false
				}
				plan.gather = true
			}
		}
		plan.items[c] = mrItem{lowered: lowered, first: len(plan.specs), count: len(l.specs)}
		plan.specs = append(plan.specs, l.specs...)
		for _, s := range l.specs {
			plan.constant = append(plan.constant, len(s.args) > 0 && !slices.ContainsFunc(s.args, func(a ast.Expr) bool { return exprs.Mentions(a, cols) }))
		}
	}
	if len(plan.specs) == 0 {
		return nil, false
	}
	// groups in hash order come in the order of the rows' keys
	keyOrder := len(n.GroupBy) > 0 && ex.hashGrouped(n)
	plan.read = storage.ReadOptions{Unordered: !keyOrder && orderBlind(plan, names, types)}
	return plan, true
}

// orderBlind reports whether every aggregate is blind to the order of
// the rows, so partitions need not sort them: no first/last, sums and
// means only of integral columns (exact in any order).
func orderBlind(plan *mrPlan, names []string, types []value.Type) bool {
	index := make(map[string]int, len(names))
	for i, c := range names {
		index[strings.ToLower(c)] = i
	}
	for _, s := range plan.specs {
		switch s.name {
		case "count", "min", "max":
		case "sum", "avg", "mean":
			id, ok := s.args[0].(*ast.Ident)
			c, isCol := 0, false
			if ok {
				c, isCol = index[strings.ToLower(id.Name)]
			}
			if !isCol || (types[c].Category() != value.CatIntegral && types[c].Category() != value.CatLogical) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// rowwise reports whether e's value on any slice of a table's rows is
// its value on the whole table sliced the same way: columns, scalars,
// operators and element-wise built-ins of those. cols are the table's
// column names (lower case).
func (ex *executor) rowwise(e ast.Expr, cols map[string]bool) bool {
	switch x := e.(type) {
	case *ast.Literal, *ast.SymbolVector:
		return true
	case *ast.ParenExpr:
		return ex.rowwise(x.X, cols)
	case *ast.Ident:
		if cols[strings.ToLower(x.Name)] {
			return true
		}
		v, err := ex.eval(x)
		if err != nil {
			return false
		}
		_, scalar := v.(*value.Scalar)
		return scalar
	case *ast.UnaryExpr:
		return ex.rowwise(x.X, cols)
	case *ast.BinaryExpr:
		switch x.Op {
		case "..", ":":
			return false
		case "in":
			return ex.rowwise(x.L, cols) && !exprs.Mentions(x.R, cols)
		case "between":
			r, ok := x.R.(*ast.BinaryExpr)
			return ok && r.Op == ":" && ex.rowwise(x.L, cols) && ex.rowwise(r.L, cols) && ex.rowwise(r.R, cols)
		}
		return words.ElementWise(x.Op) && ex.rowwise(x.L, cols) && ex.rowwise(x.R, cols)
	case *ast.CallExpr:
		id, ok := x.Fn.(*ast.Ident)
		if !ok || x.Method || ex.isUserFunction(id.Name) || cols[strings.ToLower(id.Name)] {
			return false
		}
		fn, err := ex.eval(id)
		if err != nil {
			return false
		}
		props, ok := ex.builtinProps(id.Name, fn)
		if !ok || !props.Has(funcs.ElementWise) || props&(funcs.Aggregate|funcs.OrderSensitive|funcs.Session) != 0 {
			return false
		}
		for i, a := range x.Args {
			if !ex.rowwise(a, cols) || i > 0 && props.Has(funcs.FirstOnly) && exprs.Mentions(a, cols) {
				return false
			}
		}
		return true
	}
	return false
}

// builtinProps reports the properties of the built-in fn, the value name
// evaluated to, is (false for anything else, such as a variable).
func (ex *executor) builtinProps(name string, fn value.Value) (funcs.Props, bool) {
	if s, ok := funcs.Lookup(name); ok {
		if f, isSpec := fn.(*funcs.Spec); isSpec && f == s {
			return s.Props, true
		}
	}
	return ex.env.BuiltinProps(name, fn)
}

// mrPartial is one partition's part of the answer: one row per group of
// its rows (keys and each aggregate's state).
type mrPartial struct {
	keys   []*value.Vector
	states []groupagg.State
	groups int
}

// mapPartition computes a partition's partial states. The interpreter is
// not safe for concurrent use, so expressions other than bare columns are
// evaluated under evalMu; the typed kernels run outside it. A dfs://
// partition's SYMBOL columns come coded in the chunk's base, so keys and
// where-clauses on them work on codes.
func (ex *executor) mapPartition(plan *mrPlan, part *value.Table, evalMu *sync.Mutex) (*mrPartial, error) {
	n := plan.n
	rows := part.Rows()
	// eval evaluates es over the partition, one vector each, and the
	// groups of their rows: g, or with constant one row per group of g
	// when every value is a scalar.
	eval := func(es []ast.Expr, constant bool, g *groupagg.Groups) ([]*value.Vector, *groupagg.Groups, error) {
		vals := make([]value.Value, len(es))
		scalars := true
		for i, e := range es {
			e = colname.Strip(e)
			if id, ok := e.(*ast.Ident); ok && part.Column(id.Name) != nil {
				vals[i] = part.Column(id.Name)
				scalars = false
				continue
			}
			evalMu.Lock() // no defer: a panic here ends the process anyway (a worker goroutine)
			v, err := ex.withTable(part, e)
			evalMu.Unlock()
			if err != nil {
				return nil, nil, err
			}
			_, scalar := v.(*value.Scalar)
			vals[i], scalars = v, scalars && scalar
		}
		n := part.Rows()
		if constant && scalars {
			g = groupagg.Each(g.N)
			n = g.N
		}
		out := make([]*value.Vector, len(es))
		for i, v := range vals {
			var err error
			if out[i], err = value.Broadcast(v, n); err != nil {
				return nil, nil, err
			}
		}
		return out, g, nil
	}
	if len(n.Where) > 0 {
		evalMu.Lock()
		mask, err := ex.whereMask(part, n.Where)
		evalMu.Unlock()
		if err != nil {
			return nil, err
		}
		if !plan.gather {
			rows := 0
			for _, k := range mask {
				if k {
					rows++
				}
			}
			return countOnly(plan, rows), nil
		}
		idx := make([]int, 0, len(mask))
		for i, k := range mask {
			if k {
				idx = append(idx, i)
			}
		}
		if len(idx) != rows {
			part = part.Gather(idx)
			rows = len(idx)
		}
	} else if !plan.gather {
		return countOnly(plan, rows), nil
	}
	keyVecs, _, err := eval(n.GroupBy, false, nil)
	if err != nil {
		return nil, err
	}
	g := groupagg.Group(keyVecs, part.Rows())
	p := &mrPartial{keys: make([]*value.Vector, len(keyVecs)), states: make([]groupagg.State, len(plan.specs)), groups: g.N}
	for i, kv := range keyVecs {
		p.keys[i] = kv.Gather(g.First)
	}
	for k, s := range plan.specs {
		args, sg, err := eval(s.args, plan.constant[k], g)
		if err != nil {
			return nil, err
		}
		st, ok := groupagg.Partial(s.name, args, sg)
		if !ok {
			return nil, errNotDecomposable
		}
		p.states[k] = st
	}
	return p, nil
}

// countOnly is the partial of a query whose aggregates are all count(*)
// with no grouping: rows rows in one group.
func countOnly(plan *mrPlan, rows int) *mrPartial {
	p := &mrPartial{states: make([]groupagg.State, len(plan.specs)), groups: 1}
	for k := range p.states {
		p.states[k] = groupagg.RowCount(rows)
	}
	return p
}

// errNotDecomposable stops the map step when a partition's argument has
// a type the partial kernels don't handle (the query then runs as usual).
var errNotDecomposable = errors.New("query: aggregate argument not decomposable")

// reducePartials merges the partitions' partial states (in partition
// order) into the query's result table; scalars reports a select of
// aggregates without group by (exec then gives a scalar). ok is false
// when the partitions disagree on a type.
func (ex *executor) reducePartials(plan *mrPlan, partials []*mrPartial) (*value.Table, bool, bool) {
	var parts []*mrPartial
	for _, p := range partials {
		if p != nil {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return nil, false, false // no data: the usual path is as cheap
	}
	n := plan.n
	total := 0
	for _, p := range parts {
		total += p.groups
	}
	keys := make([]*value.Vector, len(n.GroupBy))
	for i := range keys {
		t := parts[0].keys[i].T
		keys[i] = value.NewVector(t, 0, total)
		keys[i].Scale = parts[0].keys[i].Scale
		for _, p := range parts {
			if p.keys[i].T != t || p.keys[i].Scale != keys[i].Scale {
				return nil, false, false
			}
			keys[i].AppendVector(p.keys[i])
		}
	}
	var g *groupagg.Groups
	if len(keys) > 0 {
		g = groupagg.Group(keys, total)
		// Partials are merged in partition order, so first appearance
		// here is first appearance in a whole-table read, the order the
		// same query gives over an in-memory table.
		if !ex.hashGrouped(n) {
			g.SortByKeys()
		}
	} else {
		g = &groupagg.Groups{IDs: make([]int32, total), N: 1, First: []int{0}}
		if total == 0 {
			g.First[0] = -1
		}
	}
	aggs := make([]*value.Vector, len(plan.specs))
	for k, s := range plan.specs {
		states := make([]groupagg.State, len(parts))
		for j, p := range parts {
			states[j] = p.states[k]
			if states[j].T != states[0].T {
				return nil, false, false
			}
		}
		if aggs[k] = groupagg.Merge(s.name, states, g); aggs[k] == nil {
			return nil, false, false
		}
	}
	keyNames := groupKeyNames(n)
	keyCols := make([]*value.Vector, len(keys))
	for i, kv := range keys {
		keyCols[i] = value.GatherOrNull(kv, g.First)
	}
	item := func(c ast.Expr) (*value.Vector, error) {
		it := plan.items[c]
		return ex.loweredValue(it.lowered, keyNames, keyCols, aggs[it.first:it.first+it.count], g.N)
	}
	if len(n.GroupBy) > 0 {
		out, err := groupkeys.Result(n, keyNames, keyCols, func(c ast.Expr) ([]string, []*value.Vector, error) {
			v, err := item(c)
			return []string{colname.Of(c)}, []*value.Vector{v}, err
		})
		return out, false, err == nil
	}
	names := make([]string, len(n.Cols))
	vals := make([]value.Value, len(n.Cols))
	for i, c := range n.Cols {
		v, err := item(c)
		if err != nil {
			return nil, false, false
		}
		names[i], vals[i] = colname.Of(c), v.Elem(0)
	}
	if clausecheck.DuplicateNames(names) != nil {
		return nil, false, false
	}
	out, err := insert.FromArgs(colname.Unique(names), vals)
	return out, true, err == nil
}
