package storage

import (
	"github.com/cockroachdb/pebble/v2"
	"github.com/porpoisedb/porpoise/value"
)

// Snapshot is the store's committed state at one moment: reads through
// it see every transaction committed before Snapshot returned and none
// after, so a reader that reads many chunks sees each transaction (and
// each schema change committed with its chunk rewrites) whole or not at
// all. A Snapshot is closed with Close; Close of the store closes the
// ones still open, after which their reads fail with ErrClosed.
type Snapshot struct {
	s    *Store
	snap *pebble.Snapshot
}

// Snapshot takes a snapshot of the committed state.
func (s *Store) Snapshot() (*Snapshot, error) {
	if err := s.acquire(); err != nil {
		return nil, err
	}
	defer s.closeMu.RUnlock()
	sn := &Snapshot{s: s, snap: s.db.NewSnapshot()}
	s.mu.Lock()
	s.snaps[sn] = struct{}{}
	s.mu.Unlock()
	return sn, nil
}

// Close releases the snapshot. It is a no-op on a closed snapshot.
func (sn *Snapshot) Close() error {
	s := sn.s
	s.mu.Lock()
	_, open := s.snaps[sn]
	delete(s.snaps, sn)
	s.mu.Unlock()
	if !open {
		return nil
	}
	return sn.snap.Close()
}

// closeSnapshots closes the snapshots still open; Close calls it with
// closeMu held exclusively, so no read is using them.
func (s *Store) closeSnapshots() {
	s.mu.Lock()
	snaps := s.snaps
	s.snaps = map[*Snapshot]struct{}{}
	s.mu.Unlock()
	for sn := range snaps {
		_ = sn.snap.Close()
	}
}

// ReadChunkWith is Store.ReadChunkWith at the snapshot.
func (sn *Snapshot) ReadChunkWith(c ChunkID, cols []int, schema []value.Type, opts ReadOptions) ([]*value.Vector, error) {
	if err := sn.open(); err != nil {
		return nil, err
	}
	return sn.s.readChunk(sn.snap, c, cols, schema, opts)
}

// ListChunks is Store.ListChunks at the snapshot.
func (sn *Snapshot) ListChunks(db, table string) ([]string, error) {
	if err := sn.open(); err != nil {
		return nil, err
	}
	return sn.s.listChunks(sn.snap, db, table)
}

// ChunkMeta is Store.ChunkMeta at the snapshot.
func (sn *Snapshot) ChunkMeta(c ChunkID) (ChunkMeta, bool, error) {
	if err := sn.open(); err != nil {
		return ChunkMeta{}, false, err
	}
	return sn.s.chunkMeta(sn.snap, c)
}

// open returns ErrClosed once the snapshot is closed: Pebble panics on a
// read of a closed snapshot.
func (sn *Snapshot) open() error {
	sn.s.mu.Lock()
	_, ok := sn.s.snaps[sn]
	sn.s.mu.Unlock()
	if !ok {
		return ErrClosed
	}
	return nil
}
