package storage

import (
	"testing"
	"time"

	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// TestSchemaChangeCommitsWithRewrite: a table blob put in a transaction
// is written with its chunk rewrites or, rolled back, not at all.
func TestSchemaChangeCommitsWithRewrite(t *testing.T) {
	for _, tc := range []struct {
		name   string
		commit bool
		meta   string
		ids    []int32
	}{
		{name: "commit", commit: true, meta: "new", ids: []int32{7}},
		{name: "rollback", commit: false, meta: "old", ids: []int32{1, 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := memStore(t)
			require.NoError(t, s.PutTable(chunkA.DB, chunkA.Table, []byte("old")))
			commit(t, s, chunkA, []*value.Vector{ints(1, 2)}, ChunkOptions{})
			tx := s.Begin()
			require.NoError(t, tx.Replace(chunkA, nil, []*value.Vector{ints(7)}, ChunkOptions{}))
			require.NoError(t, tx.PutTable(chunkA.DB, chunkA.Table, []byte("new")))
			// Nothing is visible before the commit.
			meta, ok, err := s.GetTable(chunkA.DB, chunkA.Table)
			require.NoError(t, err)
			require.True(t, ok)
			require.Equal(t, "old", string(meta))
			if tc.commit {
				require.NoError(t, tx.Commit())
			} else {
				tx.Rollback()
			}
			meta, _, err = s.GetTable(chunkA.DB, chunkA.Table)
			require.NoError(t, err)
			require.Equal(t, tc.meta, string(meta))
			require.Equal(t, tc.ids, read(t, s, chunkA, value.Int)[0].I32)
		})
	}
}

// TestSnapshotIsolation: a snapshot keeps reading the rows, chunk list
// and metas committed before it was taken.
func TestSnapshotIsolation(t *testing.T) {
	s := memStore(t)
	chunkB := ChunkID{DB: chunkA.DB, Table: chunkA.Table, Partition: "/other"}
	commit(t, s, chunkA, []*value.Vector{ints(1, 2)}, ChunkOptions{})
	sn, err := s.Snapshot()
	require.NoError(t, err)
	defer sn.Close()
	tx := s.Begin()
	require.NoError(t, tx.Replace(chunkA, nil, []*value.Vector{ints(7)}, ChunkOptions{}))
	require.NoError(t, tx.Append(chunkB, nil, []*value.Vector{ints(9)}, ChunkOptions{}))
	require.NoError(t, tx.Commit())

	cols, err := sn.ReadChunkWith(chunkA, nil, []value.Type{value.Int}, ReadOptions{})
	require.NoError(t, err)
	require.Equal(t, []int32{1, 2}, cols[0].I32)
	paths, err := sn.ListChunks(chunkA.DB, chunkA.Table)
	require.NoError(t, err)
	require.Equal(t, []string{chunkA.Partition}, paths)
	m, ok, err := sn.ChunkMeta(chunkA)
	require.NoError(t, err)
	require.True(t, ok)
	require.EqualValues(t, 2, m.Rows)

	require.Equal(t, []int32{7}, read(t, s, chunkA, value.Int)[0].I32)
	paths, err = s.ListChunks(chunkA.DB, chunkA.Table)
	require.NoError(t, err)
	require.Len(t, paths, 2)
}

// snapshotOfOneRow opens an in-memory store holding one row in chunkA and
// takes a snapshot of it. The caller closes the store: the tests below
// check Close itself, which a cleanup's Close would mask.
func snapshotOfOneRow(t *testing.T) (*Store, *Snapshot) {
	t.Helper()
	s, err := Open(Options{InMemory: true})
	require.NoError(t, err)
	commit(t, s, chunkA, []*value.Vector{ints(1)}, ChunkOptions{})
	sn, err := s.Snapshot()
	require.NoError(t, err)
	return s, sn
}

// TestSnapshotAfterClose: closing the store closes open snapshots, whose
// reads then fail with ErrClosed, and a later Close is a no-op.
func TestSnapshotAfterClose(t *testing.T) {
	s, sn := snapshotOfOneRow(t)
	require.NoError(t, s.Close())
	_, err := sn.ReadChunkWith(chunkA, nil, []value.Type{value.Int}, ReadOptions{})
	require.ErrorIs(t, err, ErrClosed)
	require.NoError(t, sn.Close())
	_, err = s.Snapshot()
	require.ErrorIs(t, err, ErrClosed)
}

// TestSnapshotReadAfterItsClose: a snapshot its owner closed answers
// ErrClosed (Pebble would panic), and the store still closes: a panic
// inside the shared close lock once left it held and Close waited forever.
func TestSnapshotReadAfterItsClose(t *testing.T) {
	s, sn := snapshotOfOneRow(t)
	require.NoError(t, sn.Close())
	_, _, err := sn.ChunkMeta(chunkA)
	require.ErrorIs(t, err, ErrClosed)
	_, err = sn.ListChunks(chunkA.DB, chunkA.Table)
	require.ErrorIs(t, err, ErrClosed)
	_, err = sn.ReadChunkWith(chunkA, nil, []value.Type{value.Int}, ReadOptions{})
	require.ErrorIs(t, err, ErrClosed)
	require.Panics(t, func() {
		_ = s.shared(func() error { panic("boom") })
	})
	closed := make(chan error, 1)
	go func() { closed <- s.Close() }()
	select {
	case err := <-closed:
		require.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("Close waits for a shared lock a panic left held")
	}
}
