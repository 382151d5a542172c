package storage

import (
	"context"
	"errors"
	"fmt"

	"github.com/cockroachdb/pebble/v2"
)

// The administration functions (flushOLAPCache, triggerTSDBCompaction,
// setOLAPCacheEngineSize, renameTable, the symbol-base cache functions)
// act on the store through these methods.

// Flush writes the memtables (DolphinDB's cache engine: committed data not
// yet in level files) to sorted files on disk and waits until it is done.
func (s *Store) Flush() error {
	if err := s.acquire(); err != nil {
		return err
	}
	defer s.closeMu.RUnlock()
	return s.db.Flush()
}

// SetWriteCacheLimit bounds the bytes committed data may hold in the
// memtables: a commit that leaves more behind starts a flush. 0 restores
// Pebble's own policy (flush when a memtable is full).
func (s *Store) SetWriteCacheLimit(bytes int64) { s.cacheLimit.Store(bytes) }

// WriteCacheLimit is the limit SetWriteCacheLimit set (0: none).
func (s *Store) WriteCacheLimit() int64 { return s.cacheLimit.Load() }

// flushIfOverLimit starts an asynchronous flush when the memtables hold
// more than the write-cache limit; the caller holds the close lock.
func (s *Store) flushIfOverLimit() {
	limit := s.cacheLimit.Load()
	if limit <= 0 || int64(s.db.Metrics().MemTable.Size) <= limit {
		return
	}
	_, _ = s.db.AsyncFlush()
}

// WriteCache describes what the memtables hold.
type WriteCache struct {
	// Bytes is the memory the memtables use (allocated size).
	Bytes uint64
	// Tables is the number of memtables, the one being written included.
	Tables int64
	// Limit is SetWriteCacheLimit's limit, DefaultWriteCache when unset.
	Limit int64
}

// DefaultWriteCache is the memtable memory Pebble may fill before it
// stalls writes: memtable size times the stop-writes threshold.
const DefaultWriteCache = memTableSize * memTableStopWrites

// WriteCacheStat reports the memtables' use.
func (s *Store) WriteCacheStat() (WriteCache, error) {
	if err := s.acquire(); err != nil {
		return WriteCache{}, err
	}
	defer s.closeMu.RUnlock()
	m := s.db.Metrics()
	limit := s.cacheLimit.Load()
	if limit <= 0 {
		limit = DefaultWriteCache
	}
	return WriteCache{Bytes: m.MemTable.Size, Tables: m.MemTable.Count, Limit: limit}, nil
}

// CompactChunk compacts every level file that holds chunk c's keys into
// the bottom level, so that reading it consults one sorted run.
func (s *Store) CompactChunk(ctx context.Context, c ChunkID) error {
	if err := c.check(); err != nil {
		return err
	}
	if err := s.acquire(); err != nil {
		return err
	}
	defer s.closeMu.RUnlock()
	p := chunkPrefix(c)
	return s.db.Compact(ctx, p, prefixEnd(p), false)
}

// ChunkDiskUsage estimates the bytes chunk c takes on disk (its share of
// the level files; data still in memtables counts nothing).
func (s *Store) ChunkDiskUsage(c ChunkID) (uint64, error) {
	if err := c.check(); err != nil {
		return 0, err
	}
	if err := s.acquire(); err != nil {
		return 0, err
	}
	defer s.closeMu.RUnlock()
	p := chunkPrefix(c)
	return s.db.EstimateDiskUsage(p, prefixEnd(p))
}

// ChunkVersion is the id of the transaction that created chunk c (0 when
// it does not exist): DolphinDB's chunk version.
func (s *Store) ChunkVersion(c ChunkID) (int64, error) {
	if err := c.check(); err != nil {
		return 0, err
	}
	v, ok, err := s.getShared(metaKey(chunkPrefix(c)))
	if err != nil || !ok {
		return 0, err
	}
	m, err := decodeMeta(v)
	if err != nil {
		return 0, err
	}
	return int64(m.incarnation), nil
}

// SymbolCacheBytes is the memory the cached symbol bases of the chunks
// match accepts hold: the bytes of their strings plus a string header each.
func (s *Store) SymbolCacheBytes(match func(ChunkID) bool) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := int64(0)
	for c, e := range s.chunks {
		if !match(c) {
			continue
		}
		for _, sym := range e.base {
			n += int64(len(sym)) + 16
		}
	}
	return n
}

