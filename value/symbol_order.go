package value

import (
	"slices"
	"strings"
)

// Ordering coded SYMBOL vectors: the base's texts are ranked once (and
// the ranks kept on the base until it grows), after which rows compare
// and sort as small integers.

// symbolRanks is a base's ranks while the base had n symbols.
type symbolRanks struct {
	n     int
	ranks []int32
}

// Ranks returns, indexed by code, each symbol's position among the base's
// texts in ascending byte order; "" (NULL, code 0) ranks 0. The slice is
// shared: callers read it only.
func (b *SymbolBase) Ranks() []int32 {
	strs := b.Strs()
	if r := b.ranks.Load(); r != nil && r.n == len(strs) {
		return r.ranks
	}
	order := make([]int32, len(strs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int { return strings.Compare(strs[x], strs[y]) })
	ranks := make([]int32, len(strs))
	for r, c := range order {
		ranks[c] = int32(r)
	}
	b.ranks.Store(&symbolRanks{n: len(strs), ranks: ranks})
	return ranks
}

// CompactSymbolCodes is SymbolCodes when the vector is coded and its base
// is small next to it (at most twice its length plus 1024 symbols), so a
// table indexed by code costs no more than a pass over the rows; ok is
// false otherwise and the caller works on texts.
func (v *Vector) CompactSymbolCodes() (codes []int32, base []string, ok bool) {
	codes, base, ok = v.SymbolCodes()
	if !ok || len(base) > 2*len(codes)+1024 {
		return nil, nil, false
	}
	return codes, base, true
}

// SymbolRankVector returns an INT vector of a coded SYMBOL vector's rows'
// ranks (NULL rows NULL), which compares element by element as the texts
// do; ok is false for any other vector or a base much larger than it.
func (v *Vector) SymbolRankVector() (*Vector, bool) {
	codes, _, ok := v.CompactSymbolCodes()
	if !ok {
		return nil, false
	}
	ranks := v.Syms.Ranks()
	out := make([]int32, len(codes))
	for i, c := range codes {
		out[i] = ranks[c]
		if c == 0 {
			out[i] = NullInt32
		}
	}
	return NewInts(out), true
}
