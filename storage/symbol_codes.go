package storage

import (
	"fmt"
	"runtime"
)

// SymbolCodes is a SYMBOL column already dictionary-encoded by the caller:
// IDs[i] is 0 for "" (NULL) or 1 + the index of the row's symbol in Dict.
// An engine that splits one large SYMBOL column among many partitions
// encodes it once with EncodeSymbols and hands each partition a Slice of
// the ids: the rows then move around as int32s, which the garbage
// collector never scans, instead of as string headers, and each chunk
// hashes only the distinct symbols it receives.
type SymbolCodes struct {
	IDs  []int32
	Dict []string

	// scratch is shared by the slices of one encoding, which must
	// therefore be appended one after another, not concurrently.
	scratch *codeScratch
}

type codeScratch struct {
	gen   uint32
	stamp []uint32 // local id -> generation that filled tr
	tr    []int32  // local id -> chunk id
}

// EncodeSymbols dictionary-encodes a SYMBOL column, splitting large
// columns among goroutines.
func EncodeSymbols(strs []string) *SymbolCodes {
	return EncodeSymbolsInto(strs, nil, len(strs))
}

// EncodeSymbolsInto is EncodeSymbols with the rows moved as they are
// encoded: row i's code lands at IDs[pos[i]], rows with a negative pos are
// left out, and IDs has n entries (the non-negative pos must be a
// permutation of 0..n-1). nil pos keeps the order.
func EncodeSymbolsInto(strs []string, pos []int32, n int) *SymbolCodes {
	ids := make([]int32, n)
	at := func(i int) int {
		if pos == nil {
			return i
		}
		return int(pos[i])
	}
	rows := len(strs)
	parts := 1
	if rows >= 1<<16 {
		parts = max(1, min(runtime.GOMAXPROCS(0), rows>>15))
	}
	dicts := make([][]string, parts)
	parallel(parts, func(p int) {
		lo, hi := p*rows/parts, (p+1)*rows/parts
		if pos == nil {
			dicts[p] = localDict(strs[lo:hi], ids[lo:hi])
		} else {
			// parts write disjoint positions of ids
			dicts[p] = localDictAt(strs[lo:hi], ids, pos[lo:hi])
		}
	})
	if parts == 1 {
		return &SymbolCodes{IDs: ids, Dict: dicts[0], scratch: &codeScratch{}}
	}
	// Merge the part dictionaries into the first one's numbering.
	var dict []string
	index := map[string]int32{}
	tables := make([][]int32, parts)
	for p, d := range dicts {
		tab := make([]int32, len(d)+1)
		for k, s := range d {
			id, ok := index[s]
			if !ok {
				dict = append(dict, s)
				id = int32(len(dict))
				index[s] = id
			}
			tab[k+1] = id
		}
		tables[p] = tab
	}
	parallel(parts, func(p int) {
		lo, hi := p*rows/parts, (p+1)*rows/parts
		tab := tables[p]
		for i := lo; i < hi; i++ {
			if k := at(i); k >= 0 {
				ids[k] = tab[ids[k]]
			}
		}
	})
	return &SymbolCodes{IDs: ids, Dict: dict, scratch: &codeScratch{}}
}

// NewSymbolCodes wraps rows already coded by the caller (0 for "", else 1
// + an index into dict) without looking at them.
func NewSymbolCodes(ids []int32, dict []string) *SymbolCodes {
	return &SymbolCodes{IDs: ids, Dict: dict, scratch: &codeScratch{}}
}

// Slice returns rows [lo, hi) of the encoding, sharing its dictionary.
func (c *SymbolCodes) Slice(lo, hi int) *SymbolCodes {
	return &SymbolCodes{IDs: c.IDs[lo:hi:hi], Dict: c.Dict, scratch: c.scratch}
}

// Strings decodes the rows (for callers that need the text back).
func (c *SymbolCodes) Strings() []string {
	out := make([]string, len(c.IDs))
	for i, id := range c.IDs {
		if id > 0 {
			out[i] = c.Dict[id-1]
		}
	}
	return out
}

// mapCodes is mapSymbols for pre-encoded rows: each distinct local id
// seen is looked up (or added to the base) once per chunk. It checks the
// codes as it goes, in the same pass.
func (tc *txnChunk) mapCodes(c *SymbolCodes) ([]int32, error) {
	sc := c.scratch
	if sc == nil {
		sc = &codeScratch{}
		c.scratch = sc
	}
	if len(sc.tr) < len(c.Dict)+1 {
		sc.tr = make([]int32, len(c.Dict)+1)
		sc.stamp = make([]uint32, len(c.Dict)+1)
		sc.gen = 0
	}
	sc.gen++
	if sc.gen == 0 { // wrapped: stale stamps could look current
		clear(sc.stamp)
		sc.gen = 1
	}
	gen := sc.gen
	if tc.newIndex == nil && len(c.Dict) > 1024 {
		// most of a large dictionary is usually new to the chunk
		tc.newIndex = make(map[string]int32, min(len(c.Dict), MaxSymbols+1))
	}
	ids := make([]int32, len(c.IDs))
	for i, l := range c.IDs {
		if l == 0 {
			continue
		}
		if l < 0 || int(l) > len(c.Dict) {
			return nil, fmt.Errorf("storage: symbol code %d outside a dictionary of %d", l, len(c.Dict))
		}
		if sc.stamp[l] == gen {
			ids[i] = sc.tr[l]
			continue
		}
		id, err := tc.symbolID(c.Dict[l-1])
		if err != nil {
			return nil, err
		}
		sc.stamp[l], sc.tr[l] = gen, id
		ids[i] = id
	}
	return ids, nil
}
