package dfs

import (
	"slices"
	"strings"
	"sync/atomic"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/partition"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/sqlparse/exprs"
	"github.com/porpoisedb/porpoise/value"
)

// Partition pruning. The where-clauses are read as a conjunction; each
// conjunct that constrains partition columns yields a condition on the
// partition's per-level indexes, and the partitions failing it are not
// read. A partition is only left out when no row in it can satisfy the
// clauses, so the rows a query returns never change: anything not
// understood prunes nothing.
//
// Comparisons (== < <= > >=), in and between against a constant on a
// partition column, on any level type, are read as the set of column
// values they admit (prune_cons.go) and mapped through the partition
// package with the same conversion inserts use. Other clauses on one column
// of an exact-typed VALUE level are evaluated over the level's values,
// every row of a VALUE partition holding that value.

// Evaluator is what pruning asks of the interpreter.
type Evaluator struct {
	// Eval evaluates an expression with a table's columns in scope (and
	// the session's variables behind them), as the where-clause itself is
	// evaluated.
	Eval func(e ast.Expr, part *value.Table) (value.Value, error)
	// Props reports the properties of fn, the value the name evaluated to,
	// when it is a built-in the funcs registry does not hold (the
	// interpreter's older built-ins); ok is false for anything else, such
	// as a user function shadowing a built-in. Nil knows none.
	Props func(name string, fn value.Value) (props funcs.Props, ok bool)
}

// builtinProps reports the properties of the built-in that fn, the value
// name evaluated to, is: registry functions carry their own.
func (ev Evaluator) builtinProps(name string, fn value.Value) (funcs.Props, bool) {
	if s, ok := funcs.Lookup(name); ok {
		if f, isSpec := fn.(*funcs.Spec); isSpec && f == s {
			return s.Props, true
		}
	}
	if ev.Props == nil {
		return 0, false
	}
	return ev.Props(name, fn)
}

// PruneFilter turns where-clauses into a partition filter, or nil when
// they leave every partition possibly wanted.
func (t *Table) PruneFilter(ev Evaluator, where []ast.Expr) PartitionFilter {
	f := t.pruneFilter(ev, where)
	if h := t.hook.Load(); h != nil {
		f = h.wrap(f)
	}
	return f
}

func (t *Table) pruneFilter(ev Evaluator, where []ast.Expr) PartitionFilter {
	if slices.ContainsFunc(t.partFns, func(f string) bool { return f != "" }) {
		// The levels hold function results, not column values: only a
		// scan of every partition is sure to find the rows.
		return nil
	}
	if t.dimension || len(where) == 0 {
		return nil
	}
	// Domains grow under db.mu (new VALUE partitions, addRangePartitions);
	// the filter copies what it needs, and indexes added after it was built
	// are kept. Only pure built-ins are evaluated while it is held: a
	// subquery or loadTable on this database would deadlock.
	t.db.mu.Lock()
	defer t.db.mu.Unlock()
	p := &pruneCtx{t: t, s: t.sc(), ev: ev, eval: ev.Eval, levels: t.db.levels(), none: value.NewTable(nil, nil)}
	pred := p.conj(where)
	if pred == nil {
		return nil
	}
	return p.filter(pred)
}

// PruneHook lets a test switch pruning off for one table and count the
// partitions its scans admit, to compare a pruned query with an unpruned
// one.
type PruneHook struct {
	// Off switches pruning off.
	Off atomic.Bool
	// Read counts the partitions scans admitted.
	Read atomic.Int64
}

// SetPruneHook installs h on the table (nil removes it).
func (t *Table) SetPruneHook(h *PruneHook) { t.hook.Store(h) }

func (h *PruneHook) wrap(f PartitionFilter) PartitionFilter {
	if h.Off.Load() {
		f = nil
	}
	return func(idx []int) bool {
		if f != nil && !f(idx) {
			return false
		}
		h.Read.Add(1)
		return true
	}
}

// pruneCtx derives a keepPred from where-clauses for one table.
type pruneCtx struct {
	t      *Table
	s      *colSchema // the table's schema when the filter was made
	ev     Evaluator
	eval   func(ast.Expr, *value.Table) (value.Value, error)
	levels []partition.Domain
	none   *value.Table // no columns: names resolve as in the where-clause, minus the columns
}

// keepPred is a condition on a partition's per-level indexes that every
// partition holding a wanted row satisfies. A nil keepPred keeps all.
type keepPred interface {
	keep(idx []int) bool
}

// levelMask keeps the partitions whose index at level is marked; indexes
// past the mask belong to partitions added after it was built.
type levelMask struct {
	level int
	mask  []bool
}

func (m levelMask) keep(idx []int) bool {
	i := idx[m.level]
	return i >= len(m.mask) || m.mask[i]
}

// maskPred is levelMask, or nil when mask keeps everything.
func maskPred(level int, mask []bool) keepPred {
	for _, k := range mask {
		if !k {
			return levelMask{level: level, mask: mask}
		}
	}
	return nil
}

type allOf []keepPred

func (a allOf) keep(idx []int) bool {
	for _, p := range a {
		if !p.keep(idx) {
			return false
		}
	}
	return true
}

