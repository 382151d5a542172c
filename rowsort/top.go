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

// GroupTop lists, for each of groups groups of n rows (ids gives each
// row's group), the first k rows of the group's stable order by keys, or
// the last -k when k is negative, as Sort(keys, n, KeepAll) over the
// group's rows would list them; group after group. Each group keeps its rows in a bounded heap, so
// a small |k| costs a pass over the rows instead of a sort of them all.
func GroupTop(ids []int32, groups int, keys []Key, n, k int) []int32 {
	if k == 0 {
		return []int32{}
	}
	specs, _ := specsOf(keys, n)
	ws, _ := words(specs, n)
	if (k == 1 || k == -1) && len(ws) == 1 {
		return groupBest(ids, groups, ws[0], k < 0)
	}
	less := func(a, b int32) bool {
		c := compareRows(ws, a, b)
		return c < 0 || c == 0 && a < b
	}
	if k < 0 {
		k = -k
		less = func(a, b int32) bool { // the heap keeps the largest
			c := compareRows(ws, a, b)
			return c > 0 || c == 0 && a > b
		}
	}
	heaps := make([][]int32, groups)
	for r, id := range ids {
		if h := heaps[id]; len(h) < k || less(int32(r), h[0]) {
			if h == nil {
				h = make([]int32, 0, k)
			}
			heaps[id] = pushBounded(h, k, int32(r), less)
		}
	}
	total := 0
	for _, h := range heaps {
		total += len(h)
	}
	perm := make([]int32, 0, total)
	for _, h := range heaps {
		slices.SortFunc(h, func(a, b int32) int {
			if c := compareRows(ws, a, b); c != 0 {
				return c
			}
			return int(a - b)
		})
		perm = append(perm, h...)
	}
	return perm
}

// groupBest is GroupTop for k 1 (the first row of each group's order by
// one word a row, w) or -1 (last: the last row of the group's largest):
// one comparison a row, where ascending input (time) would push every
// row through a heap for limit -1.
func groupBest(ids []int32, groups int, w []uint64, last bool) []int32 {
	best := make([]int32, groups)
	for i := range best {
		best[i] = -1
	}
	for r, id := range ids {
		if b := best[id]; b < 0 || !last && w[r] < w[b] || last && w[r] >= w[b] {
			best[id] = int32(r)
		}
	}
	out := best[:0]
	for _, b := range best {
		if b >= 0 {
			out = append(out, b)
		}
	}
	return out
}
