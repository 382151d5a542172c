package storage

import (
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

func TestReplace(t *testing.T) {
	tsdb := ChunkOptions{SortColumns: []int{0}, KeepDuplicates: KeepAll}
	cases := []struct {
		name  string
		opts  ChunkOptions
		steps func(t *testing.T, tx *Txn)
		ids   []int32
		syms  []string
	}{
		{
			name: "replace shrinks OLAP chunk",
			steps: func(t *testing.T, tx *Txn) {
				require.NoError(t, tx.Replace(chunkA, nil, []*value.Vector{ints(9), syms("z")}, ChunkOptions{}))
			},
			ids: []int32{9}, syms: []string{"z"},
		},
		{
			name: "append after replace adds to the new content",
			steps: func(t *testing.T, tx *Txn) {
				require.NoError(t, tx.Replace(chunkA, nil, []*value.Vector{ints(9), syms("z")}, ChunkOptions{}))
				require.NoError(t, tx.Append(chunkA, nil, []*value.Vector{ints(10), syms("a")}, ChunkOptions{}))
			},
			ids: []int32{9, 10}, syms: []string{"z", "a"},
		},
		{
			name: "replace discards an earlier append of the same transaction",
			steps: func(t *testing.T, tx *Txn) {
				require.NoError(t, tx.Append(chunkA, nil, []*value.Vector{ints(7), syms("q")}, ChunkOptions{}))
				require.NoError(t, tx.Replace(chunkA, nil, []*value.Vector{ints(5, 6), syms("b", "a")}, ChunkOptions{}))
			},
			ids: []int32{5, 6}, syms: []string{"b", "a"},
		},
		{
			name: "replace with no rows empties the chunk",
			steps: func(t *testing.T, tx *Txn) {
				require.NoError(t, tx.Replace(chunkA, nil, []*value.Vector{ints(), syms()}, ChunkOptions{}))
			},
			ids: []int32{}, syms: []string{},
		},
		{
			name: "TSDB replace is sorted on read",
			opts: tsdb,
			steps: func(t *testing.T, tx *Txn) {
				require.NoError(t, tx.Replace(chunkA, nil, []*value.Vector{ints(3, 1, 2), syms("c", "a", "b")}, tsdb))
			},
			ids: []int32{1, 2, 3}, syms: []string{"a", "b", "c"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			s, err := Open(Options{Dir: dir})
			require.NoError(t, err)
			commit(t, s, chunkA, []*value.Vector{ints(1, 2, 3), syms("a", "b", "c")}, tc.opts)
			commit(t, s, chunkA, []*value.Vector{ints(4), syms("d")}, tc.opts)

			// A rolled-back replace changes nothing.
			tx := s.Begin()
			require.NoError(t, tx.Replace(chunkA, nil, []*value.Vector{ints(100), syms("x")}, tc.opts))
			tx.Rollback()
			got := read(t, s, chunkA, value.Int, value.Symbol)
			require.Equal(t, 4, got[0].Len())

			tx = s.Begin()
			tc.steps(t, tx)
			require.NoError(t, tx.Commit())
			check := func(s *Store) {
				got := read(t, s, chunkA, value.Int, value.Symbol)
				require.Equal(t, tc.ids, append([]int32{}, got[0].I32...))
				require.Equal(t, tc.syms, append([]string{}, got[1].Strings()...))
				m, ok, err := s.ChunkMeta(chunkA)
				require.NoError(t, err)
				require.True(t, ok)
				require.EqualValues(t, len(tc.ids), m.Rows)
			}
			check(s)
			// Later appends go after the replaced content, and all of it
			// survives a restart.
			require.NoError(t, s.Close())
			s, err = Open(Options{Dir: dir})
			require.NoError(t, err)
			defer s.Close()
			check(s)
		})
	}
}

func TestReplaceHoldsLock(t *testing.T) {
	s := memStore(t)
	commit(t, s, chunkA, []*value.Vector{ints(1)}, ChunkOptions{})
	tx := s.Begin()
	require.NoError(t, tx.Replace(chunkA, nil, []*value.Vector{ints(2)}, ChunkOptions{}))
	other := s.Begin()
	err := other.Append(chunkA, nil, []*value.Vector{ints(3)}, ChunkOptions{})
	var le *LockError
	require.ErrorAs(t, err, &le)
	other.Rollback()
	require.NoError(t, tx.Commit())
	require.Equal(t, []int32{2}, read(t, s, chunkA, value.Int)[0].I32)
}