type anyOf []keepPred

func (a anyOf) keep(idx []int) bool {
	for _, p := range a {
		if p.keep(idx) {
			return true
		}
	}
	return false
}

func and(ps []keepPred) keepPred {
	var out allOf
	for _, p := range ps {
		if p != nil {
			out = append(out, p)
		}
	}
	switch len(out) {
	case 0:
		return nil
	case 1:
		return out[0]
	}
	return out
}

// conj reads exprs as a conjunction. Comparisons on the same column are
// intersected before mapping: date >= a and date <= b prunes a HASH level
// like date between a and b, which neither half does alone.
func (p *pruneCtx) conj(conds []ast.Expr) keepPred {
	items := exprs.Conjuncts(conds)
	cons := map[int]*partition.Cons{}
	var cols []int
	var preds []keepPred
	for _, e := range items {
		if col, c, ok := p.atom(e); ok {
			if prev, seen := cons[col]; seen {
				cons[col] = prev.Intersect(c)
			} else {
				cons[col] = c
				cols = append(cols, col)
			}
			continue
		}
		preds = append(preds, p.other(e))
	}
	for _, col := range cols {
		preds = append(preds, p.columnPred(col, cons[col]))
	}
	return and(preds)
}

// other prunes a conjunct that is not a comparison: partition(col, keys),
// an or whose both sides prune, or a clause evaluated over a VALUE level's
// values.
func (p *pruneCtx) other(e ast.Expr) keepPred {
	if col, keys, ok := exprs.PartitionCall(e); ok {
		return p.partitionPred(col, keys)
	}
	if b, ok := e.(*ast.BinaryExpr); ok && (b.Op == "||" || b.Op == "or") {
		l := p.conj([]ast.Expr{b.L})
		if l == nil {
			return nil
		}
		r := p.conj([]ast.Expr{b.R})
		if r == nil {
			return nil
		}
		return anyOf{l, r}
	}
	return p.valueEval(e)
}

// columnPred maps what a column's conditions admit onto every level the
// column partitions.
func (p *pruneCtx) columnPred(col int, c *partition.Cons) keepPred {
	var preds []keepPred
	for l, dom := range p.levels {
		if p.s.partCols[l] != col {
			continue
		}
		preds = append(preds, maskPred(l, c.Partitions(dom, p.s.types[col])))
	}
	return and(preds)
}

// valueEval evaluates e, a row-wise clause on one column, over the values
// of each VALUE level partitioned by that column with the column's own
// type (a VALUE level over a finer column, DATE rows on a MONTH scheme,
// holds many values per partition).
func (p *pruneCtx) valueEval(e ast.Expr) keepPred {
	col := -1
	for _, c := range p.columnsOf(e) {
		if col >= 0 && c != col {
			return nil
		}
		col = c
	}
	if col < 0 || !p.rowwise(e) {
		return nil
	}
	ct := p.s.types[col]
	var preds []keepPred
	for l, dom := range p.levels {
		vd, ok := dom.(*partition.Value)
		if !ok || p.s.partCols[l] != col {
			continue
		}
		vals := vd.Values()
		switch {
		case vals.T == ct:
		case partition.IsLiteralType(vals.T) && partition.IsLiteralType(ct):
			vals = value.NewStrings(ct, vals.Strings())
		default:
			continue
		}
		res, err := p.eval(e, value.NewTable([]string{p.s.names[col]}, []*value.Vector{vals}))
		if err != nil {
			continue
		}
		bv, ok := res.(*value.Vector)
		if !ok || bv.T != value.Bool || bv.Len() != vals.Len() {
			continue
		}
		m := make([]bool, vals.Len())
		for i := range m {
			m[i] = bv.I8[i] == 1
		}
		preds = append(preds, maskPred(l, m))
	}
	return and(preds)
}

// filter turns pred into a PartitionFilter. Partitions sharing a chunk path
// (values differing only in characters the path drops) are read once each
// by an unpruned scan, so they are kept or dropped together.
func (p *pruneCtx) filter(pred keepPred) PartitionFilter {
	ignore := p.t.db.cat.cfg.IgnoreSpecialCharacterInPartitionId
	aliases := make([]map[int][]int, len(p.levels))
	shared := false
	for l, dom := range p.levels {
		if !partition.IsLiteralType(dom.SchemeType()) || (dom.Type() != partition.VALUE && dom.Type() != partition.RANGE) {
			continue
		}
		byName := map[string][]int{}
		for i := 0; i < dom.Len(); i++ {
			name := dom.DirName(i, ignore)
			byName[name] = append(byName[name], i)
		}
		for _, group := range byName {
			if len(group) < 2 {
				continue
			}
			if aliases[l] == nil {
				aliases[l] = map[int][]int{}
			}
			for _, i := range group {
				aliases[l][i] = group
			}
			shared = true
		}
	}
	if !shared {
		return pred.keep
	}
	return func(idx []int) bool {
		alt := make([]int, len(idx))
		var try func(l int) bool
		try = func(l int) bool {
			if l == len(idx) {
				return pred.keep(alt)
			}
			group := aliases[l][idx[l]]
			if group == nil {
				alt[l] = idx[l]
				return try(l + 1)
			}
			for _, i := range group {
				alt[l] = i
				if try(l + 1) {
					return true
				}
			}
			return false
		}
		return try(0)
	}
}

