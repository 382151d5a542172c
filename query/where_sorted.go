package query

import (
	"cmp"
	"slices"
	"sort"

	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// sortedRange answers a where clause that is one `col between lo and hi`
// over a column whose values ascend (a table built in time or date
// order): the rows it keeps are one run, found by binary search, so the
// query reads a slice of the table rather than a mask and a copy. The
// check that the column ascends is one pass, cheaper than evaluating the
// condition. ok is false for any other clause or column; the bounds must
// be non-NULL scalars of the column's own integral type (NULL, the
// smallest value, then sorts first and falls outside, as between
// leaves it out).
func (ex *executor) sortedRange(t *value.Table, where []ast.Expr) (lo, hi int, ok bool) {
	if len(where) != 1 {
		return 0, 0, false
	}
	b, isBin := where[0].(*ast.BinaryExpr)
	if !isBin || b.Op != "between" {
		return 0, 0, false
	}
	id, isID := b.L.(*ast.Ident)
	bounds, isPair := b.R.(*ast.BinaryExpr)
	if !isID || !isPair || bounds.Op != ":" {
		return 0, 0, false
	}
	col := t.Column(id.Name)
	if col == nil || col.Syms != nil || col.Scale != 0 || col.T.IsArray() {
		return 0, 0, false
	}
	from, okFrom := ex.boundOf(t, bounds.L, col.T)
	to, okTo := ex.boundOf(t, bounds.R, col.T)
	if !okFrom || !okTo {
		return 0, 0, false
	}
	switch col.T.Storage() {
	case value.StInt32:
		return ascendingRun(col.I32, int32(from), int32(to))
	case value.StInt64:
		return ascendingRun(col.I64, from, to)
	}
	return 0, 0, false
}

// boundOf evaluates a bound of between: a non-NULL scalar of type t.
func (ex *executor) boundOf(src *value.Table, e ast.Expr, t value.Type) (int64, bool) {
	if _, lit := e.(*ast.Literal); !lit {
		return 0, false
	}
	v, err := ex.withTable(src, e)
	if err != nil {
		return 0, false
	}
	s, ok := v.(*value.Scalar)
	if !ok || s.T != t || s.Null {
		return 0, false
	}
	return s.Int64()
}

// ascendingRun is the run [lo, hi) of xs within [from, to] when xs
// ascends; ok is false when it doesn't.
func ascendingRun[T cmp.Ordered](xs []T, from, to T) (lo, hi int, ok bool) {
	for i := 1; i < len(xs); i++ {
		if xs[i] < xs[i-1] {
			return 0, 0, false
		}
	}
	lo, _ = slices.BinarySearch(xs, from)
	hi = lo + sort.Search(len(xs)-lo, func(i int) bool { return xs[lo+i] > to })
	return lo, hi, true
}
