package orderstat

import (
	"math"
	"slices"

	"github.com/porpoisedb/porpoise/ordstat"
)

// ranked holds a window's rows as marks in a Fenwick tree over the
// ranks of the whole column's values, sorted once: O(log n) a row
// entering or leaving and a value read, whatever the window's size
// (sorted moves O(w) values a row). Equal values rank in row order, as
// sorted keeps them.
type ranked struct {
	vals []float64
	// slot is each row's rank in vals
	slot []int32
	tree ordstat.Fenwick
	n    int
}

func newRanked[T Number](xs []T, null T) *ranked {
	d := make([]float64, len(xs))
	for i, t := range xs {
		d[i] = float64(t)
		if t == null || t != t {
			d[i] = math.NaN()
		}
	}
	es := ordstat.SortedNonNull(d)
	// SortedNonNull puts equal values latest first
	for a := 0; a < len(es); {
		b := a + 1
		for b < len(es) && es[b].V == es[a].V {
			b++
		}
		slices.Reverse(es[a:b])
		a = b
	}
	r := &ranked{vals: make([]float64, len(es)), slot: make([]int32, len(xs)), tree: ordstat.NewFenwick(len(es))}
	for j, e := range es {
		r.vals[j], r.slot[e.I] = e.V, int32(j)
	}
	return r
}

func (r *ranked) size() int        { return r.n }
func (r *ranked) at(k int) float64 { return r.vals[r.tree.Kth(k)] }

func (r *ranked) enter(row int, _ float64) {
	r.tree.Add(int(r.slot[row]))
	r.n++
}

func (r *ranked) leave(row int, _ float64) {
	r.tree.Remove(int(r.slot[row]))
	r.n--
}

func (r *ranked) swap(oldRow int, old float64, row int, x float64) {
	r.leave(oldRow, old)
	r.enter(row, x)
}
