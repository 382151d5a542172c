package distinct

// table numbers distinct 64-bit words by open addressing with linear
// probing: slots hold a word's code + 1 (0 while empty), words its word
// by code. It doubles when half full, so probes stay short.
type table struct {
	slots []int32
	words []uint64
	shift uint // 64 - log2(len(slots)): a hash's top bits pick the slot
}

// newTable sizes a table for about hint distinct words, small at first:
// most columns repeat values, and a small table stays in cache.
func newTable(hint int) *table {
	size, shift := 1024, uint(64-10)
	for size < 2*hint && size < 1<<16 {
		size, shift = size*2, shift-1
	}
	return &table{slots: make([]int32, size), shift: shift}
}

// hash spreads a word by Fibonacci hashing: the multiply mixes every bit
// into the top ones the shift keeps.
func (t *table) hash(w uint64) uint64 { return (w * 0x9E3779B97F4A7C15) >> t.shift }

// add codes a block of words: codes[i] is the code of words[i]; a new
// word's first row (base + i) is appended to first, which is returned.
func (t *table) add(ws []uint64, codes []int32, base int, first []int) []int {
	mask := uint64(len(t.slots) - 1)
	for i, w := range ws {
		h := t.hash(w)
		for {
			s := t.slots[h]
			if s == 0 {
				t.words = append(t.words, w)
				t.slots[h] = int32(len(t.words))
				codes[i] = int32(len(t.words) - 1)
				first = append(first, base+i)
				if 2*len(t.words) > len(t.slots) {
					t.grow()
					mask = uint64(len(t.slots) - 1)
				}
				break
			}
			if t.words[s-1] == w {
				codes[i] = s - 1
				break
			}
			h = (h + 1) & mask
		}
	}
	return first
}

// find is the code of w, -1 when the table doesn't hold it.
func (t *table) find(w uint64) int32 {
	mask := uint64(len(t.slots) - 1)
	for h := t.hash(w); ; h = (h + 1) & mask {
		s := t.slots[h]
		if s == 0 {
			return -1
		}
		if t.words[s-1] == w {
			return s - 1
		}
	}
}

// grow doubles the slots and places the words again, in code order.
func (t *table) grow() {
	t.slots = make([]int32, 2*len(t.slots))
	t.shift--
	mask := uint64(len(t.slots) - 1)
	for c, w := range t.words {
		h := t.hash(w)
		for t.slots[h] != 0 {
			h = (h + 1) & mask
		}
		t.slots[h] = int32(c + 1)
	}
}
