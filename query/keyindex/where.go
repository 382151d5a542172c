package keyindex

import (
	"slices"
	"sort"

	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/sqlparse/exprs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// keyTerm is a where condition on a key column: col == v, col in v, or a
// range bound on an indexed table's key.
type keyTerm struct {
	col  int         // column index in the table
	op   string      // "==", "in", "<", "<=", ">", ">=", "between"
	val  value.Value // the constant side, evaluated
	expr ast.Expr    // the whole condition
}

// flipped is the comparison with its operands swapped.
var flipped = map[string]string{"==": "==", "<": ">", "<=": ">=", ">": "<", ">=": "<="}

// Eval evaluates an expression that names no column of the table, such
// as the constant side of a key condition.
type Eval func(ast.Expr) (value.Value, error)

// keyTermOf recognizes a condition on one of t's key columns against a
// value that names no column.
func keyTermOf(t *value.Table, e ast.Expr, isKey map[int]bool, eval Eval) (keyTerm, bool) {
	b, ok := e.(*ast.BinaryExpr)
	if !ok {
		return keyTerm{}, false
	}
	col := func(x ast.Expr) int {
		id, ok := x.(*ast.Ident)
		if !ok {
			return -1
		}
		j := t.ColumnIndex(id.Name)
		if j < 0 || !isKey[j] {
			return -1
		}
		return j
	}
	op := b.Op
	j, other := col(b.L), b.R
	if j < 0 {
		f, ok := flipped[op]
		if !ok {
			return keyTerm{}, false
		}
		j, other, op = col(b.R), b.L, f
	}
	if j < 0 {
		return keyTerm{}, false
	}
	switch op {
	case "==", "in", "<", "<=", ">", ">=", "between":
	default:
		return keyTerm{}, false
	}
	if namesColumn(t, other) {
		return keyTerm{}, false
	}
	v, err := eval(other)
	if err != nil {
		return keyTerm{}, false
	}
	// A comparison with a vector is element-wise (or a length error),
	// not a lookup of its values: only in takes a list.
	if _, scalar := v.(*value.Scalar); !scalar && op != "in" && op != "between" {
		return keyTerm{}, false
	}
	return keyTerm{col: j, op: op, val: v, expr: e}, true
}

// namesColumn reports whether e mentions one of t's columns.
func namesColumn(t *value.Table, e ast.Expr) bool {
	found := false
	astwalk.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && t.ColumnIndex(id.Name) >= 0 {
			found = true
		}
		if _, ok := n.(*ast.SelectExpr); ok {
			found = true // a subquery: leave it to the scan
		}
		return !found
	})
	return found
}

// splitTerms splits the conjuncts of where into the terms on key columns
// (isKey) an index can serve and the conditions still to apply.
func splitTerms(t *value.Table, where []ast.Expr, isKey map[int]bool, eval Eval) (terms []keyTerm, rest []ast.Expr) {
	for _, c := range exprs.Conjuncts(where) {
		if kt, ok := keyTermOf(t, c, isKey, eval); ok {
			terms = append(terms, kt)
			continue
		}
		rest = append(rest, c)
	}
	return terms, rest
}

