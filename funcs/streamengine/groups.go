package streamengine

import (
	"maps"
	"slices"

	"github.com/porpoisedb/porpoise/value"
)

// Groups is an engine's groups, one per key (a row's values in the key
// columns), made the first time their key arrives. All holds them in
// order of creation, the order the engines compute and join them in. A
// group's id, given when it is made, counts the groups made before it;
// it indexes Keys, the key columns with a row per group ever made, when
// the engine keeps them (NewGroups).
type Groups[G any] struct {
	cols  []int
	byKey map[string]G
	made  int
	buf   []byte
	All   []G
	Keys  *value.Table
}

// NewGroups is the empty set of groups keyed by dummy's columns cols,
// kept in Keys under the names names.
func NewGroups[G any](dummy *value.Table, cols []int, names []string) *Groups[G] {
	kc := make([]*value.Vector, len(cols))
	for i, k := range cols {
		kc[i] = dummy.Cols[k].Like(0)
	}
	return &Groups[G]{cols: cols, byKey: map[string]G{}, Keys: value.NewTable(slices.Clone(names), kc)}
}

// NewRowGroups is the empty set of groups of an engine that finds them
// row by row (Row), with no Keys: a join engine, whose left and right
// inputs name their matching columns apart.
func NewRowGroups[G any]() *Groups[G] { return &Groups[G]{byKey: map[string]G{}} }

// Of is each batch row's group; a key seen for the first time gets the
// group fresh makes of its id.
func (gs *Groups[G]) Of(batch *value.Table, fresh func(id int) G) []G {
	out := make([]G, batch.Rows())
	if len(gs.cols) == 0 {
		// one group for every row: no key to build per row
		g, ok := gs.byKey[""]
		if !ok && len(out) > 0 {
			g = gs.add("", batch, 0, fresh)
		}
		for i := range out {
			out[i] = g
		}
		return out
	}
	for i := range out {
		out[i] = gs.Row(batch, gs.cols, i, fresh)
	}
	return out
}

// Row is the group of batch's row r keyed on its columns cols, made by
// fresh for a key seen for the first time.
func (gs *Groups[G]) Row(batch *value.Table, cols []int, r int, fresh func(id int) G) G {
	gs.buf = RowKey(gs.buf[:0], batch, cols, r)
	if g, ok := gs.byKey[string(gs.buf)]; ok {
		return g
	}
	return gs.add(string(gs.buf), batch, r, fresh)
}

func (gs *Groups[G]) add(key string, batch *value.Table, row int, fresh func(id int) G) G {
	g := fresh(gs.made)
	gs.made++
	if gs.Keys != nil {
		for j, k := range gs.cols {
			gs.Keys.Cols[j].AppendFrom(batch.Cols[k], row)
		}
	}
	gs.byKey[key] = g
	gs.All = append(gs.All, g)
	return g
}

// Len is the number of groups.
func (gs *Groups[G]) Len() int { return len(gs.byKey) }

// Reset forgets every group, and their keys.
func (gs *Groups[G]) Reset() {
	gs.byKey, gs.made, gs.All = map[string]G{}, 0, nil
	if gs.Keys != nil {
		gs.Keys = gs.Keys.EmptyLike(0)
	}
}

// Keep drops the groups keep reports false for. Keys keeps their rows,
// so the ids of the groups kept stay valid; a dropped key that arrives
// again makes a new group.
func (gs *Groups[G]) Keep(keep func(G) bool) {
	maps.DeleteFunc(gs.byKey, func(_ string, g G) bool { return !keep(g) })
	gs.All = slices.DeleteFunc(gs.All, func(g G) bool { return !keep(g) })
}

// Restore replaces the groups with all, the groups of a snapshot, made
// when made groups had been: keys holds the key columns' row of every
// group ever made (Keys as it was), and id gives a group's id. The
// groups are found by their keys again as before.
func (gs *Groups[G]) Restore(keys *value.Table, made int, all []G, id func(G) int) {
	gs.Keys, gs.made, gs.All = keys, made, all
	gs.byKey = make(map[string]G, len(all))
	key := make([]int, len(keys.Cols))
	for i := range key {
		key[i] = i
	}
	for _, g := range all {
		gs.buf = RowKey(gs.buf[:0], keys, key, id(g))
		gs.byKey[string(gs.buf)] = g
	}
}

// DecodeState is DecodeStateHead of the state of an engine keeping
// its groups' keys, whose second part is StateColumns(gs.Keys): keys is
// that part read back, for Restore.
func (gs *Groups[G]) DecodeState(b []byte, version string, n, heads int) (top []value.Value, head []int64, keys *value.Table, err error) {
	top, head, err = DecodeStateHead(b, version, n, heads)
	if err != nil {
		return nil, nil, nil, err
	}
	keys = gs.Keys.EmptyLike(0)
	if err := LoadColumns(keys, top[1]); err != nil {
		return nil, nil, nil, err
	}
	return top, head, keys, nil
}

// Made is the number of groups made since the last Reset, kept ones or
// not: the id the next group gets.
func (gs *Groups[G]) Made() int { return gs.made }
