package keyidx

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"sync"
	"unsafe"
)

// Rows is the unique index of a keyed or indexed table: each distinct
// key, a value of every key column, to the row that holds it. Keys are
// hashed from their columns' typed values together and compared column
// by column, as Index compares one column's (floating keys by their
// bits, symbols by text); each key column's keys are kept in a store of
// the index's own, so the table's columns may grow and move under it.
// A text column given a home base (Home) keeps its keys as codes into
// it: those of rows coded in that base are hashed and compared as
// integers, those of other bases through the home's translation of
// their base (Symbols.CodesOf), which a value.SymbolBase keeps, so keys
// coming again from a base already met are not looked up again.
// Concurrent calls of Find are safe; the others need the caller's lock.
type Rows struct {
	parts  []store  // one per key column
	hashes []uint64 // by code: a key's hash, so growing hashes nothing
	rows   []int32  // by code: the row holding the key
	slots  []int32  // code + 1, 0 while empty
	shift  uint     // 64 - log2(len(slots))
}

// store is one key column's keys by code, in the field its class names.
type store struct {
	class class
	words []uint64
	wide  [][16]byte
	text  []string
	// home, when set, is the base a text column's keys are codes into,
	// kept in codes instead of text.
	home  Symbols
	codes []int32
}

// NewRows returns an empty index over key columns of the given kinds,
// sized for about hint keys.
func NewRows(kinds []Kind, hint int) *Rows {
	x := &Rows{parts: make([]store, len(kinds))}
	for i, k := range kinds {
		x.parts[i].class = (&Column{Kind: k}).class()
	}
	size, shift := slotsFor(hint, 1<<30)
	x.slots, x.shift = make([]int32, size), shift
	return x
}

// Len is the number of keys.
func (x *Rows) Len() int { return len(x.rows) }

// probe is a chunk of keys of one column in the form of its store.
type probe struct {
	words [chunk]uint64
	wide  [chunk][16]byte
	text  [chunk]string
	codes [chunk]int32 // a homed text column's: -1 for a text home lacks
}

