package ordstat

import (
	"math"
	"slices"

	"github.com/porpoisedb/porpoise/value"
)

// isNull is funcs.IsNullF: the DOUBLE NULL or NaN.
func isNull(x float64) bool { return x == value.NullFloat64 || x != x }

// Span is where the q-quantile (0..1) of n sorted values lies, at
// position (n-1)q: between the values at lo and hi (lo+1, or lo at the
// end), frac of the way.
func Span(n int, q float64) (lo, hi int, frac float64) {
	pos := float64(n-1) * q
	lo = int(math.Floor(pos))
	if lo < 0 {
		lo = 0
	}
	hi = lo + 1
	if hi > n-1 {
		hi = n - 1
	}
	return lo, hi, pos - float64(lo)
}

// Pick interpolates between the neighbours a (at lo) and b (at hi) of a
// quantile frac of the way from a, with DolphinDB's method: linear,
// lower, higher, nearest or midpoint.
func Pick(a, b, frac float64, method string) float64 {
	switch method {
	case "lower":
		return a
	case "higher":
		if frac == 0 {
			return a
		}
		return b
	case "nearest":
		// A tie goes to the lower neighbour ("cumpercentile" page).
		if frac <= 0.5 {
			return a
		}
		return b
	case "midpoint":
		if frac == 0 {
			return a
		}
		return (a + b) / 2
	}
	return a + (b-a)*frac
}

// Running is a cumulative kernel whose row i is the q-quantile, with
// method, of the non-NULL elements up to i (NULL before the first). Each
// value has its slot in the sorted order, marked in a Fenwick tree when
// it arrives, so the neighbours of the quantile are two k-th-mark
// searches.
func Running(q float64, method string) func(xs, out []float64) {
	return func(xs, out []float64) {
		sorted := SortedNonNull(xs)
		slotOf := make([]int32, len(xs))
		for j, e := range sorted {
			slotOf[e.I] = int32(j)
		}
		tree := NewFenwick(len(sorted))
		seen := 0
		for i, x := range xs {
			if !isNull(x) {
				tree.Add(int(slotOf[i]))
				seen++
			}
			if seen == 0 {
				out[i] = value.NullFloat64
				continue
			}
			lo, hi, frac := Span(seen, q)
			a := sorted[tree.Kth(lo)].V
			b := a
			// every method but linear (a + (b-a)*0 is NaN for b
			// infinite) reads only a when the quantile falls on it
			if hi != lo && method != "lower" && (frac != 0 || method == "linear") {
				b = sorted[tree.Kth(hi)].V
			}
			out[i] = Pick(a, b, frac, method)
		}
	}
}

// Elem is an element of a series and its index.
type Elem struct {
	V float64
	I int
}

// SortedNonNull is xs's non-NULL elements with their indexes in
// ascending order, equal ones (-0 and 0 among them) latest first: the
// order sorted insertion before the equal ones builds, so a running
// quantile reads the same zero it did. Sorting the pairs once beats
// looking each value up in a sorted copy, whose random probes missed
// the cache.
func SortedNonNull(xs []float64) []Elem {
	s := make([]Elem, 0, len(xs))
	for i, x := range xs {
		if !isNull(x) {
			s = append(s, Elem{x, i})
		}
	}
	slices.SortFunc(s, func(a, b Elem) int {
		switch {
		case a.V < b.V:
			return -1
		case a.V > b.V:
			return 1
		}
		return b.I - a.I
	})
	return s
}