// Where answers where clauses that fix every key column of a keyed or
// indexed table (col == v, col in v) with hash lookups, and range
// conditions on an indexed table's leading key column with its ordered
// index; eval gives the conditions' constant sides their values. It
// returns the matching rows, each once and in table order, as a scan
// would, and the conditions still to apply; ok is false when no index
// applies.
func Where(t *value.Table, where []ast.Expr, eval Eval) (rows []int, rest []ast.Expr, ok bool) {
	if s, isOrdered := t.Stream.(Ordered); isOrdered && len(where) > 0 {
		return orderedWhere(t, s, where, eval)
	}
	if !t.IsKeyed() || len(where) == 0 {
		return nil, nil, false
	}
	isKey := make(map[int]bool, len(t.KeyCols))
	for _, k := range t.KeyCols {
		isKey[k] = true
	}
	terms, rest := splitTerms(t, where, isKey, eval)
	if len(terms) == 0 {
		return nil, nil, false
	}
	// point lookups: every key column fixed by == or in
	fixed := make([]*value.Vector, len(t.KeyCols))
	var unused []ast.Expr
	for _, kt := range terms {
		pos := -1
		for i, k := range t.KeyCols {
			if k == kt.col {
				pos = i
			}
		}
		if (kt.op == "==" || kt.op == "in") && fixed[pos] == nil {
			v, ok := hashKeys(kt.val, t.Cols[kt.col])
			if ok {
				fixed[pos] = v
				continue
			}
		}
		unused = append(unused, kt.expr)
	}
	all := true
	for _, f := range fixed {
		if f == nil {
			all = false
		}
	}
	if all {
		return lookupRows(t, fixed), append(unused, rest...), true
	}
	if t.Kind == value.IndexedTable {
		if rows, rest2, ok := rangeWhere(t, terms, rest); ok {
			return rows, rest2, true
		}
	}
	return nil, nil, false
}

// lookupValues casts a lookup constant (a scalar or a vector of them) to
// the key column's type.
func lookupValues(v value.Value, col *value.Vector) (*value.Vector, bool) {
	vec, ok := vectorOf(v)
	if !ok {
		return nil, false
	}
	if vec.T != col.T {
		// only exact conversions: a lookup of 1.5 in an INT key must not
		// find 2
		a, b := vec.T.Category(), col.T.Category()
		if a != b || (a != value.CatIntegral && a != value.CatLiteral) {
			return nil, false
		}
		conv, err := cast.Vector(vec, col.T, col.Scale)
		if err != nil {
			return nil, false
		}
		// nor a narrowing one: 4294967297 must not find the INT key 1
		if a == value.CatIntegral {
			back, err := cast.Vector(conv, vec.T, vec.Scale)
			if err != nil {
				return nil, false
			}
			for i := range vec.Len() {
				if value.CompareAcross(vec, i, back, i) != 0 {
					return nil, false
				}
			}
		}
		vec = conv
	}
	return vec, true
}

// hashKeys is lookupValues for the hash index, which finds STRING and
// SYMBOL keys alike by their text: a STRING lookup in a SYMBOL key
// needs no SYMBOL vector of its own, whose new base would intern every
// value.
func hashKeys(v value.Value, col *value.Vector) (*value.Vector, bool) {
	text := func(t value.Type) bool { return t == value.String || t == value.Symbol }
	if vec, ok := vectorOf(v); ok && text(vec.T) && text(col.T) {
		return vec, true
	}
	return lookupValues(v, col)
}

// vectorOf is a lookup constant as a vector of keys, false for a value
// that can't be one.
func vectorOf(v value.Value) (*value.Vector, bool) {
	var vec *value.Vector
	switch x := v.(type) {
	case *value.Scalar:
		vec = x.Vector()
	case *value.Vector:
		vec = x
	case *value.Set:
		vec = x.V
	default:
		return nil, false
	}
	if vec.T.IsArray() || vec.T == value.Any {
		return nil, false
	}
	return vec, true
}

// lookupRows finds the rows for every combination of fixed key values
// (one value per key column, or lists for in), in table order: the
// combinations are looked up together, a chunk of typed keys at a time,
// not one key's bytes at a time.
func lookupRows(t *value.Table, fixed []*value.Vector) []int {
	cols := combinations(fixed)
	if cols == nil {
		return nil
	}
	found := make([]int32, cols[0].Len())
	t.FindKeys(cols, found)
	var rows []int
	for _, r := range found {
		if r >= 0 {
			rows = append(rows, int(r))
		}
	}
	slices.Sort(rows)
	return slices.Compact(rows)
}

