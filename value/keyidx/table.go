package keyidx

import (
	"hash/maphash"
	"math/bits"
)

// Table numbers distinct keys by open addressing with linear probing:
// slots hold a key's code + 1 (0 while empty), keys its key by code. It
// doubles when half full, so probes stay short.
type Table[K comparable] struct {
	slots []int32
	keys  []K
	shift uint // 64 - log2(len(slots)): a hash's top bits pick the slot
}

// chunk is how many keys are hashed at a time, into a buffer on the stack
// small enough that zeroing it costs a single-key call little.
const chunk = 32

// minSlots is the size of a table for a few keys: a dictionary parsed
// from a small JSON object holds three, and 200,000 of them at the 1024
// slots tables once started with took 1 GB.
const minSlots = 8

// newTable sizes a table for about hint distinct keys (at most 1<<15 of
// them: most columns repeat values, and a small table stays in cache),
// to double as keys come.
func newTable[K comparable](hint int) *Table[K] {
	size, shift := slotsFor(hint, 1<<16)
	t := &Table[K]{slots: make([]int32, size), shift: shift}
	if size == minSlots {
		// room for every key the table takes before it grows: one
		// allocation, not one per doubling of a few keys
		t.keys = make([]K, 0, minSlots/2)
	}
	return t
}

// slotsFor is the number of slots, a power of two from minSlots up to
// limit, that holds hint keys at most half full, and its shift.
func slotsFor(hint, limit int) (int, uint) {
	size, shift := minSlots, uint(64-bits.TrailingZeros(minSlots))
	for size < 2*hint && size < limit {
		size, shift = size*2, shift-1
	}
	return size, shift
}

// NewWords returns a table of 64-bit words for about hint of them.
func NewWords(hint int) *Table[uint64] { return newTable[uint64](hint) }

// NewWide returns a table of 16-byte values for about hint of them.
func NewWide(hint int) *Table[[16]byte] { return newTable[[16]byte](hint) }

// NewStrings returns a table of strings for about hint of them.
func NewStrings(hint int) *Table[string] { return newTable[string](hint) }

// hash writes the 64-bit hashes of a run of keys, one call per chunk. A
// type switch rather than a function value: the buffers passed to a
// function value escape to the heap, one allocation per call.
func hash[K comparable](ks []K, hs []uint64) {
	switch ks := any(ks).(type) {
	case []uint64:
		hashWords(ks, hs)
	case [][16]byte:
		hashWide(ks, hs)
	case []string:
		hashStrings(ks, hs)
	}
}

// hashWords is Fibonacci hashing: the multiply mixes every bit into the
// top ones a table's shift keeps.
func hashWords(ws []uint64, hs []uint64) {
	for i, w := range ws {
		hs[i] = w * 0x9E3779B97F4A7C15
	}
}

// hashCodes hashes symbol codes as hashWords does their words.
func hashCodes(cs []int32, hs []uint64) {
	for i, c := range cs {
		hs[i] = uint64(uint32(c)) * 0x9E3779B97F4A7C15
	}
}

func hashWide(ks [][16]byte, hs []uint64) {
	for i := range ks {
		k := &ks[i]
		lo := uint64(k[0]) | uint64(k[1])<<8 | uint64(k[2])<<16 | uint64(k[3])<<24 | uint64(k[4])<<32 | uint64(k[5])<<40 | uint64(k[6])<<48 | uint64(k[7])<<56
		hi := uint64(k[8]) | uint64(k[9])<<8 | uint64(k[10])<<16 | uint64(k[11])<<24 | uint64(k[12])<<32 | uint64(k[13])<<40 | uint64(k[14])<<48 | uint64(k[15])<<56
		hs[i] = (lo ^ bits.RotateLeft64(hi*0xC2B2AE3D27D4EB4F, 31)) * 0x9E3779B97F4A7C15
	}
}

// seed is the process's string hash seed.
var seed = maphash.MakeSeed()

func hashStrings(ss []string, hs []uint64) {
	for i, s := range ss {
		hs[i] = maphash.String(seed, s)
	}
}

// Len is the number of distinct keys.
func (t *Table[K]) Len() int { return len(t.keys) }

// Add codes keys: codes[i] is the code of ks[i] (codes may be nil when
// the caller needs only the new keys); a new key's row (base + i) is
// appended to first, which is returned.
func (t *Table[K]) Add(ks []K, codes []int32, base int, first []int) []int {
	var hs [chunk]uint64
	for lo := 0; lo < len(ks); lo += chunk {
		part := ks[lo:min(lo+chunk, len(ks))]
		hash(part, hs[:len(part)])
		mask := uint64(len(t.slots) - 1)
		for i, k := range part {
			h := hs[i] >> t.shift
			var c int32
			for {
				s := t.slots[h]
				if s == 0 {
					t.keys = append(t.keys, k)
					c = int32(len(t.keys) - 1)
					t.slots[h] = c + 1
					first = append(first, base+lo+i)
					if 2*len(t.keys) > len(t.slots) {
						t.grow()
						mask = uint64(len(t.slots) - 1)
					}
					break
				}
				if t.keys[s-1] == k {
					c = s - 1
					break
				}
				h = (h + 1) & mask
			}
			if codes != nil {
				codes[lo+i] = c
			}
		}
	}
	return first
}

// Find writes the code of each key of ks to codes, -1 for a key the
// table doesn't hold.
func (t *Table[K]) Find(ks []K, codes []int32) {
	var hs [chunk]uint64
	var first [chunk]int32
	mask := uint64(len(t.slots) - 1)
	for lo := 0; lo < len(ks); lo += chunk {
		part := ks[lo:min(lo+chunk, len(ks))]
		hash(part, hs[:len(part)])
		// every key's first slot, then every key compared: the loads of
		// a chunk are independent, so their cache misses overlap instead
		// of following one another key by key
		for i := range part {
			first[i] = t.slots[hs[i]>>t.shift]
		}
		for i, k := range part {
			c := int32(-1)
			for h, s := hs[i]>>t.shift, first[i]; s != 0; s = t.slots[h] {
				if t.keys[s-1] == k {
					c = s - 1
					break
				}
				h = (h + 1) & mask
			}
			codes[lo+i] = c
		}
	}
}

// grow doubles the slots and places the keys again, in code order.
func (t *Table[K]) grow() {
	t.slots = make([]int32, 2*len(t.slots))
	t.shift--
	mask := uint64(len(t.slots) - 1)
	var hs [chunk]uint64
	for lo := 0; lo < len(t.keys); lo += chunk {
		part := t.keys[lo:min(lo+chunk, len(t.keys))]
		hash(part, hs[:len(part)])
		for i := range part {
			h := hs[i] >> t.shift
			for t.slots[h] != 0 {
				h = (h + 1) & mask
			}
			t.slots[h] = int32(lo + i + 1)
		}
	}
}

// clone is a copy of t that shares no storage with it.
func (t *Table[K]) clone() *Table[K] {
	c := *t
	c.slots = append([]int32(nil), t.slots...)
	c.keys = append([]K(nil), t.keys...)
	return &c
}