// scratch is a call's chunk buffers: a probe per key column and the
// chunk's hashes, reused across calls, so a single-key call (a lookup per
// row) allocates nothing.
type scratch struct {
	ps []probe
	hs [chunk]uint64
	// symHashes is, by key column, the hash of each symbol of a compact
	// coded column's base (nil for other columns): a symbol repeated over
	// many rows is hashed once, not once a row.
	symHashes [][]uint64
	// trans is, by key column, the codes in its home of a column of
	// another base than its home's or of strings (nil for other columns).
	trans []*translation
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

func getScratch(n int) *scratch {
	s := scratches.Get().(*scratch)
	if len(s.ps) < n {
		s.ps, s.symHashes, s.trans = make([]probe, n), make([][]uint64, n), make([]*translation, n)
	}
	return s
}

func putScratch(s *scratch) {
	for i := range s.ps {
		clear(s.ps[i].text[:]) // hold no caller's strings
	}
	clear(s.symHashes)
	clear(s.trans)
	scratches.Put(s)
}

// matches reports whether cols can hold keys of the index: one column
// per key column, each of its class.
func (x *Rows) matches(cols []Column) bool {
	if len(cols) != len(x.parts) {
		return false
	}
	for i := range cols {
		if cols[i].class() != x.parts[i].class {
			return false
		}
	}
	return true
}

// load fills the scratch's probes with keys at..at+n-1 of cols and
// writes their hashes.
func (x *Rows) load(cols []Column, at, n int, s *scratch) {
	var one [chunk]uint64
	hs := s.hs[:n]
	for p := range cols {
		c, b, st := &cols[p], &s.ps[p], &x.parts[p]
		h := hs
		if p > 0 {
			h = one[:n]
		}
		switch st.class {
		case words1, words2, words4, words8:
			c.FillWords(b.words[:n], at)
		case wide:
			c.fillWide(b.wide[:n], at)
		default:
			if st.home != nil {
				loadCodes(c, at, b.codes[:n], s.trans[p])
			} else {
				c.fillText(b.text[:n], at)
			}
		}
		if memo := s.symHashes[p]; memo != nil {
			for i, code := range c.Codes[at : at+n] {
				h[i] = memo[code]
			}
		} else {
			st.hash(b, h)
		}
		if p > 0 {
			for i := range h {
				hs[i] = mix(hs[i], h[i])
			}
		}
	}
}

// mix folds the hash k of a key's next column into h, the hash of the
// columns before it.
func mix(h, k uint64) uint64 { return (bits.RotateLeft64(h, 29) ^ k) * 0x9E3779B97F4A7C15 }

// hash writes the hashes of the first len(h) keys of b, held in s's form.
func (s *store) hash(b *probe, h []uint64) {
	switch s.class {
	case words1, words2, words4, words8:
		hashWords(b.words[:len(h)], h)
	case wide:
		hashWide(b.wide[:len(h)], h)
	default:
		if s.home != nil {
			hashCodes(b.codes[:len(h)], h)
		} else {
			hashStrings(b.text[:len(h)], h)
		}
	}
}

// loadCodes writes to dst the codes in its home of keys at, at+1, ... of
// c: a coded column's own codes when its base is the home (tr nil), else
// those tr translated.
func loadCodes(c *Column, at int, dst []int32, tr *translation) {
	if tr == nil {
		copy(dst, c.Codes[at:])
		return
	}
	copy(dst, tr.rows[at-tr.lo:])
}

// translation is the code in a home base of each key from lo of a column
// of strings or coded in another base.
type translation struct {
	rows []int32
	lo   int
}

// translate looks up in home (adds to it, with add) the key of each row
// lo..hi-1 of c, -1 for a text home lacks: a coded column's through the
// home's translation of its base, each distinct code looked up once (a
// base without identity by its texts); a string column's strings.
func translate(c *Column, lo, hi int, home Symbols, add bool) *translation {
	got := make([]int32, 0, hi-lo)
	switch {
	case c.Kind == Coded && c.Syms != nil:
		got = home.CodesOf(got, c.Codes[lo:hi], c.Syms, add)
	case c.Kind == Coded:
		texts := make([]string, hi-lo)
		for i, code := range c.Codes[lo:hi] {
			texts[i] = c.Base[code]
		}
		got = lookUp(home, got, texts, add)
	default:
		got = lookUp(home, got, c.Str[lo:hi], add)
	}
	return &translation{rows: got, lo: lo}
}

// lookUp appends the codes in home of texts, added to it with add, else
// -1 for those it lacks: one call, so the base's lock is taken once.
func lookUp(home Symbols, dst []int32, texts []string, add bool) []int32 {
	if add {
		return home.InternAll(dst, texts)
	}
	return home.Codes(dst, texts)
}

// equal reports whether the key of code is key i of ps.
func (x *Rows) equal(code int32, ps []probe, i int) bool {
	for p := range x.parts {
		s := &x.parts[p]
		switch s.class {
		case words1, words2, words4, words8:
			if s.words[code] != ps[p].words[i] {
				return false
			}
		case wide:
			if s.wide[code] != ps[p].wide[i] {
				return false
			}
		default:
			if s.home != nil {
				if s.codes[code] != ps[p].codes[i] {
					return false
				}
			} else if s.text[code] != ps[p].text[i] {
				return false
			}
		}
	}
	return true
}

// lookup is the code of key i of ps with hash h, and the slot it is in or
// the empty slot ending its probe (code -1).
func (x *Rows) lookup(ps []probe, i int, h uint64) (code int32, slot uint64) {
	mask := uint64(len(x.slots) - 1)
	for slot = h >> x.shift; ; slot = (slot + 1) & mask {
		s := x.slots[slot]
		if s == 0 {
			return -1, slot
		}
		if x.hashes[s-1] == h && x.equal(s-1, ps, i) {
			return s - 1, slot
		}
	}
}

// insert stores key i of ps, hash h, in the empty slot, at row.
func (x *Rows) insert(ps []probe, i int, h uint64, slot uint64, row int32) {
	for p := range x.parts {
		s := &x.parts[p]
		switch s.class {
		case words1, words2, words4, words8:
			s.words = append(s.words, ps[p].words[i])
		case wide:
			s.wide = append(s.wide, ps[p].wide[i])
		default:
			if s.home != nil {
				s.codes = append(s.codes, ps[p].codes[i])
			} else {
				s.text = append(s.text, ps[p].text[i])
			}
		}
	}
	x.hashes = append(x.hashes, h)
	x.rows = append(x.rows, row)
	x.slots[slot] = int32(len(x.rows))
	if 2*len(x.rows) > len(x.slots) {
		x.grow()
	}
}

// grow doubles the slots and places the keys again by their hashes.
func (x *Rows) grow() {
	x.slots = make([]int32, 2*len(x.slots))
	x.shift--
	x.place()
}

// place puts every key in the empty slots by its hash.
func (x *Rows) place() {
	mask := uint64(len(x.slots) - 1)
	for c, h := range x.hashes {
		s := h >> x.shift
		for x.slots[s] != 0 {
			s = (s + 1) & mask
		}
		x.slots[s] = int32(c + 1)
	}
}

// each runs f on keys lo..hi-1 of cols a chunk at a time, with the
// chunk's keys loaded and hashed. With add, texts a homed column's base
// lacks are added to it, else their code is -1.
func (x *Rows) each(cols []Column, lo, hi int, add bool, f func(ps []probe, at, n int, hs []uint64)) {
	s := getScratch(len(cols))
	defer putScratch(s)
	for p := range cols {
		c, home := &cols[p], x.parts[p].home
		switch {
		case home != nil && (c.Kind == Strings || c.Syms != home):
			s.trans[p] = translate(c, lo, hi, home, add)
		case home == nil && c.compact(hi-lo):
			s.symHashes[p] = make([]uint64, len(c.Base))
			hashStrings(c.Base, s.symHashes[p])
		}
	}
	for at := lo; at < hi; at += chunk {
		n := min(chunk, hi-at)
		x.load(cols, at, n, s)
		f(s.ps, at, n, s.hs[:n])
	}
}

// Find writes to rows the row of each key lo..hi-1 of cols, -1 for a key
// the index doesn't hold (every key of columns of other classes).
func (x *Rows) Find(cols []Column, lo, hi int, rows []int32) {
	if !x.matches(cols) {
		for i := range rows[:hi-lo] {
			rows[i] = -1
		}
		return
	}
	x.each(cols, lo, hi, false, func(ps []probe, at, n int, hs []uint64) {
		for i, h := range hs {
			code, _ := x.lookup(ps, i, h)
			r := int32(-1)
			if code >= 0 {
				r = x.rows[code]
			}
			rows[at-lo+i] = r
		}
	})
}

// mustMatch panics on columns that cannot hold the index's keys: a
// caller's bug, as a table's rows come converted to its column types.
func (x *Rows) mustMatch(cols []Column) {
	if !x.matches(cols) {
		panic(fmt.Sprintf("keyidx: %d key columns of other classes given to an index of %d", len(cols), len(x.parts)))
	}
}

// Add gives each key lo..hi-1 of cols its row, written to rows (which
// may be nil): the row holding it, or for a key new to the index, the
// next of base, base+1, ... in order of first appearance, the position
// of whose first appearance is appended to first, which is returned.
func (x *Rows) Add(cols []Column, lo, hi int, rows []int32, base int, first []int) []int {
	x.mustMatch(cols)
	x.each(cols, lo, hi, true, func(ps []probe, at, n int, hs []uint64) {
		for i, h := range hs {
			code, slot := x.lookup(ps, i, h)
			var r int32
			if code >= 0 {
				r = x.rows[code]
			} else {
				r = int32(base + len(first))
				first = append(first, at+i)
				x.insert(ps, i, h, slot, r)
			}
			if rows != nil {
				rows[at-lo+i] = r
			}
		}
	})
	return first
}

// Put makes key i of cols, for i in lo..hi-1, live at row i: added when
// new, moved to row i when held (a later row of its key).
func (x *Rows) Put(cols []Column, lo, hi int) {
	x.mustMatch(cols)
	x.each(cols, lo, hi, true, func(ps []probe, at, n int, hs []uint64) {
		for i, h := range hs {
			if code, slot := x.lookup(ps, i, h); code >= 0 {
				x.rows[code] = int32(at + i)
			} else {
				x.insert(ps, i, h, slot, int32(at+i))
			}
		}
	})
}

// Drop forgets keys lo..hi-1 of cols (those it holds).
func (x *Rows) Drop(cols []Column, lo, hi int) {
	if !x.matches(cols) {
		return
	}
	x.each(cols, lo, hi, false, func(ps []probe, at, n int, hs []uint64) {
		for i, h := range hs {
			if code, slot := x.lookup(ps, i, h); code >= 0 {
				x.remove(code, slot)
			}
		}
	})
}

// remove deletes code, in slot: the slots after it in its run shift back
// (no tombstones), and the last code takes its number, so codes stay
// dense.
func (x *Rows) remove(code int32, slot uint64) {
	mask := uint64(len(x.slots) - 1)
	i := slot
	for j := (i + 1) & mask; x.slots[j] != 0; j = (j + 1) & mask {
		home := x.hashes[x.slots[j]-1] >> x.shift
		// the key at j stays if its home lies cyclically in (i, j]
		if (i <= j && i < home && home <= j) || (i > j && (i < home || home <= j)) {
			continue
		}
		x.slots[i], i = x.slots[j], j
	}
	x.slots[i] = 0
	last := int32(len(x.rows) - 1)
	if code != last {
		for s := x.hashes[last] >> x.shift; ; s = (s + 1) & mask {
			if x.slots[s] == last+1 {
				x.slots[s] = code + 1
				break
			}
		}
		x.hashes[code], x.rows[code] = x.hashes[last], x.rows[last]
	}
	x.hashes, x.rows = x.hashes[:last], x.rows[:last]
	for p := range x.parts {
		s := &x.parts[p]
		switch s.class {
		case words1, words2, words4, words8:
			s.words[code] = s.words[last]
			s.words = s.words[:last]
		case wide:
			s.wide[code] = s.wide[last]
			s.wide = s.wide[:last]
		default:
			if s.home != nil {
				s.codes[code] = s.codes[last]
				s.codes = s.codes[:last]
			} else {
				s.text[code] = s.text[last]
				s.text[last] = ""
				s.text = s.text[:last]
			}
		}
	}
}

// Clone is a copy of x that shares no storage with it.
func (x *Rows) Clone() *Rows {
	c := &Rows{parts: make([]store, len(x.parts)), hashes: cloneOf(x.hashes), rows: cloneOf(x.rows), slots: cloneOf(x.slots), shift: x.shift}
	for i, s := range x.parts {
		c.parts[i] = store{class: s.class, words: cloneOf(s.words), wide: cloneOf(s.wide), text: cloneOf(s.text), home: s.home, codes: cloneOf(s.codes)}
	}
	return c
}

func cloneOf[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append(make([]T, 0, len(s)), s...)
}

// FindBytes is the row of the key whose bytes (value.Vector.AppendKey's,
// column after column) are key, -1 when the index holds none or key is
// not the bytes of a key of its columns.
func (x *Rows) FindBytes(key []byte) int {
	s := getScratch(len(x.parts))
	defer putScratch(s)
	h, ok := x.decode(key, s.ps)
	if !ok {
		return -1
	}
	code, _ := x.lookup(s.ps, 0, h)
	if code < 0 {
		return -1
	}
	return int(x.rows[code])
}

// decode reads key bytes into element 0 of ps, one column's after
// another, and hashes them as load would. Texts are views of key's
// bytes, to look up without copying: they must not be kept.
func (x *Rows) decode(key []byte, ps []probe) (uint64, bool) {
	str := func(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
	var h uint64
	for p := range x.parts {
		var one [1]uint64
		b, st := &ps[p], &x.parts[p]
		switch c := st.class; c {
		case words1, words2, words4, words8:
			w := 1 << (c - words1)
			if len(key) < w {
				return 0, false
			}
			var buf [8]byte
			copy(buf[:], key[:w])
			b.words[0], key = binary.LittleEndian.Uint64(buf[:]), key[w:]
		case wide:
			if len(key) < 16 {
				return 0, false
			}
			copy(b.wide[0][:], key)
			key = key[16:]
		case text:
			if len(key) < 4 {
				return 0, false
			}
			n := int(binary.LittleEndian.Uint32(key))
			if len(key)-4 < n {
				return 0, false
			}
			b.text[0], key = str(key[4:4+n]), key[4+n:]
			if st.home != nil {
				st.home.Codes(b.codes[:0], b.text[:1])
			}
		default:
			// a tuple's key is its text and a 0 byte; a last column takes
			// the rest
			n := len(key)
			if p < len(x.parts)-1 {
				n = 0
				for n < len(key) && key[n] != 0 {
					n++
				}
				if n == len(key) {
					return 0, false
				}
				n++
			}
			b.text[0], key = str(key[:n]), key[n:]
		}
		st.hash(b, one[:])
		if p == 0 {
			h = one[0]
		} else {
			h = mix(h, one[0])
		}
	}
	return h, len(key) == 0
}

// Home makes text key column p keep its keys as codes into b (as texts
// when b is nil), converting those held: the column's rows coded in b
// are then hashed and compared as integers, without reading a text.
// Columns of other classes are left as they are.
func (x *Rows) Home(p int, b Symbols) {
	s := &x.parts[p]
	if s.class != text || s.home == b {
		return
	}
	texts := s.text
	if s.home != nil {
		strs := s.home.Strs()
		texts = make([]string, len(s.codes))
		for i, c := range s.codes {
			texts[i] = strs[c]
		}
	}
	s.home, s.text, s.codes = b, nil, nil
	if b == nil {
		s.text = texts
	} else {
		s.codes = b.InternAll(make([]int32, 0, len(texts)), texts)
	}
	x.rehash()
}

// rehash hashes every key again from the stores and places it anew.
func (x *Rows) rehash() {
	s := getScratch(len(x.parts))
	defer putScratch(s)
	var one [chunk]uint64
	for lo := 0; lo < len(x.hashes); lo += chunk {
		hs := x.hashes[lo:min(lo+chunk, len(x.hashes))]
		for p := range x.parts {
			st, b := &x.parts[p], &s.ps[p]
			copy(b.words[:], st.words[min(lo, len(st.words)):])
			copy(b.wide[:], st.wide[min(lo, len(st.wide)):])
			copy(b.text[:], st.text[min(lo, len(st.text)):])
			copy(b.codes[:], st.codes[min(lo, len(st.codes)):])
			h := hs
			if p > 0 {
				h = one[:len(hs)]
			}
			st.hash(b, h)
			if p > 0 {
				for i := range h {
					hs[i] = mix(hs[i], h[i])
				}
			}
		}
	}
	clear(x.slots)
	x.place()
}
