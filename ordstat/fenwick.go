package ordstat

import "math/bits"

// Fenwick is a binary indexed tree counting marks at positions 0..n-1,
// so running order statistics (cummed, cumpercentile, cumrank,
// cumdenseRank) find a value's rank, or the k-th smallest value, among
// those seen so far in O(log n) instead of rescanning them.
type Fenwick []int32

// NewFenwick is an empty tree over n positions (slot 0 is the tree's
// unused root).
func NewFenwick(n int) Fenwick { return make(Fenwick, n+1) }

// Add marks position p once more.
func (f Fenwick) Add(p int) {
	for j := p + 1; j < len(f); j += j & -j {
		f[j]++
	}
}

// Remove takes one mark off position p, which must hold one: a sliding
// window's row leaving.
func (f Fenwick) Remove(p int) {
	for j := p + 1; j < len(f); j += j & -j {
		f[j]--
	}
}

// Below is the number of marks at positions before p.
func (f Fenwick) Below(p int) int32 {
	var s int32
	for ; p > 0; p -= p & -p {
		s += f[p]
	}
	return s
}

// At is the number of marks at position p.
func (f Fenwick) At(p int) int32 { return f.Below(p+1) - f.Below(p) }

// Kth is the position of the k-th (0-based) mark in position order; the
// tree must hold more than k marks.
func (f Fenwick) Kth(k int) int {
	pos, rem := 0, int32(k+1)
	for step := 1 << (bits.Len(uint(len(f)-1)) - 1); step > 0; step >>= 1 {
		if next := pos + step; next < len(f) && f[next] < rem {
			pos = next
			rem -= f[next]
		}
	}
	return pos
}

// LowerBound is the first index of ascending, NaN-free s whose value is
// not below x: slices.BinarySearch's answer without the NaN tests that
// cost cumdenseRank as much as the search itself.
func LowerBound(s []float64, x float64) int {
	lo, hi := 0, len(s)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if s[m] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
