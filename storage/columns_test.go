package storage

import (
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// The column count of a chunk is checked by the transaction holding the
// chunk's lock: a write that raced past a caller's look at the meta (a
// three-column write committed in between) is refused, and the
// transaction stays usable for other chunks.
func TestAppendFewerColumnsThanChunk(t *testing.T) {
	s := memStore(t)
	slow := s.Begin() // began before the wide write, as a racing writer
	commit(t, s, chunkA, []*value.Vector{ints(1), ints(2), ints(3)}, ChunkOptions{})
	err := slow.Append(chunkA, nil, []*value.Vector{ints(4), ints(5)}, ChunkOptions{})
	require.ErrorIs(t, err, ErrFewerColumns)
	other := ChunkID{DB: chunkA.DB, Table: chunkA.Table, Partition: "/20240102/Key1"}
	require.NoError(t, slow.Append(other, nil, []*value.Vector{ints(4), ints(5)}, ChunkOptions{}))
	require.NoError(t, slow.Commit())
	require.Equal(t, 1, read(t, s, chunkA, value.Int, value.Int, value.Int)[0].Len())
	// the same width, or wider, is accepted
	commit(t, s, chunkA, []*value.Vector{ints(6), ints(7), ints(8)}, ChunkOptions{})
}

// PutDatabase in a transaction commits with the data, or not at all.
func TestTxnPutDatabase(t *testing.T) {
	s := memStore(t)
	tx := s.Begin()
	require.NoError(t, tx.PutDatabase("dfs://test", []byte("v1")))
	require.NoError(t, tx.Append(chunkA, nil, []*value.Vector{ints(1)}, ChunkOptions{}))
	tx.Rollback()
	_, ok, err := s.GetDatabase("dfs://test")
	require.NoError(t, err)
	require.False(t, ok)

	tx = s.Begin()
	require.NoError(t, tx.PutDatabase("dfs://test", []byte("v2")))
	require.NoError(t, tx.Append(chunkA, nil, []*value.Vector{ints(1)}, ChunkOptions{}))
	require.NoError(t, tx.Commit())
	got, ok, err := s.GetDatabase("dfs://test")
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, "v2", string(got))
}
