package stats

import (
	"context"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/rowsort"
	"github.com/porpoisedb/porpoise/value"
)

// RankVector ranks xs (0-based) by o; dense ranks count distinct values
// before each element.
func RankVector(xs []float64, o RankOptions, dense bool) []float64 {
	out, _ := RankVectorContext(context.Background(), xs, o, dense)
	return out
}

// RankVectorContext is RankVector stopping with ctx's error once ctx is
// cancelled. The order comes from rowsort's typed stable sort (NULLs
// lowest, so first ascending and last descending), which checks ctx
// between its passes.
func RankVectorContext(ctx context.Context, xs []float64, o RankOptions, dense bool) ([]float64, error) {
	n := len(xs)
	order, err := rowsort.SortContext(ctx, []rowsort.Key{RankKey(xs, o)}, n, rowsort.KeepAll)
	if err != nil {
		return nil, err
	}
	out := funcs.NullDoubles(n)
	RankSorted(xs, order.Index(n), o, dense, out)
	return out, nil
}

// RankKey is the sort key that puts xs in o's rank order.
func RankKey(xs []float64, o RankOptions) rowsort.Key {
	nulls := rowsort.NullsFirst
	if !o.Ascending {
		nulls = rowsort.NullsLast
	}
	return rowsort.Column(value.NewDoubles(xs), !o.Ascending, nulls)
}

// RankSorted writes to out the ranks of the rows idx lists, which are in
// RankKey's order: one vector, or one group of a context by. It may
// overwrite idx.
func RankSorted(xs []float64, idx []int, o RankOptions, dense bool, out []float64) {
	if o.IgnoreNA {
		kept := idx[:0]
		for _, i := range idx {
			if !funcs.IsNullF(xs[i]) {
				kept = append(kept, i)
			}
		}
		idx = kept
	}
	cmp := func(a, b int) int {
		c := CompareNullLow(xs[a], funcs.IsNullF(xs[a]), xs[b], funcs.IsNullF(xs[b]))
		if !o.Ascending {
			c = -c
		}
		return c
	}
	cnt := float64(len(idx))
	distinct := 0
	for k := 0; k < len(idx); {
		j := k
		for j < len(idx) && cmp(idx[j], idx[k]) == 0 {
			j++
		}
		for t := k; t < j; t++ {
			var r float64
			switch {
			case dense:
				r = float64(distinct)
			case o.Ties == "max":
				r = float64(j - 1)
			case o.Ties == "average":
				r = float64(k+j-1) / 2
			case o.Ties == "first":
				r = float64(t)
			default:
				r = float64(k)
			}
			if o.Percent {
				if dense {
					r = (r + 1)
				} else {
					r = (r + 1) / cnt
				}
			}
			out[idx[t]] = r
		}
		distinct++
		k = j
	}
	if dense && o.Percent {
		for _, i := range idx {
			out[i] /= float64(distinct)
		}
	}
}

// GroupRanks splits the sorted elements into groups of near-equal size
// (the first size%groups groups one larger) and returns each element's
// group (rank's and rowRank's groupNum); equal elements share the
// smallest group.
func GroupRanks(xs []float64, o RankOptions, groups int) []int32 {
	o.Ties = "first"
	o.Percent = false
	pos := RankVector(xs, o, false)
	n := 0
	for _, p := range pos {
		if !funcs.IsNullF(p) {
			n++
		}
	}
	base, extra := n/groups, n%groups
	groupOf := func(p int) int {
		big := (base + 1) * extra
		if p < big {
			return p / (base + 1)
		}
		if base == 0 {
			return extra
		}
		return extra + (p-big)/base
	}
	g := make([]int32, len(xs))
	// Equal values take the smallest group among them.
	minGroup := map[float64]int32{}
	for i, p := range pos {
		if funcs.IsNullF(p) {
			continue
		}
		gi := int32(groupOf(int(p)))
		if m, ok := minGroup[xs[i]]; !ok || gi < m {
			minGroup[xs[i]] = gi
		}
	}
	for i, p := range pos {
		if funcs.IsNullF(p) {
			g[i] = value.NullInt32
			continue
		}
		g[i] = minGroup[xs[i]]
	}
	return g
}
