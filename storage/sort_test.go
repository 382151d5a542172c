package storage

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// stableKept is the reference for sortRows: the rows 0..n-1 stably sorted
// by compare, keeping the first (FIRST) or last (LAST) of equal rows.
func stableKept(n int, compare func(a, b int32) int, keep KeepPolicy) []int32 {
	want := make([]int32, n)
	for i := range want {
		want[i] = int32(i)
	}
	slices.SortStableFunc(want, compare)
	if keep == KeepAll {
		return want
	}
	var kept []int32
	for i, r := range want {
		if keep == KeepFirst && i > 0 && compare(want[i-1], r) == 0 ||
			keep == KeepLast && i+1 < n && compare(want[i+1], r) == 0 {
			continue
		}
		kept = append(kept, r)
	}
	return kept
}

// TestSortRowsWideCountingKeys sorts SECOND keys (17 bits) climbing in
// runs that wrap, as the seed's time column does, with enough rows for
// the counting pass and with too few for it (radix): both give the stable
// order.
func TestSortRowsWideCountingKeys(t *testing.T) {
	for _, n := range []int{1000, 140_000} {
		sec := make([]int32, n)
		for i := range sec {
			sec[i] = int32((701*i + 1) % 86400)
		}
		want := make([]int32, n)
		for i := range want {
			want[i] = int32(i)
		}
		slices.SortStableFunc(want, func(a, b int32) int { return cmp.Compare(sec[a], sec[b]) })
		ord := sortRows([]sortCol{{v: &value.Vector{T: value.Second, I32: sec}}}, n, KeepAll)
		require.Equal(t, n > 1<<17, ord.Inv != nil, "n=%d: counting pass", n)
		require.Equal(t, want, ord.Permutation(), "n=%d", n)
	}
}

// TestSortRowsMergesRuns sorts rows made of a few ascending runs, as a
// chunk written by a few appends reads back, with every keep policy: the
// merge gives the stable order and keeps the oldest (FIRST) or newest
// (LAST) row of equal keys across runs.
func TestSortRowsMergesRuns(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, runs := range []int{2, 3, 4, 7} {
		for keep := KeepAll; keep <= KeepLast; keep++ {
			n := 40_000
			sym := make([]int32, n)
			sec := make([]int32, n)
			for i := range n {
				sym[i], sec[i] = int32(rng.IntN(300)), int32(rng.IntN(50_000))
			}
			byKey := func(a, b int32) int {
				return cmp.Or(cmp.Compare(sym[a], sym[b]), cmp.Compare(sec[a], sec[b]))
			}
			// each run ascends on its own: sort its rows' keys in place
			for r := range runs {
				lo, hi := r*n/runs, (r+1)*n/runs
				idx := make([]int32, hi-lo)
				for i := range idx {
					idx[i] = int32(lo + i)
				}
				slices.SortFunc(idx, byKey)
				s2, t2 := make([]int32, len(idx)), make([]int32, len(idx))
				for i, j := range idx {
					s2[i], t2[i] = sym[j], sec[j]
				}
				copy(sym[lo:hi], s2)
				copy(sec[lo:hi], t2)
			}
			want := stableKept(n, byKey, keep)
			cols := []sortCol{{v: &value.Vector{T: value.Int, I32: sym}}, {v: &value.Vector{T: value.Second, I32: sec}}}
			got := sortRows(cols, n, keep).Permutation()
			require.Equal(t, want, got, "runs=%d keep=%s", runs, keep)
		}
	}
}

// A TSDB append of several blocks whose order is a counting pass (SYMBOL
// key, time already ascending) reaches its blocks through a scatter per
// block run and one within each block: the chunk reads back in stable key
// order with every row once.
func TestTSDBCountingAppendAcrossBlocks(t *testing.T) {
	n := 2*maxBlockRows + 17
	sym := make([]string, n)
	sec := make([]int32, n)
	v := make([]int32, n)
	for i := range v {
		sym[i] = "s" + strconv.Itoa(i*7919%13)
		sec[i] = int32(i / 5)
		v[i] = int32(i)
	}
	want := slices.Clone(v)
	slices.SortStableFunc(want, func(a, b int32) int { return cmp.Compare(sym[a], sym[b]) })
	s := memStore(t)
	opts := ChunkOptions{SortColumns: []int{0, 1}}
	commit(t, s, chunkA, []*value.Vector{value.NewStrings(value.Symbol, sym), {T: value.Second, I32: sec}, value.NewInts(v)}, opts)
	m, _, err := s.ChunkMeta(chunkA)
	require.NoError(t, err)
	require.Equal(t, 3, m.Blocks)
	got := read(t, s, chunkA, value.Symbol, value.Second, value.Int)
	require.Equal(t, want, got[2].I32)
	for k, r := range want {
		require.Equal(t, sym[r], got[0].StrAt(k))
		require.Equal(t, sec[r], got[1].I32[k])
	}
}

// TestConstant checks the constant-column test that lets a sort skip a
// column, across storages and the edges of its periodic-bytes check.
func TestConstant(t *testing.T) {
	uuid := func(b byte) [16]byte { return [16]byte{15: b} }
	cases := []struct {
		name string
		v    *value.Vector
		want bool
	}{
		{"empty int", value.NewInts(nil), true},
		{"one int", value.NewInts([]int32{7}), true},
		{"equal ints", value.NewInts([]int32{7, 7, 7}), true},
		{"last differs", value.NewInts([]int32{7, 7, 8}), false},
		{"byte-periodic but unequal", &value.Vector{T: value.Short, I16: []int16{0x0101, 0x0101, 0x0100}}, false},
		{"equal chars", &value.Vector{T: value.Char, I8: []int8{1, 1}}, true},
		{"equal longs", value.NewLongs([]int64{-1, -1}), true},
		{"equal uuids", &value.Vector{T: value.UUID, B16: [][16]byte{uuid(1), uuid(1)}}, true},
		{"unequal uuids", &value.Vector{T: value.UUID, B16: [][16]byte{uuid(1), uuid(2)}}, false},
		{"equal strings", value.NewStrings(value.String, []string{"a", "a"}), true},
		{"unequal strings", value.NewStrings(value.String, []string{"a", "b"}), false},
		{"doubles never", value.NewDoubles([]float64{1, 1}), false},
	}
	for _, c := range cases {
		require.Equal(t, c.want, constant(c.v), c.name)
	}
}
