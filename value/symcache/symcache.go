package symcache

import (
	"math"
	"slices"
	"weak"
)

// maxBases is how many other bases a Cache keeps translations of: a
// table's keys come from a few at a time (the vectors of a script), and
// each translation may be as long as its base.
const maxBases = 4

// Look returns the code in the home base of the text of code, a code of
// the base being translated, -1 when the home lacks it. It is called
// once for each distinct code a translation has not met, or met missing.
type Look func(code int32) int32

// Cache is the codes in one base, its home, of codes of a few other
// bases, most recently used first. Bases only grow and never give a text
// two codes, so a code found once keeps its translation for good; one
// found missing is looked up again next time, as the home may have
// gained its text. The other bases are held weakly: a translation dies
// with its base and does not keep it alive. The home's lock guards it.
type Cache[B any] struct {
	tables []*table[B]
}

// table is the translation of one base: by code, the home's code + 1,
// 0 until looked up, -call when found missing by that call (looked up
// once a call, again the next); in a slice once it holds many codes next
// to its base's, in a map while few (a base of 1.5M symbols of which a
// batch uses ten thousand would cost 6 MB).
type table[B any] struct {
	from   weak.Pointer[B]
	dense  []int32
	sparse map[int32]int32
	call   int32 // the calls made, to tell this call's misses
}

// Codes appends to dst the home's code of each of codes, codes of from,
// a base of n codes (its length when codes were read); look is called
// for the codes not translated yet.
func (c *Cache[B]) Codes(dst, codes []int32, from *B, n int, look Look) []int32 {
	return c.table(from).codes(dst, codes, n, look)
}

// Once is Codes keeping nothing: each distinct code of codes is looked
// up once, for a translation made once (a base of its own).
func Once(dst, codes []int32, n int, look Look) []int32 {
	var t table[struct{}]
	return t.codes(dst, codes, n, look)
}

// table is the translation of from, made first when new, which drops the
// least recently used beyond maxBases and those whose base is gone.
func (c *Cache[B]) table(from *B) *table[B] {
	w := weak.Make(from)
	for i, t := range c.tables {
		if t.from == w {
			copy(c.tables[1:i+1], c.tables[:i])
			c.tables[0] = t
			return t
		}
	}
	live := c.tables[:0]
	for _, t := range c.tables {
		if t.from.Value() != nil && len(live) < maxBases-1 {
			live = append(live, t)
		}
	}
	clear(c.tables[len(live):])
	t := &table[B]{from: w}
	c.tables = slices.Insert(live, 0, t)
	return t
}

func (t *table[B]) codes(dst, codes []int32, n int, look Look) []int32 {
	dst = slices.Grow(dst, len(codes))
	if t.call == math.MaxInt32 {
		t.forgetMisses()
	}
	t.call++
	miss := -t.call
	if t.dense == nil && 8*(len(t.sparse)+len(codes)) < n {
		if t.sparse == nil {
			t.sparse = make(map[int32]int32, min(len(codes), 1024))
		}
		for _, code := range codes {
			e := t.sparse[code]
			h, kept := resolve(e, code, miss, look)
			if kept != e {
				t.sparse[code] = kept
			}
			dst = append(dst, h)
		}
		return dst
	}
	if len(t.dense) < n {
		old := len(t.dense)
		t.dense = slices.Grow(t.dense, n-old)[:n]
		clear(t.dense[old:])
		for code, h := range t.sparse {
			t.dense[code] = h
		}
		t.sparse = nil
	}
	dense := t.dense
	for _, code := range codes {
		e := dense[code]
		h, kept := resolve(e, code, miss, look)
		if kept != e {
			dense[code] = kept
		}
		dst = append(dst, h)
	}
	return dst
}

// resolve is the home's code of code (-1 when missing) given e, its
// entry in a table (see table), and the entry to keep: e itself when it
// holds the code or this call's miss, else what look finds.
func resolve(e, code, miss int32, look Look) (h, kept int32) {
	switch {
	case e > 0:
		return e - 1, e
	case e == miss:
		return -1, e
	}
	if h = look(code); h >= 0 {
		return h, h + 1
	}
	return h, miss
}

// forgetMisses makes the codes found missing unknown again, before the
// call count wraps and an old call's misses would pass for new ones.
func (t *table[B]) forgetMisses() {
	for i, h := range t.dense {
		if h < 0 {
			t.dense[i] = 0
		}
	}
	for code, h := range t.sparse {
		if h < 0 {
			delete(t.sparse, code)
		}
	}
	t.call = 0
}
