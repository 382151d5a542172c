package storage

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strings"

	"github.com/porpoisedb/porpoise/storage/wordsort"
	"github.com/porpoisedb/porpoise/value"
)

// KeepPolicy is a TSDB table's keepDuplicates setting: which rows survive
// among rows whose sort-column values are all equal within a chunk.
type KeepPolicy uint8

// keepDuplicates values.
const (
	// KeepAll keeps every row (DolphinDB's default ALL).
	KeepAll KeepPolicy = iota
	// KeepFirst keeps the oldest row of each key (FIRST).
	KeepFirst
	// KeepLast keeps the newest row of each key (LAST).
	KeepLast
)

// String returns the DolphinDB spelling (ALL, FIRST, LAST).
func (k KeepPolicy) String() string {
	switch k {
	case KeepAll:
		return "ALL"
	case KeepFirst:
		return "FIRST"
	case KeepLast:
		return "LAST"
	}
	return fmt.Sprintf("KeepPolicy(%d)", uint8(k))
}

// sortCol is one sort-key column: a vector, or SYMBOL ids with a lookup of
// the id's text (ids are < nsym).
type sortCol struct {
	v    *value.Vector
	ids  []int32
	sym  func(int32) string
	nsym int
}

// sortable reports whether a column of type t can be a sort column.
func sortable(t value.Type) bool {
	if t.IsArray() {
		return false
	}
	switch t.Storage() {
	case value.StInt8, value.StInt16, value.StInt32, value.StInt64, value.StFloat32, value.StFloat64,
		value.StString, value.StBytes16:
		return true
	}
	return false
}

// keySpec describes one column's order-preserving integer keys, reduced to
// the column's value range: width significant bits; fill shifts each dst
// word left by width and ors in the key of row lo+i into dst[i]; sorted
// reports whether the keys are already non-decreasing in row order.
type keySpec struct {
	width  int
	fill   func(dst []uint64, lo int)
	sorted func() bool
}

// spec prepares the keys of the column's n rows.
func (c sortCol) spec(n int) keySpec {
	if c.v == nil {
		return symSpec(c.ids, c.sym, c.nsym)
	}
	v := c.v
	switch v.T.Storage() {
	case value.StInt8:
		return intSpec(v.I8)
	case value.StInt16:
		return intSpec(v.I16)
	case value.StInt32:
		return intSpec(v.I32)
	case value.StInt64:
		return intSpec(v.I64)
	case value.StFloat32:
		k := make([]uint64, n)
		for i, f := range v.F32 {
			if f != f {
				f = value.NullFloat32
			} else if f == 0 {
				f = 0 // -0 == +0
			}
			k[i] = uint64(orderedBits32(math.Float32bits(f)))
		}
		return arraySpec(reduce(k))
	case value.StFloat64:
		k := make([]uint64, n)
		for i, f := range v.F64 {
			if f != f {
				f = value.NullFloat64
			} else if f == 0 {
				f = 0
			}
			k[i] = orderedBits64(math.Float64bits(f))
		}
		return arraySpec(reduce(k))
	case value.StString:
		return arraySpec(rankKeys(v.Strings(), strings.Compare))
	case value.StBytes16:
		signed := v.T == value.Decimal128 || v.T == value.Int128
		return arraySpec(rankKeys(v.B16, func(a, b [16]byte) int { return cmp16(a, b, signed) }))
	}
	return arraySpec(make([]uint64, n), 0)
}

// shiftIn shifts x left by w bits (to 0 when w is 64) and ors in k.
func shiftIn(x uint64, w int, k uint64) uint64 { return x<<w | k }

func arraySpec(k []uint64, width int) keySpec {
	return keySpec{
		width: width,
		fill: func(dst []uint64, lo int) {
			for i, x := range k[lo : lo+len(dst)] {
				dst[i] = shiftIn(dst[i], width, x)
			}
		},
		sorted: func() bool { return slices.IsSorted(k) },
	}
}

func intSpec[T int8 | int16 | int32 | int64](s []T) keySpec {
	if len(s) == 0 {
		return arraySpec(nil, 0)
	}
	lo, hi := s[0], s[0]
	for _, x := range s {
		lo = min(lo, x)
		hi = max(hi, x)
	}
	base := uint64(int64(lo))
	width := bits.Len64(uint64(int64(hi)) - base)
	return keySpec{
		width: width,
		fill: func(dst []uint64, lo int) {
			for i, x := range s[lo : lo+len(dst)] {
				dst[i] = shiftIn(dst[i], width, uint64(int64(x))-base)
			}
		},
		sorted: func() bool { return slices.IsSorted(s) }, // NULL sentinels are the minimum
	}
}

