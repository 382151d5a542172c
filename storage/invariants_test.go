//go:build invariants || race

package storage

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// Waiting for a chunk while holding one that sorts after it could
// deadlock against a writer taking them in order: invariants builds panic.
func TestLockWaitOutOfOrderPanics(t *testing.T) {
	s := memStore(t)
	later := ChunkID{DB: chunkA.DB, Table: chunkA.Table, Partition: "/20240102/Key1"}
	tx := s.Begin()
	defer tx.Rollback()
	require.NoError(t, tx.LockWait(context.Background(), chunkA))
	require.NoError(t, tx.LockWait(context.Background(), later)) // in order
	tx2 := s.Begin()
	defer tx2.Rollback()
	require.NoError(t, tx2.Lock(ChunkID{DB: chunkA.DB, Table: chunkA.Table, Partition: "/20240103/Key1"}))
	require.PanicsWithValue(t, "invariant: waiting for chunk /test/20240101/Key1/OQ while holding /test/20240103/Key1/OQ", func() {
		_ = tx2.LockWait(context.Background(), chunkA)
	})
}
