package storage

import (
	"cmp"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strings"

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

// keys returns order-preserving keys of the column's n values, reduced to
// the value range, and the number of significant bits.
func (c sortCol) keys(n int) ([]uint64, int) {
	if c.v == nil {
		return symKeys(c.ids, c.sym, c.nsym)
	}
	v := c.v
	switch v.T.Storage() {
	case value.StInt8:
		return intKeys(v.I8)
	case value.StInt16:
		return intKeys(v.I16)
	case value.StInt32:
		return intKeys(v.I32)
	case value.StInt64:
		return intKeys(v.I64)
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
		return reduce(k)
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
		return reduce(k)
	case value.StString:
		return rankKeys(v.Str, strings.Compare)
	case value.StBytes16:
		signed := v.T == value.Decimal128 || v.T == value.Int128
		return rankKeys(v.B16, func(a, b [16]byte) int { return cmp16(a, b, signed) })
	}
	return make([]uint64, n), 0
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

func intKeys[T int8 | int16 | int32 | int64](s []T) ([]uint64, int) {
	if len(s) == 0 {
		return nil, 0
	}
	lo, hi := s[0], s[0]
	for _, x := range s {
		lo = min(lo, x)
		hi = max(hi, x)
	}
	k := make([]uint64, len(s))
	base := uint64(int64(lo))
	for i, x := range s {
		k[i] = uint64(int64(x)) - base
	}
	return k, bits.Len64(uint64(int64(hi)) - base)
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
	return applyRanks(k, len(distinct), func(a, b uint32) int { return compare(distinct[a], distinct[b]) })
}

// symKeys ranks symbol ids by their text.
func symKeys(ids []int32, sym func(int32) string, nsym int) ([]uint64, int) {
	k := make([]uint64, len(ids))
	var distinct []int32
	if nsym <= 4*len(ids)+4096 {
		local := make([]int32, nsym)
		for i := range local {
			local[i] = -1
		}
		for i, id := range ids {
			l := local[id]
			if l < 0 {
				l = int32(len(distinct))
				local[id] = l
				distinct = append(distinct, id)
			}
			k[i] = uint64(l)
		}
	} else {
		local := make(map[int32]int32)
		for i, id := range ids {
			l, ok := local[id]
			if !ok {
				l = int32(len(distinct))
				local[id] = l
				distinct = append(distinct, id)
			}
			k[i] = uint64(l)
		}
	}
	return applyRanks(k, len(distinct), func(a, b uint32) int {
		return strings.Compare(sym(distinct[a]), sym(distinct[b]))
	})
}

// applyRanks replaces local ids (0..nd-1) in k by their rank under compare.
func applyRanks(k []uint64, nd int, compare func(a, b uint32) int) ([]uint64, int) {
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
	for i, x := range k {
		k[i] = rank[x]
	}
	return k, bits.Len64(r)
}

// sortRows returns the row order that sorts n rows stably by cols and
// applies keep to runs of equal keys, or nil when that is the identity.
func sortRows(cols []sortCol, n int, keep KeepPolicy) []int32 {
	if n <= 1 || len(cols) == 0 {
		return nil
	}
	keys := make([][]uint64, len(cols))
	total := 0
	widths := make([]int, len(cols))
	for i, c := range cols {
		keys[i], widths[i] = c.keys(n)
		total += widths[i]
	}
	idxBits := bits.Len(uint(n - 1))
	if total+idxBits <= 64 {
		return sortPacked(keys, widths, n, idxBits, keep)
	}
	return sortMulti(keys, n, keep)
}

// sortPacked packs every row's keys and index into one uint64 and radix
// sorts those words.
func sortPacked(keys [][]uint64, widths []int, n, idxBits int, keep KeepPolicy) []int32 {
	w := keys[0] // reused in place
	for c := 1; c < len(keys); c++ {
		sh := widths[c]
		for i, x := range keys[c] {
			w[i] = w[i]<<sh | x
		}
	}
	sorted := true
	for i := 1; i < n && sorted; i++ {
		sorted = w[i-1] <= w[i]
	}
	total := 0
	for _, x := range widths {
		total += x
	}
	// When the last sort column is already ascending (typically the time
	// column of data arriving in time order), a stable sort by the other
	// columns alone is enough.
	lo := idxBits
	if last := keys[len(keys)-1]; !sorted && len(keys) > 1 && slices.IsSorted(last) {
		lo += widths[len(widths)-1]
	}
	for i := range w {
		w[i] = w[i]<<idxBits | uint64(i)
	}
	if !sorted {
		radixSort(w, lo, idxBits+total)
	}
	mask := uint64(1)<<idxBits - 1
	if keep == KeepAll {
		if sorted {
			return nil
		}
		perm := make([]int32, n)
		for i, x := range w {
			perm[i] = int32(x & mask)
		}
		return perm
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
		return nil
	}
	return perm
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

// radixSort sorts a stably by bits [lo, hi) (LSD, 11-bit digits).
func radixSort(a []uint64, lo, hi int) {
	const d = 11
	const buckets = 1 << d
	passes := (hi - lo + d - 1) / d
	if passes == 0 {
		return
	}
	step := (hi - lo + passes - 1) / passes // spread bits evenly
	buf := make([]uint64, len(a))
	src, dst := a, buf
	var cnt [buckets]int
	for shift := lo; shift < hi; shift += step {
		m := uint64(1)<<min(step, hi-shift) - 1
		clear(cnt[:])
		for _, x := range src {
			cnt[(x>>shift)&m]++
		}
		if cnt[(src[0]>>shift)&m] == len(src) {
			continue
		}
		sum := 0
		for i, c := range cnt {
			cnt[i] = sum
			sum += c
		}
		for _, x := range src {
			b := (x >> shift) & m
			dst[cnt[b]] = x
			cnt[b]++
		}
		src, dst = dst, src
	}
	if &src[0] != &a[0] {
		copy(a, src)
	}
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
	out := &value.Vector{T: v.T, Scale: v.Scale}
	switch v.T.Storage() {
	case value.StInt8:
		out.I8 = gather(v.I8, perm)
	case value.StInt16:
		out.I16 = gather(v.I16, perm)
	case value.StInt32:
		out.I32 = gather(v.I32, perm)
	case value.StInt64:
		out.I64 = gather(v.I64, perm)
	case value.StFloat32:
		out.F32 = gather(v.F32, perm)
	case value.StFloat64:
		out.F64 = gather(v.F64, perm)
	case value.StString:
		out.Str = gather(v.Str, perm)
	case value.StBytes16:
		out.B16 = gather(v.B16, perm)
	}
	return out
}

// gatherInto appends the elements of s at perm to dst.
func gatherInto[T any](dst, s []T, perm []int32) []T {
	dst, tail := extend(dst, len(perm))
	for i, p := range perm {
		tail[i] = s[p]
	}
	return dst
}

func gather[T any](s []T, perm []int32) []T {
	out := make([]T, len(perm))
	for i, p := range perm {
		out[i] = s[p]
	}
	return out
}