// symSpec keys symbol ids by the rank of their text.
func symSpec(ids []int32, sym func(int32) string, nsym int) keySpec {
	var distinct []int32
	var dense []int32 // id -> local index (later: rank); -1 if absent
	var sparse map[int32]int32
	if nsym <= 4*len(ids)+4096 {
		dense = make([]int32, nsym)
		for i := range dense {
			dense[i] = -1
		}
		for _, id := range ids {
			if dense[id] < 0 {
				dense[id] = int32(len(distinct))
				distinct = append(distinct, id)
			}
		}
	} else {
		sparse = make(map[int32]int32)
		for _, id := range ids {
			if _, ok := sparse[id]; !ok {
				sparse[id] = int32(len(distinct))
				distinct = append(distinct, id)
			}
		}
	}
	rank, width := ranks(len(distinct), func(a, b uint32) int {
		return strings.Compare(sym(distinct[a]), sym(distinct[b]))
	})
	var key func(id int32) uint64
	if dense != nil {
		for _, id := range distinct {
			dense[id] = int32(rank[dense[id]])
		}
		key = func(id int32) uint64 { return uint64(dense[id]) }
	} else {
		for id, l := range sparse {
			sparse[id] = int32(rank[l])
		}
		key = func(id int32) uint64 { return uint64(sparse[id]) }
	}
	return keySpec{
		width: width,
		fill: func(dst []uint64, lo int) {
			ids := ids[lo : lo+len(dst)]
			if dense != nil {
				for i, id := range ids {
					dst[i] = shiftIn(dst[i], width, uint64(dense[id]))
				}
				return
			}
			for i, id := range ids {
				dst[i] = shiftIn(dst[i], width, key(id))
			}
		},
		sorted: func() bool {
			for i := 1; i < len(ids); i++ {
				if key(ids[i-1]) > key(ids[i]) {
					return false
				}
			}
			return true
		},
	}
}

func orderedBits32(u uint32) uint32 {
	if u>>31 != 0 {
		return ^u
	}
	return u | 1<<31
}

func orderedBits64(u uint64) uint64 {
	if u>>63 != 0 {
		return ^u
	}
	return u | 1<<63
}

// cmp16 compares two 128-bit little-endian values.
func cmp16(a, b [16]byte, signed bool) int {
	for i := 15; i >= 0; i-- {
		x, y := int(a[i]), int(b[i])
		if i == 15 && signed {
			x, y = int(int8(a[i])), int(int8(b[i]))
		}
		if x != y {
			return cmp.Compare(x, y)
		}
	}
	return 0
}

// reduce subtracts the minimum from order-preserving keys.
func reduce(k []uint64) ([]uint64, int) {
	if len(k) == 0 {
		return k, 0
	}
	lo, hi := k[0], k[0]
	for _, x := range k {
		lo = min(lo, x)
		hi = max(hi, x)
	}
	for i := range k {
		k[i] -= lo
	}
	return k, bits.Len64(hi - lo)
}

// rankKeys maps each value to the rank of its distinct value.
func rankKeys[T comparable](s []T, compare func(a, b T) int) ([]uint64, int) {
	idx := make(map[T]uint32)
	var distinct []T
	k := make([]uint64, len(s))
	for i, x := range s {
		id, ok := idx[x]
		if !ok {
			id = uint32(len(distinct))
			idx[x] = id
			distinct = append(distinct, x)
		}
		k[i] = uint64(id)
	}
	rank, width := ranks(len(distinct), func(a, b uint32) int { return compare(distinct[a], distinct[b]) })
	for i, x := range k {
		k[i] = rank[x]
	}
	return k, width
}

// ranks returns the rank of each of nd local ids under compare (equal
// values share a rank) and the bits the largest rank needs.
func ranks(nd int, compare func(a, b uint32) int) ([]uint64, int) {
	order := make([]uint32, nd)
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, compare)
	rank := make([]uint64, nd)
	r := uint64(0)
	for i, id := range order {
		if i > 0 && compare(order[i-1], id) != 0 {
			r++
		}
		rank[id] = r
	}
	return rank, bits.Len64(r)
}

// order is the outcome of sortRows: either perm (output row i is input
// row perm[i]; rows may be dropped), or inv (input row j goes to output row
// inv[j]; all rows kept), or neither (the input order is already right).
type order struct {
	perm []int32
	inv  []int32
}

func (o order) identity() bool { return o.perm == nil && o.inv == nil }

// rows is the number of output rows for n input rows.
func (o order) rows(n int) int {
	if o.perm != nil {
		return len(o.perm)
	}
	return n
}

// permutation returns the order as a perm (nil for the identity).
func (o order) permutation() []int32 {
	if o.inv == nil {
		return o.perm
	}
	perm := make([]int32, len(o.inv))
	for j, i := range o.inv {
		perm[i] = int32(j)
	}
	return perm
}

// sortRows returns the row order that sorts n rows stably by cols and
// applies keep to runs of equal keys.
func sortRows(cols []sortCol, n int, keep KeepPolicy) order {
	if n <= 1 || len(cols) == 0 {
		return order{}
	}
	specs := make([]keySpec, len(cols))
	total := 0
	for i, c := range cols {
		specs[i] = c.spec(n)
		total += specs[i].width
	}
	if len(specs) == 1 && keep == KeepAll && specs[0].sorted() {
		return order{} // one append's blocks read back in order
	}
	idxBits := bits.Len(uint(n - 1))
	if total+idxBits <= 64 {
		return sortPacked(specs, total, n, idxBits, keep)
	}
	keys := make([][]uint64, len(cols))
	for i, sp := range specs {
		keys[i] = make([]uint64, n)
		sp.fill(keys[i], 0)
	}
	return order{perm: sortMulti(keys, n, keep)}
}