// combinations is every combination of one value of each vector, a
// column per vector, the last vector's values varying fastest; nil when
// a vector is empty.
func combinations(fixed []*value.Vector) []*value.Vector {
	n := 1
	for _, f := range fixed {
		n *= f.Len()
	}
	if n == 0 {
		return nil
	}
	if len(fixed) == 1 {
		return fixed
	}
	cols := make([]*value.Vector, len(fixed))
	idx := make([]int, n)
	repeat := n // how many combinations each value of fixed[i] spans
	for i, f := range fixed {
		m := f.Len()
		repeat /= m
		for k := range idx {
			idx[k] = k / repeat % m
		}
		cols[i] = f.Gather(idx)
	}
	return cols
}

// rangeWhere answers conditions on an indexed table's leading key
// columns from its ordered index: equality (or in, on the first column)
// on a prefix of the key columns, then optionally a range (<, <=, >, >=,
// between) on the next one. Range conditions stay in rest to settle
// their strictness on the few rows found.
func rangeWhere(t *value.Table, terms []keyTerm, rest []ast.Expr) ([]int, []ast.Expr, bool) {
	byCol := map[int][]keyTerm{}
	for _, kt := range terms {
		byCol[kt.col] = append(byCol[kt.col], kt)
	}
	var prefixes [][]*value.Vector = [][]*value.Vector{nil}
	used := map[ast.Expr]bool{}
	k := 0
	for ; k < len(t.KeyCols); k++ {
		col := t.Cols[t.KeyCols[k]]
		var eq *value.Vector
		for _, kt := range byCol[t.KeyCols[k]] {
			if kt.op == "==" || (kt.op == "in" && k == 0) {
				if v, ok := lookupValues(kt.val, col); ok && (v.Len() == 1 || k == 0) {
					eq = v
					used[kt.expr] = true
					break
				}
			}
		}
		if eq == nil {
			break
		}
		var next [][]*value.Vector
		for _, p := range prefixes {
			for i := 0; i < eq.Len(); i++ {
				next = append(next, append(append([]*value.Vector(nil), p...), eq.Slice(i, i+1)))
			}
		}
		prefixes = next
	}
	var lo, hi *value.Vector
	if k < len(t.KeyCols) {
		col := t.Cols[t.KeyCols[k]]
		for _, kt := range byCol[t.KeyCols[k]] {
			switch kt.op {
			case ">", ">=":
				lo = boundValue(kt.val, col, 0)
			case "<", "<=":
				hi = boundValue(kt.val, col, 0)
			case "between":
				lo, hi = boundValue(kt.val, col, 0), boundValue(kt.val, col, 1)
			}
		}
	}
	if k == 0 && lo == nil && hi == nil {
		return nil, nil, false
	}
	idx := t.Ordered()
	var rows []int
	for _, p := range prefixes {
		from := p
		if lo != nil {
			from = append(append([]*value.Vector(nil), p...), lo)
		}
		var upper []*value.Vector
		if hi != nil {
			upper = append(append([]*value.Vector(nil), p...), hi)
		}
		idx.Scan(from, func(r int) bool {
			if len(p) > 0 && idx.CompareRow(r, p) != 0 {
				return false
			}
			if upper != nil && idx.CompareRow(r, upper) > 0 {
				return false
			}
			rows = append(rows, r)
			return true
		})
	}
	// A repeated value in an in list scans its prefix again; a row
	// matches once.
	sort.Ints(rows)
	rows = slices.Compact(rows)
	for _, kt := range terms {
		if !used[kt.expr] {
			rest = append(rest, kt.expr)
		}
	}
	return rows, rest, true
}

// boundValue is element i of a range bound (a scalar, or a pair for
// between) typed as the key column; nil when it can't be converted
// exactly.
func boundValue(v value.Value, col *value.Vector, i int) *value.Vector {
	if p, ok := v.(*value.Pair); ok {
		v = p.V.Elem(i)
	}
	s, ok := v.(*value.Scalar)
	if !ok || s.IsNull() {
		return nil
	}
	vec, ok := lookupValues(s, col)
	if !ok {
		return nil
	}
	return vec
}