// column resolves an identifier to a column index as the where-clause's
// scope does (exact name first, then ignoring case), or -1.
func (p *pruneCtx) column(name string) int {
	for i, n := range p.s.names {
		if n == name {
			return i
		}
	}
	for i, n := range p.s.names {
		if strings.EqualFold(n, name) {
			return i
		}
	}
	return -1
}

// columnsOf lists the columns e refers to.
func (p *pruneCtx) columnsOf(e ast.Expr) []int {
	var cols []int
	astwalk.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if c := p.column(id.Name); c >= 0 {
				cols = append(cols, c)
			}
		}
		return true
	})
	return cols
}

// columnRef returns the column e is, when e is a bare column name.
func (p *pruneCtx) columnRef(e ast.Expr) (int, bool) {
	id, ok := exprs.Unparen(e).(*ast.Ident)
	if !ok {
		return 0, false
	}
	c := p.column(id.Name)
	return c, c >= 0
}

// builtinCall reports whether a call to fn runs a built-in with all of
// want: a session variable or user function of that name would run
// instead. Evaluating a clause for pruning and again over the rows must
// give the same answer, so only Pure built-ins qualify; ElementWise ones
// also work element by element, so their value on a partition's value is
// their value on each of its rows.
func (p *pruneCtx) builtinCall(fn ast.Expr, want funcs.Props) bool {
	id, ok := fn.(*ast.Ident)
	if !ok {
		return false
	}
	v, err := p.eval(id, p.none)
	if err != nil {
		return false
	}
	props, ok := p.ev.builtinProps(id.Name, v)
	return ok && props.Has(want)
}

// constant reports whether e refers to no column and evaluates the same
// every time, and if so returns its value.
func (p *pruneCtx) constant(e ast.Expr) (value.Value, bool) {
	if !p.pure(e) {
		return nil, false
	}
	v, err := p.eval(e, p.none)
	if err != nil {
		return nil, false
	}
	return v, true
}

func (p *pruneCtx) pure(e ast.Expr) bool {
	switch n := e.(type) {
	case *ast.Literal, *ast.SymbolVector:
		return true
	case *ast.Ident:
		return p.column(n.Name) < 0
	case *ast.VectorLit:
		return p.allPure(n.Elems)
	case *ast.ArrayExpr:
		return p.allPure(n.Elems)
	case *ast.ParenExpr:
		return p.pure(n.X)
	case *ast.UnaryExpr:
		return p.pure(n.X)
	case *ast.BinaryExpr:
		return p.pure(n.L) && p.pure(n.R)
	case *ast.CallExpr:
		return p.builtinCall(n.Fn, funcs.Pure) && allArgs(n, p.pure)
	}
	return false
}

// allArgs reports whether ok holds for every argument given to call (the
// value of a named one).
func allArgs(call *ast.CallExpr, ok func(ast.Expr) bool) bool {
	for _, a := range call.Args {
		if na, named := a.(*ast.NamedArg); named {
			a = na.X
		}
		if a != nil && !ok(a) {
			return false
		}
	}
	return true
}

func (p *pruneCtx) allPure(es []ast.Expr) bool {
	for _, e := range es {
		if !p.pure(e) {
			return false
		}
	}
	return true
}

// rowwise reports whether e computes each row's result from that row
// alone: built from the columns, element-wise pure built-ins and operators, with constants
// that are scalars (a vector operand pairs elements by position) except as
// the set of in or the range of between.
func (p *pruneCtx) rowwise(e ast.Expr) bool {
	if len(p.columnsOf(e)) == 0 {
		v, ok := p.constant(e)
		if !ok {
			return false
		}
		_, scalar := v.(*value.Scalar)
		return scalar
	}
	switch n := e.(type) {
	case *ast.Ident:
		return true
	case *ast.ParenExpr:
		return p.rowwise(n.X)
	case *ast.UnaryExpr:
		return p.rowwise(n.X)
	case *ast.BinaryExpr:
		switch n.Op {
		case "..", ":":
			return false
		case "in", "between":
			// the set or range is one value for all rows; a column there
			// would make every row's answer depend on the others
			if len(p.columnsOf(n.R)) > 0 {
				return false
			}
			_, ok := p.constant(n.R)
			return ok && p.rowwise(n.L)
		}
		return p.rowwise(n.L) && p.rowwise(n.R)
	case *ast.CallExpr:
		if !p.builtinCall(n.Fn, funcs.Pure|funcs.ElementWise) {
			return false
		}
		if p.builtinCall(n.Fn, funcs.FirstOnly) && len(n.Args) > 1 {
			for _, a := range n.Args[1:] {
				if len(p.columnsOf(a)) > 0 {
					return false // in(x, y): y is one set for all rows
				}
			}
		}
		return allArgs(n, p.rowwise)
	}
	return false
}