// sortPacked packs every row's keys and index into one uint64 and radix
// sorts those words.
func sortPacked(specs []keySpec, total, n, idxBits int, keep KeepPolicy) order {
	if keep == KeepAll && packedSorted(specs, n) {
		return order{} // a chunk written by one append reads back in order
	}
	w := make([]uint64, n)
	for _, sp := range specs {
		sp.fill(w, 0)
	}
	sorted := keep != KeepAll && slices.IsSorted(w)
	// When the last sort column is already ascending (typically the time
	// column of data arriving in time order), a stable sort by the other
	// columns alone is enough.
	lo := 0
	if last := specs[len(specs)-1]; !sorted && len(specs) > 1 && last.sorted() {
		lo = last.width
	}
	if !sorted && keep == KeepAll && wordsort.Counting(total-lo, n) {
		// One stable counting pass in input order yields every row's
		// destination; applying it is a scatter into few sequential
		// streams, far kinder to caches than a random gather.
		return order{inv: wordsort.CountingInv(w, lo, total-lo)}
	}
	lo += idxBits
	for i := range w {
		w[i] = w[i]<<idxBits | uint64(i)
	}
	if !sorted {
		// A chunk written by a few appends is a few ascending runs: merging
		// them takes fewer passes than the radix sort's digits.
		if starts := wordsort.RunStarts(w, wordsort.MaxMergeRuns(idxBits+total-lo)); starts != nil {
			wordsort.MergeRuns(w, starts)
		} else {
			wordsort.Radix(w, lo, idxBits+total)
		}
	}
	mask := uint64(1)<<idxBits - 1
	if keep == KeepAll {
		perm := make([]int32, n)
		for i, x := range w {
			perm[i] = int32(x & mask)
		}
		return order{perm: perm}
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
		return order{}
	}
	return order{perm: perm}
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

// sortMulti is the general path: a stable comparison sort of row indexes
// over per-column keys.
func sortMulti(keys [][]uint64, n int, keep KeepPolicy) []int32 {
	compare := func(a, b int32) int {
		for _, k := range keys {
			if c := cmp.Compare(k[a], k[b]); c != 0 {
				return c
			}
		}
		return 0
	}
	perm := make([]int32, n)
	sorted := true
	for i := range perm {
		perm[i] = int32(i)
		if i > 0 && sorted && compare(int32(i-1), int32(i)) > 0 {
			sorted = false
		}
	}
	if !sorted {
		slices.SortStableFunc(perm, compare)
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
			dup = i > 0 && compare(perm[i-1], r) == 0
		} else {
			dup = i+1 < n && compare(perm[i+1], r) == 0
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

// gatherVec returns the rows of v at perm.
func gatherVec(v *value.Vector, perm []int32) *value.Vector {
	if v.T.IsArray() || v.T.Storage() == value.StPair2F64 || v.T.Storage() == value.StAny {
		idx := make([]int, len(perm))
		for i, p := range perm {
			idx[i] = int(p)
		}
		return v.Gather(idx)
	}
	return v.Reorder(&value.Vector{}, perm, nil)
}

// constant reports whether all elements of a plain vector are equal.
func constant(v *value.Vector) bool {
	if v.T.IsArray() {
		return false
	}
	switch v.T.Storage() {
	case value.StString:
		return allEqual(v.Strings())
	case value.StFloat32, value.StFloat64, value.StPair2F64:
		return false // -0/+0 and NaN make bitwise and == equality differ
	}
	b, w := v.FixedBytes()
	if w == 0 {
		return false
	}
	// w-byte elements are all equal when the bytes repeat with period w.
	return len(b) <= w || bytes.Equal(b[w:], b[:len(b)-w])
}

func allEqual[T comparable](s []T) bool {
	for _, x := range s {
		if x != s[0] {
			return false
		}
	}
	return true
}

// scatterVec returns the rows of v moved to the positions inv gives.
func scatterVec(v *value.Vector, inv []int32) *value.Vector {
	out := (&encoder{}).reordered(v, order{inv: inv})
	return out.Clone()
}

// reorderInto puts the rows of s in order o into dst (reusing its memory).
func reorderInto[T any](dst, s []T, o order) []T {
	switch {
	case o.perm != nil:
		return gatherInto(dst[:0], s, o.perm)
	case o.inv != nil:
		dst, _ = extend(dst[:0], len(s))
		for j, i := range o.inv {
			dst[i] = s[j]
		}
		return dst
	}
	return append(dst[:0], s...)
}

// gatherInto appends the elements of s at perm to dst.
func gatherInto[T any](dst, s []T, perm []int32) []T {
	dst, tail := extend(dst, len(perm))
	for i, p := range perm {
		tail[i] = s[p]
	}
	return dst
}
