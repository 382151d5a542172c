package rowsort

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"

	"github.com/porpoisedb/porpoise/distinct"
	"github.com/porpoisedb/porpoise/value"
)

// Nulls says where a key's NULLs go.
type Nulls uint8

const (
	// NullsLow orders NULL as DolphinDB does by default, as the smallest
	// value: first ascending, last descending (a FLOAT or DOUBLE -inf still
	// sorts below it, as in DolphinDB).
	NullsLow Nulls = iota
	// NullsFirst puts NULLs first whatever the direction (nulls first).
	NullsFirst
	// NullsLast puts NULLs last whatever the direction (nulls last).
	NullsLast
)

// Key is one sort key: a column, its direction and the place of its NULLs.
type Key struct {
	v     *value.Vector
	desc  bool
	nulls Nulls

	// SYMBOL ids and the text of an id (ids < nsym), when v is nil.
	ids  []int32
	sym  func(int32) string
	nsym int
}

// Column returns the key ordering rows by the elements of v, descending
// when desc, NULLs placed by nulls.
func Column(v *value.Vector, desc bool, nulls Nulls) Key {
	return Key{v: v, desc: desc, nulls: nulls}
}

// SymbolIDs returns the ascending key of SYMBOL ids ordered by their
// texts, text(id) being the text of id < n (id 0, "", is NULL).
func SymbolIDs(ids []int32, text func(int32) string, n int) Key {
	return Key{ids: ids, sym: text, nsym: n}
}

// keySpec describes one key's order-preserving integer words, reduced to
// the key's value range: width significant bits; fill shifts each dst
// word left by width and ors in the word of row lo+i into dst[i]; sorted
// reports whether the words are already non-decreasing in row order.
type keySpec struct {
	width  int
	fill   func(dst []uint64, lo int)
	sorted func() bool
}

// spec prepares the words of the key's n rows.
func (k Key) spec(n int) keySpec {
	if k.v == nil {
		return symSpec(k.ids, k.sym, k.nsym)
	}
	v := k.v
	switch {
	case v.T == value.Void:
		return arraySpec(make([]uint64, n), 0) // all NULL
	case v.T.IsArray():
		return rankedByCompare(v, n).spec(k.desc, k.nulls)
	}
	var nk natural
	switch v.T.Storage() {
	case value.StInt8:
		return intKey(v.I8, value.NullInt8, k)
	case value.StInt16:
		return intKey(v.I16, value.NullInt16, k)
	case value.StInt32:
		return intKey(v.I32, value.NullInt32, k)
	case value.StInt64:
		return intKey(v.I64, value.NullInt64, k)
	case value.StFloat32:
		nk = floatNatural(v.F32, value.NullFloat32, bits32)
	case value.StFloat64:
		nk = floatNatural(v.F64, value.NullFloat64, bits64)
	case value.StString:
		if v.Syms != nil {
			nk = codedNatural(v, n)
		} else {
			r, _ := rankKeys(v.Str, strings.Compare)
			nk = withNullRow(r, slices.Index(v.Str, ""))
		}
	case value.StBytes16:
		signed := v.T == value.Decimal128
		r, _ := rankKeys(v.B16, func(a, b [16]byte) int { return cmp16(a, b, signed) })
		nk = withNullRow(r, slices.Index(v.B16, value.NullBytes16(v.T)))
	default:
		nk = rankedByCompare(v, n)
	}
	return nk.spec(k.desc, k.nulls)
}

