package ctxby

import (
	"slices"
	"strings"

	"github.com/porpoisedb/porpoise/query/colname"
	"github.com/porpoisedb/porpoise/query/groupagg"
	"github.com/porpoisedb/porpoise/query/orderkey"
	"github.com/porpoisedb/porpoise/rowsort"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
)

// PerGroup keeps, of rows (positions whose ids run in groups of equal
// id), the first k of each group, or the last -k when k is negative: top
// and limit under context by.
func PerGroup(rows []int, ids []int32, k int64) []int {
	out := rows[:0:0]
	for lo := 0; lo < len(rows); {
		hi := lo
		for hi < len(rows) && ids[rows[hi]] == ids[rows[lo]] {
			hi++
		}
		out = append(out, cut(rows[lo:hi], k)...)
		lo = hi
	}
	return out
}

// cut is the first k of seg, or its last -k when k is negative.
func cut(seg []int, k int64) []int {
	if k >= 0 {
		return seg[:min(int(k), len(seg))]
	}
	return seg[max(len(seg)+int(k), 0):]
}

// Kept lists the rows of g that top or limit k keeps: the first k rows
// of each group, or the last -k, in the order of the csort keys within a
// group when there are any (nil: input order). The rows of all groups
// come in group order for top or csort (and not keepOrder), else in input
// order.
func Kept(g *groupagg.Groups, csort []rowsort.Key, k int64, top, keepOrder bool) []int {
	if csort == nil {
		return FirstLast(g.IDs, g.N, k, top && !keepOrder)
	}
	var rows []int
	if n := len(g.IDs); k != 0 && (k > -64 && k < 64) && int(max(k, -k))*8 <= n/max(g.N, 1) {
		// a few rows of groups many times larger: a heap a group
		rows = rowsort.Ints(rowsort.GroupTop(g.IDs, g.N, csort, n, int(k)))
	} else {
		g.Index()
		SortGroups(g, csort)
		rows = FromPerm(g.Perm, g.Starts, k)
	}
	if keepOrder {
		slices.Sort(rows)
	}
	return rows
}

// SortGroups orders the rows inside each group of the indexed g by keys
// (csort): g.Perm lists the rows group after group, each in keys' order.
func SortGroups(g *groupagg.Groups, keys []rowsort.Key) {
	perm := rowsort.Sort(orderkey.Grouped(g.IDs, keys), len(g.IDs), rowsort.KeepAll).Permutation()
	for i, r := range perm {
		g.Perm[i] = int(r)
	}
}

// FirstLast keeps the first k rows of each of n groups (the last -k when
// k is negative), rows in input order within a group, without listing
// every row's group position: ids is each row's group. The rows come in
// input order, or in group order when byGroup is set.
func FirstLast(ids []int32, n int, k int64, byGroup bool) []int {
	seen := make([]int, n)
	var rows []int
	if k >= 0 {
		for r, id := range ids {
			if int64(seen[id]) < k {
				rows = append(rows, r)
			}
			seen[id]++
		}
	} else {
		size := make([]int, n)
		for _, id := range ids {
			size[id]++
		}
		for r, id := range ids {
			if int64(seen[id]) >= int64(size[id])+k {
				rows = append(rows, r)
			}
			seen[id]++
		}
	}
	if !byGroup {
		return rows
	}
	starts := make([]int, n+1)
	for _, r := range rows {
		starts[ids[r]+1]++
	}
	for i := 1; i <= n; i++ {
		starts[i] += starts[i-1]
	}
	out := make([]int, len(rows))
	for _, r := range rows {
		out[starts[ids[r]]] = r
		starts[ids[r]]++
	}
	return out
}

// FromPerm keeps the first k rows (the last -k when k is negative) of
// each group of an ordering: perm lists the rows group after group,
// group i at perm[starts[i]:starts[i+1]].
func FromPerm(perm, starts []int, k int64) []int {
	var rows []int
	for i := 0; i+1 < len(starts); i++ {
		rows = append(rows, cut(perm[starts[i]:starts[i+1]], k)...)
	}
	return rows
}

// PlainColumns resolves a select list made only of columns of a table
// (names, matched without case), *, and columns under an alias, to the
// columns' positions and the output names: such a list can be answered by
// gathering the rows a top or limit keeps, without arranging the whole
// table by group. ok is false for any other item.
func PlainColumns(items []ast.Expr, names []string) (cols []int, out []string, ok bool) {
	for _, it := range items {
		if _, star := it.(*ast.StarExpr); star {
			for c, name := range names {
				cols, out = append(cols, c), append(out, name)
			}
			continue
		}
		x := it
		if a, alias := it.(*ast.AliasExpr); alias && len(a.Names) == 0 {
			x = a.X
		}
		id, isIdent := x.(*ast.Ident)
		if !isIdent {
			return nil, nil, false
		}
		c := -1
		for i, name := range names {
			if strings.EqualFold(name, id.Name) {
				c = i
				break
			}
		}
		if c < 0 {
			return nil, nil, false
		}
		cols, out = append(cols, c), append(out, colname.Of(it))
	}
	return cols, out, true
}
