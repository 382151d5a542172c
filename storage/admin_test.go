package storage

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// TestWriteCacheUntilFlush checks that committed writes are listed as
// cached, with their transactions and rows, until a flush writes them to
// a level file, and that the transaction log records them.
func TestWriteCacheUntilFlush(t *testing.T) {
	s := memStore(t)
	for _, rows := range [][]int32{{1, 2, 3}, {4, 5}} {
		tx := s.Begin()
		require.NoError(t, tx.Append(chunkA, []string{"x"}, []*value.Vector{ints(rows...)}, ChunkOptions{}))
		require.NoError(t, tx.Commit())
	}
	cached := s.CachedWrites()
	require.Len(t, cached, 1)
	require.Equal(t, chunkA, cached[0].ID)
	require.Equal(t, int64(5), cached[0].Rows)
	require.Len(t, cached[0].Tids, 2)
	require.Positive(t, cached[0].Bytes)

	recs := s.Transactions()
	require.Len(t, recs, 2)
	for _, r := range recs {
		require.Equal(t, "COMPLETE", r.Status)
		require.Equal(t, TxnAppend, r.Kind)
		require.Equal(t, 1, r.Partitions)
	}

	require.NoError(t, s.Flush())
	require.Empty(t, s.CachedWrites())
	files, err := s.ChunkLevelFiles(chunkA)
	require.NoError(t, err)
	require.NotEmpty(t, files)
	require.NoError(t, s.CompactChunk(context.Background(), chunkA))
	u, err := s.ChunkDiskUsage(chunkA)
	require.NoError(t, err)
	require.Positive(t, u)
}

// TestRenameTableMovesChunks checks that a renamed table's chunks are
// read under the new name and gone under the old one.
func TestRenameTableMovesChunks(t *testing.T) {
	s := memStore(t)
	require.NoError(t, s.PutTable(chunkA.DB, chunkA.Table, []byte("{}")))
	tx := s.Begin()
	require.NoError(t, tx.Append(chunkA, []string{"x"}, []*value.Vector{ints(7, 8)}, ChunkOptions{}))
	require.NoError(t, tx.Commit())
	require.NoError(t, s.RenameTable(chunkA.DB, chunkA.Table, "NEW"))
	moved := ChunkID{DB: chunkA.DB, Table: "NEW", Partition: chunkA.Partition}
	m, ok, err := s.ChunkMeta(moved)
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, int64(2), m.Rows)
	_, ok, err = s.ChunkMeta(chunkA)
	require.NoError(t, err)
	require.False(t, ok)
	names, err := s.ListTables(chunkA.DB)
	require.NoError(t, err)
	require.Equal(t, []string{"NEW"}, names)
}
