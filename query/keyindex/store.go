package keyindex

import (
	"slices"

	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// Ordered is the publisher (value.Table.Stream) of a table that keeps
// ordered indexes of its own over its rows: an IMOLTP table's primary
// and secondary keys (db_distr_comp/db/imoltp.md).
type Ordered interface {
	// KeyIndexes is the key columns of each index, the primary key
	// first.
	KeyIndexes() [][]int
	// ScanIndex calls fn with each row of index i whose first len(eq)
	// key columns equal eq's values (one element each, of the column's
	// type) and whose next key column lies within [lo, hi] (nil: open),
	// in key order, until fn returns false.
	ScanIndex(i int, eq []*value.Vector, lo, hi *value.Vector, fn func(row int) bool)
}

// maxPrefixes caps the key prefixes an in list on several key columns
// multiplies into; past it a scan is as cheap.
const maxPrefixes = 4096

// orderedWhere answers the conditions on an Ordered table's index keys:
// an index is usable when its first key columns are fixed by == (or in),
// then optionally the next one is bounded by a range, as a composite
// key's column helps only once every column left of it is fixed by
// equality (imoltp.md). The index fixing the most columns wins, the
// primary key on a tie. Range conditions stay in rest to settle their
// strictness on the rows found.
func orderedWhere(t *value.Table, s Ordered, where []ast.Expr, eval Eval) ([]int, []ast.Expr, bool) {
	indexes := s.KeyIndexes()
	isKey := map[int]bool{}
	for _, cols := range indexes {
		for _, c := range cols {
			isKey[c] = true
		}
	}
	terms, rest := splitTerms(t, where, isKey, eval)
	if len(terms) == 0 {
		return nil, nil, false
	}
	best, bestScore := -1, 0
	var bestPlan plan
	for i, cols := range indexes {
		p := planIndex(t, cols, terms)
		score := 2 * len(p.eq)
		if p.lo != nil || p.hi != nil {
			score++
		}
		if score > bestScore {
			best, bestScore, bestPlan = i, score, p
		}
	}
	if best < 0 {
		return nil, nil, false
	}
	var rows []int
	for _, prefix := range prefixes(bestPlan.eq) {
		s.ScanIndex(best, prefix, bestPlan.lo, bestPlan.hi, func(r int) bool {
			rows = append(rows, r)
			return true
		})
	}
	slices.Sort(rows)
	rows = slices.Compact(rows)
	for _, kt := range terms {
		if !bestPlan.used[kt.expr] {
			rest = append(rest, kt.expr)
		}
	}
	return rows, rest, true
}

// plan is how one index answers the terms: the values fixing its first
// len(eq) columns, the bounds of the next one, and the terms the lookup
// settles exactly.
type plan struct {
	eq     []*value.Vector
	lo, hi *value.Vector
	used   map[ast.Expr]bool
}

// planIndex finds what the terms give the index over cols.
func planIndex(t *value.Table, cols []int, terms []keyTerm) plan {
	p := plan{used: map[ast.Expr]bool{}}
	n := 1
	k := 0
	for ; k < len(cols); k++ {
		var eq *value.Vector
		for _, kt := range terms {
			if kt.col != cols[k] || kt.op != "==" && kt.op != "in" {
				continue
			}
			if v, ok := lookupValues(kt.val, t.Cols[cols[k]]); ok && n*v.Len() <= maxPrefixes {
				eq = v
				p.used[kt.expr] = true
				break
			}
		}
		if eq == nil {
			break
		}
		n *= eq.Len()
		p.eq = append(p.eq, eq)
	}
	if k < len(cols) {
		col := t.Cols[cols[k]]
		for _, kt := range terms {
			if kt.col != cols[k] {
				continue
			}
			switch kt.op {
			case ">", ">=":
				p.lo = boundValue(kt.val, col, 0)
			case "<", "<=":
				p.hi = boundValue(kt.val, col, 0)
			case "between":
				p.lo, p.hi = boundValue(kt.val, col, 0), boundValue(kt.val, col, 1)
			}
		}
	}
	return p
}

// prefixes is every combination of one value of each vector, each a
// list of one-element vectors; one empty prefix when fixed is empty.
func prefixes(fixed []*value.Vector) [][]*value.Vector {
	out := [][]*value.Vector{nil}
	for _, f := range fixed {
		var next [][]*value.Vector
		for _, p := range out {
			for i := range f.Len() {
				next = append(next, append(slices.Clip(p), f.Slice(i, i+1)))
			}
		}
		out = next
	}
	return out
}

// Rows is the rows of t, in order, an update's or a delete's where
// clause picks: an Ordered table's index answers the key conditions and
// scan, which evaluates conditions over a table to its rows, applies the
// rest to the rows found; any other table is scanned whole.
func Rows(t *value.Table, where []ast.Expr, eval Eval, scan func(*value.Table, []ast.Expr) ([]int, error)) ([]int, error) {
	if _, ok := t.Stream.(Ordered); ok {
		if rows, rest, ok := Where(t, where, eval); ok {
			if len(rest) == 0 {
				return rows, nil
			}
			kept, err := scan(t.Gather(rows), rest)
			if err != nil {
				return nil, err
			}
			for i, k := range kept {
				kept[i] = rows[k]
			}
			return kept, nil
		}
	}
	return scan(t, where)
}
