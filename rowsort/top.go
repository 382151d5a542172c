package rowsort

import (
	"math/bits"
	"slices"
)

// Top returns the first k rows (all n when k >= n) of the stable order
// of n rows by keys, as Sort(keys, n, KeepAll) would list them. When k
// is small against n it keeps the k smallest rows in a bounded heap
// instead of sorting all n: O(n log k), ties broken by the row index so
// equal keys keep their input order.
func Top(keys []Key, n, k int) []int32 {
	k = max(min(k, n), 0)
	if k*16 > n || len(keys) == 0 {
		perm := Sort(keys, n, KeepAll).Permutation()
		if perm == nil {
			perm = make([]int32, n)
			for i := range perm {
				perm[i] = int32(i)
			}
		}
		return perm[:k:k]
	}
	if k == 0 {
		return []int32{}
	}
	specs, total := specsOf(keys, n)
	idxBits := bits.Len(uint(n - 1))
	if total+idxBits <= 64 {
		return topPacked(specs, n, k, idxBits)
	}
	ws, _ := words(specs, n)
	less := func(a, b int32) bool {
		c := compareRows(ws, a, b)
		return c < 0 || c == 0 && a < b
	}
	h := make([]int32, 0, k)
	for r := range int32(n) {
		if len(h) < k || ws[0][r] <= ws[0][h[0]] { // most rows miss the heap
			h = pushBounded(h, k, r, less)
		}
	}
	slices.SortFunc(h, func(a, b int32) int {
		if less(a, b) {
			return -1
		}
		return 1
	})
	return h
}

// topPacked selects the k smallest of the rows' words packed with their
// index (all distinct, so the heap needs no tie-break).
func topPacked(specs []keySpec, n, k, idxBits int) []int32 {
	w := make([]uint64, n)
	for _, sp := range specs {
		sp.fill(w, 0)
	}
	h := make([]uint64, 0, k)
	less := func(a, b uint64) bool { return a < b }
	for i, x := range w {
		if x = x<<idxBits | uint64(i); len(h) < k || x < h[0] { // most rows miss the heap
			h = pushBounded(h, k, x, less)
		}
	}
	slices.Sort(h)
	mask := uint64(1)<<idxBits - 1
	out := make([]int32, len(h))
	for i, x := range h {
		out[i] = int32(x & mask)
	}
	return out
}

// pushBounded offers x to h, a max-heap under less holding the smallest
// (at most k) elements seen.
func pushBounded[T any](h []T, k int, x T, less func(a, b T) bool) []T {
	if len(h) < k {
		h = append(h, x)
		for i := len(h) - 1; i > 0; { // sift up
			p := (i - 1) / 2
			if !less(h[p], h[i]) {
				break
			}
			h[p], h[i] = h[i], h[p]
			i = p
		}
		return h
	}
	if !less(x, h[0]) {
		return h
	}
	h[0] = x
	for i := 0; ; { // sift down
		c := 2*i + 1
		if c >= len(h) {
			break
		}
		if c+1 < len(h) && less(h[c], h[c+1]) {
			c++
		}
		if !less(h[i], h[c]) {
			break
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
	return h
}
