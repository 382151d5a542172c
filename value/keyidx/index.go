package keyidx

import "fmt"

// Index numbers the keys of one container (a dictionary's keys, a set's
// elements) in order of first appearance, so a key's code is its
// position. All its keys have one class: words of one width, 16-byte
// values, strings, or key bytes.
type Index struct {
	class class // noClass until the first key
	hint  int
	words *Table[uint64]
	wide  *Table[[16]byte]
	text  *Table[string]
}

// NewIndex returns an empty index for about hint keys.
func NewIndex(hint int) *Index { return &Index{hint: hint} }

// Len is the number of distinct keys.
func (x *Index) Len() int {
	switch {
	case x.words != nil:
		return x.words.Len()
	case x.wide != nil:
		return x.wide.Len()
	case x.text != nil:
		return x.text.Len()
	}
	return 0
}

// block is how many keys are moved into a buffer on the stack and coded
// at a time: few, as a single-key call (Put, Lookup) zeroes it too.
const block = 64

// Add codes keys lo..hi-1 of c: codes[i] is the code of key lo+i (codes
// may be nil); a new key's row is appended to first, which is returned.
// Keys of another class than the index's are a caller's bug: the
// vectors they come from could not hold each other's elements either.
func (x *Index) Add(c *Column, lo, hi int, codes []int32, first []int) []int {
	k := c.class()
	if x.class == noClass {
		x.class = k
		switch k {
		case words1, words2, words4, words8:
			x.words = NewWords(x.hint)
		case wide:
			x.wide = NewWide(x.hint)
		default:
			x.text = NewStrings(x.hint)
		}
	}
	if k != x.class {
		panic(fmt.Sprintf("keyidx: keys of class %d added to an index of class %d", k, x.class))
	}
	switch {
	case x.words != nil:
		return add(x.words, c, lo, hi, codes, first)
	case x.wide != nil:
		return add(x.wide, c, lo, hi, codes, first)
	case c.Kind == Strings:
		// the column's own strings: no copy
		return x.text.Add(c.Str[lo:hi], codes, lo, first)
	}
	return add(x.text, c, lo, hi, codes, first)
}

// Find writes to codes the code of each key lo..hi-1 of c, -1 for a key
// the index doesn't hold (any key of another class).
func (x *Index) Find(c *Column, lo, hi int, codes []int32) {
	if c.class() != x.class {
		for i := range codes[:hi-lo] {
			codes[i] = -1
		}
		return
	}
	switch {
	case x.words != nil:
		find(x.words, c, lo, hi, codes)
	case x.wide != nil:
		find(x.wide, c, lo, hi, codes)
	case c.Kind == Strings:
		x.text.Find(c.Str[lo:hi], codes)
	default:
		find(x.text, c, lo, hi, codes)
	}
}

// fill writes keys lo, lo+1, ... of c into dst, in the form of dst's
// table. A type switch, not a function value: a buffer passed to a
// function value escapes to the heap.
func fill[K comparable](c *Column, dst []K, lo int) {
	switch dst := any(dst).(type) {
	case []uint64:
		c.FillWords(dst, lo)
	case [][16]byte:
		c.fillWide(dst, lo)
	case []string:
		c.fillText(dst, lo)
	}
}

// add is Index.Add into t, a block of keys at a time.
func add[K comparable](t *Table[K], c *Column, lo, hi int, codes []int32, first []int) []int {
	var buf [block]K
	var sub []int32
	for at := lo; at < hi; at += block {
		ks := buf[:min(block, hi-at)]
		fill(c, ks, at)
		if codes != nil {
			sub = codes[at-lo:]
		}
		first = t.Add(ks, sub, at, first)
	}
	return first
}

// find is Index.Find in t, a block of keys at a time.
func find[K comparable](t *Table[K], c *Column, lo, hi int, codes []int32) {
	var buf [block]K
	for at := lo; at < hi; at += block {
		ks := buf[:min(block, hi-at)]
		fill(c, ks, at)
		t.Find(ks, codes[at-lo:])
	}
}

// Clone is a copy of x that shares no storage with it.
func (x *Index) Clone() *Index {
	c := *x
	if x.words != nil {
		c.words = x.words.clone()
	}
	if x.wide != nil {
		c.wide = x.wide.clone()
	}
	if x.text != nil {
		c.text = x.text.clone()
	}
	return &c
}

// FindOne is the code of key i of c, -1 when the index doesn't hold it.
func (x *Index) FindOne(c *Column, i int) int32 {
	var code [1]int32
	x.Find(c, i, i+1, code[:])
	return code[0]
}

// FindAll is the code of each key of c, -1 where the index lacks it.
func (x *Index) FindAll(c *Column) []int32 {
	codes := make([]int32, c.Len())
	x.Find(c, 0, len(codes), codes)
	return codes
}

// AddOne codes key i of c, reporting whether it was new.
func (x *Index) AddOne(c *Column, i int) (code int32, added bool) {
	var codes [1]int32
	var first [1]int
	added = len(x.Add(c, i, i+1, codes[:], first[:0])) == 1
	return codes[0], added
}
