package rowsort

import (
	"context"
	"math/bits"
	"slices"
)

// Keep says which rows Sort keeps among rows whose keys are all equal.
type Keep uint8

const (
	// KeepAll keeps every row.
	KeepAll Keep = iota
	// KeepFirst keeps the first row of each run of equal keys.
	KeepFirst
	// KeepLast keeps the last row of each run of equal keys.
	KeepLast
)

// Order is the outcome of Sort: either Perm (output row i is input row
// Perm[i]; rows may be dropped), or Inv (input row j goes to output row
// Inv[j]; all rows kept), or neither (the input order is already right).
type Order struct {
	Perm []int32
	Inv  []int32
}

// Identity reports whether the input order is already the sorted one.
func (o Order) Identity() bool { return o.Perm == nil && o.Inv == nil }

// Rows is the number of output rows for n input rows.
func (o Order) Rows(n int) int {
	if o.Perm != nil {
		return len(o.Perm)
	}
	return n
}

// Permutation returns the order as a perm (nil for the identity).
func (o Order) Permutation() []int32 {
	if o.Inv == nil {
		return o.Perm
	}
	perm := make([]int32, len(o.Inv))
	for j, i := range o.Inv {
		perm[i] = int32(j)
	}
	return perm
}

// Index returns the order of n input rows as the []int the value
// package's Gather takes (0..n-1 for the identity).
func (o Order) Index(n int) []int {
	perm := o.Permutation()
	if perm == nil {
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		return idx
	}
	return Ints(perm)
}

// Ints converts a permutation to []int.
func Ints(perm []int32) []int {
	idx := make([]int, len(perm))
	for i, p := range perm {
		idx[i] = int(p)
	}
	return idx
}

// Sort returns the order that sorts n rows stably by keys (the first key
// most significant) and applies keep to runs of equal keys.
func Sort(keys []Key, n int, keep Keep) Order {
	o, _ := SortContext(context.Background(), keys, n, keep)
	return o
}

// SortContext is Sort stopping once ctx is cancelled: it checks between
// the passes over the rows (each well under a second for tens of millions
// of rows), never per element, and then returns ctx's error.
func SortContext(ctx context.Context, keys []Key, n int, keep Keep) (Order, error) {
	if n <= 1 || len(keys) == 0 {
		return Order{}, nil
	}
	specs, total := specsOf(keys, n)
	if len(specs) == 1 && keep == KeepAll && specs[0].sorted() {
		return Order{}, nil // one append's blocks read back in order
	}
	var o Order
	if idxBits := bits.Len(uint(n - 1)); total+idxBits <= 64 {
		o = sortPacked(ctx, specs, total, n, idxBits, keep)
	} else {
		o = Order{Perm: sortWide(ctx, specs, n, keep)}
	}
	if err := ctx.Err(); err != nil {
		return Order{}, err
	}
	return o, nil
}

func specsOf(keys []Key, n int) ([]keySpec, int) {
	specs := make([]keySpec, len(keys))
	total := 0
	for i, k := range keys {
		specs[i] = k.spec(n)
		total += specs[i].width
	}
	return specs, total
}

