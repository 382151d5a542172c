package ordstat

import (
	"cmp"
	"math"
	"slices"
)

// KendallTauB is Kendall's tau-b of pairs without NULLs: (c-d) over
// sqrt((c+d+tx)(c+d+ty)), c and d the concordant and discordant pairs,
// tx (ty) the pairs tied in x (y) only; ok is false for fewer than two
// pairs or a zero denominator. Knight's algorithm counts them in
// O(n log n): sorted by (x, y), d is the inversions of y, which a merge
// sort counts, and the tied pairs come from the runs of equal values.
func KendallTauB(xs, ys []float64) (tau float64, ok bool) {
	n := len(xs)
	type pair struct{ x, y float64 }
	ps := make([]pair, n)
	for i := range ps {
		ps[i] = pair{xs[i], ys[i]}
	}
	slices.SortFunc(ps, func(a, b pair) int {
		if c := cmp.Compare(a.x, b.x); c != 0 {
			return c
		}
		return cmp.Compare(a.y, b.y)
	})
	// n1 pairs tie in x, n3 in both
	var n1, n3 int64
	for i := 0; i < n; {
		j := i + 1
		for j < n && ps[j].x == ps[i].x {
			j++
		}
		n1 += tiedPairs(j - i)
		for a := i; a < j; {
			b := a + 1
			for b < j && ps[b].y == ps[a].y {
				b++
			}
			n3 += tiedPairs(b - a)
			a = b
		}
		i = j
	}
	y := make([]float64, n)
	for i, p := range ps {
		y[i] = p.y
	}
	d := sortCountingInversions(y)
	var n2 int64
	for i := 0; i < n; {
		j := i + 1
		for j < n && y[j] == y[i] {
			j++
		}
		n2 += tiedPairs(j - i)
		i = j
	}
	tx, ty := n1-n3, n2-n3
	c := tiedPairs(n) - n1 - n2 + n3 - d
	cf, df := float64(c), float64(d)
	den := math.Sqrt((cf + df + float64(tx)) * (cf + df + float64(ty)))
	return (cf - df) / den, n > 1 && den != 0
}

// tiedPairs is the number of pairs among k equal values.
func tiedPairs(k int) int64 { return int64(k) * int64(k-1) / 2 }

// sortCountingInversions sorts xs ascending by a bottom-up merge sort and
// returns the number of pairs i < j with xs[i] > xs[j] it undid.
func sortCountingInversions(xs []float64) int64 {
	var inv int64
	src, dst := xs, make([]float64, len(xs))
	for width := 1; width < len(xs); width *= 2 {
		for lo := 0; lo < len(xs); lo += 2 * width {
			mid, hi := min(lo+width, len(xs)), min(lo+2*width, len(xs))
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				if src[j] < src[i] {
					dst[k] = src[j]
					inv += int64(mid - i)
					j++
				} else {
					dst[k] = src[i]
					i++
				}
				k++
			}
			k += copy(dst[k:], src[i:mid])
			copy(dst[k:], src[j:hi])
		}
		src, dst = dst, src
	}
	copy(xs, src)
	return inv
}
