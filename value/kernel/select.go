package kernel

import (
	"math/bits"
	"sort"
)

// OrderStats reorders s (no NaNs) in place so that s[k], and s[k+1]
// when there is one, hold what they would hold sorted, with everything
// before k no greater and everything after no smaller. A median or
// quantile reads only those two, so this finds them in O(n) on average
// where a sort takes O(n log n): a quickselect with median-of-three
// pivots that sorts what is left once it has partitioned more than
// 2*log2(n) times, so adversarial input costs no more than a sort.
func OrderStats(s []float64, k int) {
	if k < 0 || k >= len(s) {
		return
	}
	selectK(s, k)
	if k+1 < len(s) {
		// the next order statistic is the smallest of what lies above k
		j := k + 1
		for i := k + 2; i < len(s); i++ {
			if s[i] < s[j] {
				j = i
			}
		}
		s[k+1], s[j] = s[j], s[k+1]
	}
}

// selectK reorders s so that s[k] is the k-th smallest, everything
// before it no greater and everything after no smaller.
func selectK(s []float64, k int) {
	lo, hi := 0, len(s)-1
	budget := 2 * bits.Len(uint(len(s)))
	for hi-lo > 16 {
		if budget == 0 {
			sort.Float64s(s[lo : hi+1])
			return
		}
		budget--
		// median of three as the pivot, moved to s[lo]
		mid := lo + (hi-lo)/2
		if s[mid] < s[lo] {
			s[mid], s[lo] = s[lo], s[mid]
		}
		if s[hi] < s[lo] {
			s[hi], s[lo] = s[lo], s[hi]
		}
		if s[hi] < s[mid] {
			s[hi], s[mid] = s[mid], s[hi]
		}
		s[lo], s[mid] = s[mid], s[lo]
		p := s[lo]
		// Hoare partition: s[lo..j] <= p <= s[j+1..hi]
		i, j := lo, hi+1
		for {
			for i++; i <= hi && s[i] < p; i++ {
			}
			for j--; s[j] > p; j-- {
			}
			if i >= j {
				break
			}
			s[i], s[j] = s[j], s[i]
		}
		s[lo], s[j] = s[j], s[lo]
		switch {
		case k < j:
			hi = j - 1
		case k > j:
			lo = j + 1
		default:
			return
		}
	}
	// insertion sort of the short rest
	for i := lo + 1; i <= hi; i++ {
		for m := i; m > lo && s[m] < s[m-1]; m-- {
			s[m], s[m-1] = s[m-1], s[m]
		}
	}
}