// sortPacked packs every row's keys and index into one uint64 and radix
// sorts those words.
func sortPacked(ctx context.Context, specs []keySpec, total, n, idxBits int, keep Keep) Order {
	if keep == KeepAll && packedSorted(specs, n) {
		return Order{} // a chunk written by one append reads back in order
	}
	w := make([]uint64, n)
	for _, sp := range specs {
		sp.fill(w, 0)
	}
	sorted := keep != KeepAll && slices.IsSorted(w)
	// When the last key is already ascending (typically the time column
	// of data arriving in time order), a stable sort by the other keys
	// alone is enough.
	lo := 0
	if last := specs[len(specs)-1]; !sorted && len(specs) > 1 && last.sorted() {
		lo = last.width
	}
	if !sorted && keep == KeepAll && counting(total-lo, n) {
		// One stable counting pass in input order yields every row's
		// destination; applying it is a scatter into few sequential
		// streams, far kinder to caches than a random gather.
		return Order{Inv: countingInv(w, lo, total-lo)}
	}
	lo += idxBits
	for i := range w {
		w[i] = w[i]<<idxBits | uint64(i)
	}
	if !sorted {
		// A chunk written by a few appends is a few ascending runs: merging
		// them takes fewer passes than the radix sort's digits.
		if starts := runStarts(w, maxMergeRuns(idxBits+total-lo)); starts != nil {
			mergeRuns(ctx, w, starts)
		} else {
			radix(ctx, w, lo, idxBits+total)
		}
	}
	mask := uint64(1)<<idxBits - 1
	if keep == KeepAll {
		perm := make([]int32, n)
		for i, x := range w {
			perm[i] = int32(x & mask)
		}
		return Order{Perm: perm}
	}
	perm := make([]int32, 0, n)
	for i, x := range w {
		var dup bool
		if keep == KeepFirst {
			dup = i > 0 && w[i-1]>>idxBits == x>>idxBits
		} else {
			dup = i+1 < n && w[i+1]>>idxBits == x>>idxBits
		}
		if !dup {
			perm = append(perm, int32(x&mask))
		}
	}
	if sorted && len(perm) == n {
		return Order{}
	}
	return Order{Perm: perm}
}

// packedSorted reports whether the rows' packed keys never decrease. It
// packs a few thousand rows at a time and stops at the first descent, so
// sorted input (the common case for a chunk read back after one append)
// needs no word per row, and unsorted input rarely costs more than a few
// blocks.
func packedSorted(specs []keySpec, n int) bool {
	buf := make([]uint64, min(n, 4096))
	var prev uint64
	for lo := 0; lo < n; lo += len(buf) {
		b := buf[:min(len(buf), n-lo)]
		clear(b)
		for _, sp := range specs {
			sp.fill(b, lo)
		}
		if lo > 0 && b[0] < prev || !slices.IsSorted(b) {
			return false
		}
		prev = b[len(b)-1]
	}
	return true
}

// words packs the keys' words into as few uint64 columns as hold them,
// most significant first, and returns each column's width.
func words(specs []keySpec, n int) ([][]uint64, []int) {
	var ws [][]uint64
	var widths []int
	for _, sp := range specs {
		if len(ws) == 0 || widths[len(ws)-1]+sp.width > 64 {
			ws = append(ws, make([]uint64, n))
			widths = append(widths, 0)
		}
		sp.fill(ws[len(ws)-1], 0)
		widths[len(ws)-1] += sp.width
	}
	return ws, widths
}

// compareRows compares rows a and b by their packed key columns.
func compareRows(ws [][]uint64, a, b int32) int {
	for _, w := range ws {
		if x, y := w[a], w[b]; x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

// sortWide is the path for keys too wide to share a word with the row
// index: successive stable radix passes over (word, row) pairs, least
// significant word first. It returns nil when the rows are already in
// order and keep drops none.
func sortWide(ctx context.Context, specs []keySpec, n int, keep Keep) []int32 {
	ws, widths := words(specs, n)
	perm := make([]int32, n)
	sorted := true
	for i := range perm {
		perm[i] = int32(i)
		if i > 0 && sorted && compareRows(ws, int32(i-1), int32(i)) > 0 {
			sorted = false
		}
	}
	if !sorted {
		key := make([]uint64, n)
		for j := len(ws) - 1; j >= 0 && ctx.Err() == nil; j-- {
			for i, r := range perm {
				key[i] = ws[j][r]
			}
			radixPairs(ctx, key, perm, widths[j])
		}
	}
	if keep == KeepAll {
		if sorted {
			return nil
		}
		return perm
	}
	out := perm[:0]
	for i, r := range perm {
		var dup bool
		if keep == KeepFirst {
			dup = i > 0 && compareRows(ws, perm[i-1], r) == 0
		} else {
			dup = i+1 < n && compareRows(ws, perm[i+1], r) == 0
		}
		if !dup {
			out = append(out, r)
		}
	}
	if sorted && len(out) == n {
		return nil
	}
	return out
}