// intKey is the key of integers, whose NULL sentinel null is their
// minimum: ascending with NULLs low, the values order as they are and
// their words need no array.
func intKey[T int8 | int16 | int32 | int64](s []T, null T, k Key) keySpec {
	if !k.desc && k.nulls == NullsLow {
		return intSpec(s)
	}
	nk := natural{k: make([]uint64, len(s)), null: uint64(int64(null)) ^ 1<<63}
	for i, x := range s {
		nk.k[i] = uint64(int64(x)) ^ 1<<63 // the same order, unsigned
		nk.hasNull = nk.hasNull || x == null
	}
	return nk.spec(k.desc, k.nulls)
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

// natural is a column's order-preserving words before direction and NULL
// placement. NULL rows hold null (when hasNull), the smallest word unless
// belowNull: a FLOAT or DOUBLE -inf sorts below NULL.
type natural struct {
	k         []uint64
	null      uint64
	hasNull   bool
	belowNull bool
}

// floatNatural orders floating values by their bits (bits maps them to
// order-preserving words): NaN is NULL and -0 equals 0.
func floatNatural[F float32 | float64](s []F, null F, bits func(F) uint64) natural {
	nk := natural{k: make([]uint64, len(s)), null: bits(null)}
	for i, f := range s {
		switch {
		case f != f || f == null:
			f = null
			nk.hasNull = true
		case f == 0:
			f = 0 // -0 == +0
		case f < null:
			nk.belowNull = true
		}
		nk.k[i] = bits(f)
	}
	return nk
}

func bits32(f float32) uint64 { return uint64(orderedBits32(math.Float32bits(f))) }

func bits64(f float64) uint64 { return orderedBits64(math.Float64bits(f)) }

// withNullRow is the natural words k whose NULL word is that of row r
// (none when r < 0).
func withNullRow(k []uint64, r int) natural {
	if r < 0 {
		return natural{k: k}
	}
	return natural{k: k, null: k[r], hasNull: true}
}

// codedNatural ranks a coded SYMBOL or STRING vector's codes by their
// texts: the base's ranks when it is compact, else the ranks of the
// codes present.
func codedNatural(v *value.Vector, n int) natural {
	k := make([]uint64, n)
	if codes, _, ok := v.CompactSymbolCodes(); ok {
		ranks := v.Syms.Ranks()
		for i, c := range codes {
			k[i] = uint64(ranks[c])
		}
	} else {
		strs := v.Syms.Strs()
		symSpec(v.I32, func(id int32) string { return strs[id] }, len(strs)).fill(k, 0)
	}
	return withNullRow(k, slices.Index(v.I32, 0))
}

// rankedByCompare ranks the rows of a vector without typed words (a
// tuple, an array vector) by value.CompareElems, NULL first.
func rankedByCompare(v *value.Vector, n int) natural {
	k, _ := ranks(n, func(a, b uint32) int {
		if c, ok := value.CompareNulls(v.IsNull(int(a)), v.IsNull(int(b))); ok {
			return c
		}
		return value.CompareElems(v, int(a), int(b))
	})
	for r := range n {
		if v.IsNull(r) {
			return natural{k: k, hasNull: true} // the NULLs have rank 0
		}
	}
	return natural{k: k}
}

// spec turns natural words into the key's: reduced to the range of the
// non-NULL words, flipped when desc, NULLs given the word at their end
// (unless -inf keeps NULL inside the range under NullsLow).
func (nk natural) spec(desc bool, nulls Nulls) keySpec {
	k := nk.k
	apart := nk.hasNull && (nulls != NullsLow || !nk.belowNull)
	nullFirst := nulls == NullsFirst || nulls == NullsLow && !desc
	lo, hi := ^uint64(0), uint64(0)
	for _, x := range k {
		if apart && x == nk.null {
			continue
		}
		lo = min(lo, x)
		hi = max(hi, x)
	}
	if lo > hi { // no rows, or all NULL
		clear(k)
		return arraySpec(k, 0)
	}
	r := hi - lo
	off, nullKey := uint64(0), r+1
	if apart && nullFirst {
		off, nullKey = 1, 0
	}
	for i, x := range k {
		if apart && x == nk.null {
			k[i] = nullKey
			continue
		}
		x -= lo
		if desc {
			x = r - x
		}
		k[i] = x + off
	}
	top := r
	if apart {
		top++
	}
	return arraySpec(k, bits.Len64(top))
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

// cmp16 compares two 128-bit little-endian values (DECIMAL128 signed;
// UUID, IPADDR and INT128 unsigned, as value.Compare orders them).
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

// rankKeys maps each value to the rank of its distinct value.
func rankKeys[T comparable](s []T, compare func(a, b T) int) ([]uint64, int) {
	codes, first := distinct.Comparable(s)
	rank, width := ranks(len(first), func(a, b uint32) int { return compare(s[first[a]], s[first[b]]) })
	k := make([]uint64, len(codes))
	for i, c := range codes {
		k[i] = rank[c]
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
