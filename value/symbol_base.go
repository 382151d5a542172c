package value

import (
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"
)

// SymbolBase is the dictionary behind coded SYMBOL vectors: code c stands
// for Strs()[c], code 0 for "" (NULL). It only grows, so a code once
// handed out names the same string for good and vectors derived from one
// another share their base without copying it; concurrent readers need no
// lock, concurrent interning is serialised.
type SymbolBase struct {
	mu    sync.Mutex
	index map[string]int32
	strs  atomic.Pointer[[]string]
	// ranks caches Ranks until the base grows.
	ranks atomic.Pointer[symbolRanks]
}

// NewSymbolBase returns a base holding only "" (code 0).
func NewSymbolBase() *SymbolBase {
	b := &SymbolBase{index: map[string]int32{"": 0}}
	strs := []string{""}
	b.strs.Store(&strs)
	return b
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
	c, ok := b.index[s]
	b.mu.Unlock()
	return c, ok
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
	if c, ok := b.index[s]; ok {
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

// recode appends to dst the codes in b of codes, which are codes of from:
// each distinct code is looked up once.
func (b *SymbolBase) recode(dst, codes []int32, from *SymbolBase) []int32 {
	if from == b {
		return append(dst, codes...)
	}
	strs := from.Strs()
	dst = slices.Grow(dst, len(codes))
	tr := make([]int32, len(strs))
	for i := 1; i < len(tr); i++ {
		tr[i] = -1
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, c := range codes {
		t := tr[c]
		if t < 0 {
			t = b.internLocked(strs[c])
			tr[c] = t
		}
		dst = append(dst, t)
	}
	return dst
}

// Translate returns, indexed by code of from, the code of the same text in
// b, or -1 where b lacks it; b does not grow. Each symbol of from is
// looked up once, so keys of two bases compare as integers afterwards.
func (b *SymbolBase) Translate(from *SymbolBase) []int32 {
	strs := from.Strs()
	tr := make([]int32, len(strs))
	b.mu.Lock()
	defer b.mu.Unlock()
	for i, s := range strs {
		c, ok := b.index[s]
		if !ok {
			c = -1
		}
		tr[i] = c
	}
	return tr
}