// ClearSymbolCache drops the cached symbol bases of the chunks match
// accepts and no transaction holds; they are read again when next needed.
func (s *Store) ClearSymbolCache(match func(ChunkID) bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c, e := range s.chunks {
		if !match(c) || s.locks[c] != nil {
			continue
		}
		s.cachedSyms -= len(e.base)
		delete(s.chunks, c)
	}
	s.dropReadBases(match)
}

// RenameTable moves table from's catalog entry and chunks to the name to
// in one atomic batch. It fails with a *LockError while a transaction
// holds one of from's chunks.
func (s *Store) RenameTable(db, from, to string) error {
	if err := checkName("table", to); err != nil {
		return err
	}
	if err := s.acquire(); err != nil {
		return err
	}
	defer s.closeMu.RUnlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	for c, holder := range s.locks {
		if c.DB == db && c.Table == from {
			return &LockError{Path: c.Path(), Txn: holder.id}
		}
	}
	if _, ok, err := s.get(tableKey(db, to)); err != nil || ok {
		if err == nil {
			err = fmt.Errorf("storage: table %s already exists in %s", to, db)
		}
		return err
	}
	meta, ok, err := s.get(tableKey(db, from))
	if err != nil {
		return err
	}
	if !ok {
		return errors.New("storage: no table " + from + " in " + db)
	}
	for c, e := range s.chunks {
		if c.DB == db && c.Table == from {
			s.cachedSyms -= len(e.base)
			delete(s.chunks, c)
		}
	}
	s.dropReadBases(func(c ChunkID) bool { return c.DB == db && c.Table == from })
	s.wcache.drop(func(c ChunkID) bool { return c.DB == db && c.Table == from })
	b := s.db.NewBatch()
	defer b.Close()
	_ = b.Delete(tableKey(db, from), nil)
	_ = b.Set(tableKey(db, to), meta, nil)
	oldP, newP := tableChunksPrefix(db, from), tableChunksPrefix(db, to)
	it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: oldP, UpperBound: prefixEnd(oldP)})
	if err != nil {
		return err
	}
	for ok := it.First(); ok; ok = it.Next() {
		k := append(append([]byte(nil), newP...), it.Key()[len(oldP):]...)
		v, err := it.ValueAndErr()
		if err != nil {
			_ = it.Close()
			return err
		}
		if err := b.Set(k, v, nil); err != nil {
			_ = it.Close()
			return err
		}
	}
	err = it.Error()
	if cerr := it.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	_ = b.DeleteRange(oldP, prefixEnd(oldP), nil)
	return s.db.Apply(b, s.wo)
}

// sysKey is the key of a server object kept beside the catalog (the
// scheduled jobs).
func sysKey(name string) []byte { return append([]byte("Y\x00"), name...) }

// PutSystemObject stores (or replaces) a server object's blob.
func (s *Store) PutSystemObject(name string, blob []byte) error {
	return s.put(sysKey(name), blob)
}

// GetSystemObject returns a server object's blob and whether it exists.
func (s *Store) GetSystemObject(name string) ([]byte, bool, error) {
	return s.getShared(sysKey(name))
}

// LevelFile is one sorted file of the store holding keys of a chunk.
type LevelFile struct {
	// Level is the LSM level of the file (0 newest).
	Level int
	// Name is the file's number, as Pebble names it (000123.sst).
	Name string
	// Size is the file's size in bytes.
	Size uint64
}

// ChunkLevelFiles lists the level files whose key range overlaps chunk
// c, by level; data still in the memtables is in none.
func (s *Store) ChunkLevelFiles(c ChunkID) ([]LevelFile, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	if err := s.acquire(); err != nil {
		return nil, err
	}
	defer s.closeMu.RUnlock()
	p := chunkPrefix(c)
	levels, err := s.db.SSTables(pebble.WithKeyRangeFilter(p, prefixEnd(p)))
	if err != nil {
		return nil, err
	}
	var out []LevelFile
	for l, files := range levels {
		for _, f := range files {
			out = append(out, LevelFile{Level: l, Name: fmt.Sprintf("%06d.sst", uint64(f.FileNum)), Size: f.Size})
		}
	}
	return out, nil
}
