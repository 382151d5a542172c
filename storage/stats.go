package storage

// Stats are a few of Pebble's figures, for the server's /metrics.
type Stats struct {
	DiskBytes        uint64 // disk space used (memory for an in-memory store)
	ReadAmp          int    // sorted runs a read may consult
	Compactions      int64  // compactions run
	Flushes          int64  // memtable flushes
	MemTableBytes    uint64 // bytes in memtables
	WALBytesWritten  uint64 // bytes written to the write-ahead log
	BlockCacheHits   int64
	BlockCacheMisses int64
}

// Stats reads Pebble's metrics; a closed store returns ErrClosed.
func (s *Store) Stats() (Stats, error) {
	if err := s.acquire(); err != nil {
		return Stats{}, err
	}
	defer s.closeMu.RUnlock()
	m := s.db.Metrics()
	return Stats{
		DiskBytes:        m.DiskSpaceUsage(),
		ReadAmp:          m.ReadAmp(),
		Compactions:      m.Compact.Count,
		Flushes:          m.Flush.Count,
		MemTableBytes:    m.MemTable.Size,
		WALBytesWritten:  m.WAL.BytesWritten,
		BlockCacheHits:   m.BlockCache.Hits,
		BlockCacheMisses: m.BlockCache.Misses,
	}, nil
}
