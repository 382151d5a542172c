package groupagg

import (
	"unsafe"

	"github.com/porpoisedb/porpoise/rowsort"
	"github.com/porpoisedb/porpoise/value"
)

// Groups partitions a table's rows by the values of key columns. Group
// ids are dense (0..N-1) and, after SortByKeys, follow the keys' order.
type Groups struct {
	keys  []*value.Vector
	IDs   []int32 // group of each row
	N     int     // number of groups
	First []int   // first row of each group (-1 for a group without rows)
	// Starts/Perm list the rows group by group (Perm[Starts[g]:Starts[g+1]]
	// in input order); built by Index.
	Starts []int
	Perm   []int
}

// Group assigns each of rows rows a group id by the key columns,
// hashing typed values (no per-row boxing); several keys are combined
// column by column into one dense id. Without keys all rows form one
// group.
func Group(keys []*value.Vector, rows int) *Groups {
	g := &Groups{keys: keys}
	if len(keys) == 0 {
		g.IDs = make([]int32, rows)
		g.N = min(rows, 1)
		if rows > 0 {
			g.First = []int{0}
		}
		return g
	}
	ids, first := keyCodes(keys[0])
	for _, k := range keys[1:] {
		codes, kfirst := keyCodes(k)
		ids, first = combineCodes(ids, len(first), codes, len(kfirst))
	}
	g.IDs, g.First, g.N = ids, first, len(first)
	return g
}

// keyCodes gives each element of v a dense code in order of first
// appearance and the first row of each code.
func keyCodes(v *value.Vector) ([]int32, []int) {
	if v.T.IsArray() {
		return rowsort.DistinctKeyCodes(v)
	}
	if k, ok := numeric(v); ok {
		return k.codes()
	}
	switch v.T.Storage() {
	case value.StString:
		if codes, base, ok := v.CompactSymbolCodes(); ok {
			return symbolCodes(codes, len(base))
		}
		return stringCodes(v.Strings())
	case value.StBytes16:
		return rowsort.DistinctCodes(v.B16)
	}
	return rowsort.DistinctKeyCodes(v)
}

// symbolCodes is rowsort.DistinctCodes for a coded SYMBOL column of a
// base of n symbols: a table indexed by symbol code replaces the hash map.
func symbolCodes(xs []int32, n int) ([]int32, []int) {
	codes := make([]int32, len(xs))
	seen := make([]int32, n) // group + 1, 0 while unseen
	var first []int
	for i, x := range xs {
		c := seen[x]
		if c == 0 {
			first = append(first, i)
			c = int32(len(first))
			seen[x] = c
		}
		codes[i] = c - 1
	}
	return codes, first
}

// stringCodes is rowsort.DistinctCodes for strings. Columns built by
// take, rand or a symbol vector share string data between rows, so a
// direct-mapped cache keyed by the data pointer answers most rows without
// hashing the bytes; a miss falls back to the map of strings.
func stringCodes(xs []string) ([]int32, []int) {
	codes := make([]int32, len(xs))
	seen := make(map[string]int32)
	type slot struct {
		p    *byte
		n    int
		code int32
	}
	var cache [1024]slot
	var first []int
	for i, x := range xs {
		p := unsafe.StringData(x)
		// Fibonacci hashing of the whole pointer: symbols decoded from
		// one buffer lie a byte or two apart, which the low bits alone
		// would send to the same slot.
		h := (uint64(uintptr(unsafe.Pointer(p))) * 0x9E3779B97F4A7C15) >> 54
		if c := &cache[h]; c.p == p && c.n == len(x) && p != nil {
			codes[i] = c.code
			continue
		}
		c, ok := seen[x]
		if !ok {
			c = int32(len(first))
			seen[x] = c
			first = append(first, i)
		}
		cache[h] = slot{p, len(x), c}
		codes[i] = c
	}
	return codes, first
}

// intCodes is rowsort.DistinctCodes for integers: when the values span a
// small range, a table indexed by value replaces the hash map.
func intCodes[T ints](xs []T) ([]int32, []int) {
	if len(xs) == 0 {
		return nil, nil
	}
	lo, hi := xs[0], xs[0]
	for _, x := range xs {
		lo, hi = min(lo, x), max(hi, x)
	}
	span := uint64(int64(hi) - int64(lo))
	if int64(hi)-int64(lo) < 0 || span > 1<<22 || span > 4*uint64(len(xs)) {
		return rowsort.DistinctCodes(xs)
	}
	table := make([]int32, span+1)
	for i := range table {
		table[i] = -1
	}
	codes := make([]int32, len(xs))
	var first []int
	for i, x := range xs {
		k := int64(x) - int64(lo)
		c := table[k]
		if c < 0 {
			c = int32(len(first))
			table[k] = c
			first = append(first, i)
		}
		codes[i] = c
	}
	return codes, first
}

// combineCodes merges two code columns into dense codes of the pairs.
func combineCodes(a []int32, na int, b []int32, nb int) ([]int32, []int) {
	pairs := make([]int64, len(a))
	for i := range a {
		pairs[i] = int64(a[i])*int64(nb) + int64(b[i])
	}
	_ = na
	return intCodes(pairs)
}

// SortByKeys renumbers the groups so that ids follow the keys' order
// (DolphinDB returns group by results sorted by the grouping columns):
// rowsort orders the groups' keys with typed words, NULLs first.
func (g *Groups) SortByKeys() { g.SortByKeysDesc(nil) }

// SortByKeysDesc is SortByKeys with key i descending where desc[i] holds
// (NULLs then last, as the smallest value).
func (g *Groups) SortByKeysDesc(desc []bool) {
	keys := make([]rowsort.Key, len(g.keys))
	for i, k := range g.keys {
		keys[i] = rowsort.Column(value.GatherOrNull(k, g.First), i < len(desc) && desc[i], rowsort.NullsLow)
	}
	order := rowsort.Sort(keys, g.N, rowsort.KeepAll).Index(g.N)
	rank := make([]int32, g.N)
	first := make([]int, g.N)
	for newID, old := range order {
		rank[old] = int32(newID)
		first[newID] = g.First[old]
	}
	for i, id := range g.IDs {
		g.IDs[i] = rank[id]
	}
	g.First = first
}

// Index fills Starts and Perm: the rows of each group, in input order.
func (g *Groups) Index() {
	starts := make([]int, g.N+1)
	for _, id := range g.IDs {
		starts[id+1]++
	}
	for i := 1; i <= g.N; i++ {
		starts[i] += starts[i-1]
	}
	pos := make([]int, g.N)
	copy(pos, starts[:g.N])
	perm := make([]int, len(g.IDs))
	for r, id := range g.IDs {
		perm[pos[id]] = r
		pos[id]++
	}
	g.Starts, g.Perm = starts, perm
}

// Size is the number of rows in group i (after Index).
func (g *Groups) Size(i int) int { return g.Starts[i+1] - g.Starts[i] }
