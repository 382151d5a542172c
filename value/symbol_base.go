package value

import (
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/porpoisedb/porpoise/value/keyidx"
	"github.com/porpoisedb/porpoise/value/symcache"
)

// SymbolBase is the dictionary behind coded SYMBOL vectors: code c stands
// for Strs()[c], code 0 for "" (NULL). It only grows, so a code once
// handed out names the same string for good and vectors derived from one
// another share their base without copying it; concurrent readers need no
// lock, concurrent interning is serialised.
type SymbolBase struct {
	mu sync.Mutex
	// index is built on first need for a base made by NewSymbolBaseOf.
	index map[string]int32
	strs  atomic.Pointer[[]string]
	// ranks caches Ranks until the base grows.
	ranks atomic.Pointer[symbolRanks]
	// trans is the codes in the base of other bases' codes met, guarded
	// by mu.
	trans symcache.Cache[SymbolBase]
	// stored marks a base made by NewSymbolBaseOf: its store extends it
	// with AppendAt, which fails once anyone else interned into it.
	stored bool
}

// NewSymbolBase returns a base holding only "" (code 0).
func NewSymbolBase() *SymbolBase {
	b := &SymbolBase{index: map[string]int32{"": 0}}
	strs := []string{""}
	b.strs.Store(&strs)
	return b
}

// NewSymbolBaseOf returns a base whose codes are the positions in strs,
// a stored symbol base: strs[0] is "" and the others are distinct and
// non-empty. The base keeps strs (callers no longer change it) and looks
// no text up until a code is asked for, so a reader that only groups or
// compares codes never hashes the symbols.
func NewSymbolBaseOf(strs []string) *SymbolBase {
	if len(strs) == 0 || strs[0] != "" {
		panic("value: a symbol base starts with \"\"")
	}
	b := &SymbolBase{stored: true}
	strs = slices.Clip(strs)
	b.strs.Store(&strs)
	return b
}

// AppendAt adds strs as codes n, n+1, ... when the base has exactly n
// codes, and reports whether it did: whoever built the base from a stored
// one extends it as the store's grows, unless other texts were interned
// meanwhile (then the caller needs a new base). strs must be new to the
// base, distinct and non-empty.
func (b *SymbolBase) AppendAt(n int, strs []string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	old := *b.strs.Load()
	if len(old) != n {
		return false
	}
	if len(strs) == 0 {
		return true
	}
	grown := append(old, strs...)
	if b.index != nil {
		for i, s := range strs {
			b.index[s] = int32(n + i)
		}
	}
	b.strs.Store(&grown)
	return true
}

// indexLocked returns the base's index, building it on first use. The
// caller holds b.mu.
func (b *SymbolBase) indexLocked() map[string]int32 {
	if b.index == nil {
		strs := *b.strs.Load()
		b.index = make(map[string]int32, len(strs))
		for i, s := range strs {
			b.index[s] = int32(i)
		}
	}
	return b.index
}

// Strs returns the base's strings indexed by code; callers read it only.
func (b *SymbolBase) Strs() []string { return *b.strs.Load() }

// Len is the number of codes handed out, "" included.
func (b *SymbolBase) Len() int { return len(b.Strs()) }

// Code returns the code of s, false when s is not in the base.
func (b *SymbolBase) Code(s string) (int32, bool) {
	if s == "" {
		return 0, true
	}
	b.mu.Lock()
	c, ok := b.indexLocked()[s]
	b.mu.Unlock()
	return c, ok
}

// Codes appends the code of each of strs to dst, -1 for a string not in
// the base, taking the lock once.
func (b *SymbolBase) Codes(dst []int32, strs []string) []int32 {
	b.mu.Lock()
	defer b.mu.Unlock()
	index := b.indexLocked()
	for _, s := range strs {
		c, ok := index[s]
		if !ok {
			c = -1
		}
		dst = append(dst, c)
	}
	return dst
}

// Intern returns the code of s, adding s when it is new.
func (b *SymbolBase) Intern(s string) int32 {
	if s == "" {
		return 0
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.internLocked(s)
}

// InternAll appends the codes of strs to dst, taking the lock once.
// Columns built by take or rand share string data between rows, so a
// direct-mapped cache keyed by the data pointer answers most rows without
// hashing the bytes.
func (b *SymbolBase) InternAll(dst []int32, strs []string) []int32 {
	type slot struct {
		p    *byte
		n    int
		code int32
	}
	var cache [256]slot
	dst = slices.Grow(dst, len(strs)) // one allocation, not a doubling per append
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, s := range strs {
		p := unsafe.StringData(s)
		// Fibonacci hashing of the whole pointer: texts decoded from one
		// buffer lie a byte or two apart.
		h := (uint64(uintptr(unsafe.Pointer(p))) * 0x9E3779B97F4A7C15) >> 56
		if e := &cache[h]; e.p == p && e.n == len(s) && p != nil {
			dst = append(dst, e.code)
			continue
		}
		c := b.internLocked(s)
		cache[h] = slot{p, len(s), c}
		dst = append(dst, c)
	}
	return dst
}

func (b *SymbolBase) internLocked(s string) int32 {
	if c, ok := b.indexLocked()[s]; ok {
		return c
	}
	// Readers may hold the old slice: append never changes the entries
	// they can see, it only publishes a longer header.
	strs := append(*b.strs.Load(), s)
	c := int32(len(strs) - 1)
	b.index[s] = c
	b.strs.Store(&strs)
	return c
}

// recode appends to dst the codes in b of codes, which are codes of from,
// interning the texts b lacks: each distinct code is looked up once, and
// for good when b keeps the translation (cache), as a column's base does
// for the rows appended to it from another base.
func (b *SymbolBase) recode(dst, codes []int32, from *SymbolBase, cache bool) []int32 {
	if from == b {
		return append(dst, codes...)
	}
	strs := from.Strs()
	b.mu.Lock()
	defer b.mu.Unlock()
	look := func(c int32) int32 { return b.internLocked(strs[c]) }
	if cache {
		return b.trans.Codes(dst, codes, from, len(strs), look)
	}
	return symcache.Once(dst, codes, len(strs), look)
}

// CodesOf appends to dst the code in b of each of codes, codes of from
// (a *SymbolBase, as keyidx.Symbols has it), -1 for a text b lacks
// unless add interns it. b keeps the translation, so keys that keep
// coming coded in another base are each looked up once.
func (b *SymbolBase) CodesOf(dst, codes []int32, from keyidx.Symbols, add bool) []int32 {
	f := from.(*SymbolBase)
	if add || f == b {
		return b.recode(dst, codes, f, true)
	}
	strs := f.Strs()
	b.mu.Lock()
	defer b.mu.Unlock()
	index := b.indexLocked()
	return b.trans.Codes(dst, codes, f, len(strs), func(c int32) int32 {
		if code, ok := index[strs[c]]; ok {
			return code
		}
		return -1
	})
}

// Translate returns, indexed by code of from, the code of the same text in
// b, or -1 where b lacks it; b does not grow. Each symbol of from is
// looked up once, so keys of two bases compare as integers afterwards.
func (b *SymbolBase) Translate(from *SymbolBase) []int32 {
	strs := from.Strs()
	return b.Codes(make([]int32, 0, len(strs)), strs)
}
