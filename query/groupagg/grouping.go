package groupagg

import (
	"github.com/porpoisedb/porpoise/distinct"
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
		ids, first = distinct.Combine(ids, codes, len(kfirst))
	}
	g.IDs, g.First, g.N = ids, first, len(first)
	return g
}

// Each is n groups of one row each, row i in group i: the rows an
// aggregate of constants sees, one value per group.
func Each(n int) *Groups {
	g := &Groups{IDs: make([]int32, n), N: n, First: make([]int, n)}
	for i := range n {
		g.IDs[i], g.First[i] = int32(i), i
	}
	return g
}

// keyCodes gives each element of v a dense code in order of first
// appearance and the first row of each code. Floating keys compare as
// values, NaN as NULL: one group.
func keyCodes(v *value.Vector) ([]int32, []int) {
	if !v.T.IsArray() {
		switch v.T.Storage() {
		case value.StFloat32:
			return distinct.FloatValues(v.F32, value.NullFloat32)
		case value.StFloat64:
			return distinct.FloatValues(v.F64, value.NullFloat64)
		}
	}
	return distinct.Vector(v)
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
