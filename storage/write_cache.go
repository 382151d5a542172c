package storage

import (
	"sync"
	"time"

	"github.com/cockroachdb/pebble/v2"
)

// The write cache is what committed transactions left in the memtables
// that no flush has written to a level file yet: DolphinDB's cache engine
// content and, since Pebble's WAL keeps exactly those writes, its redo
// log. Commit records each chunk's share; Pebble's flush events, which
// name the last sequence number they wrote, retire it.

// cachedCommit is one transaction's write to one chunk.
type cachedCommit struct {
	tid         int64
	rows, bytes int64
	seq         uint64 // last sequence number of the transaction's batch
	at          time.Time
}

type writeCacheLog struct {
	mu     sync.Mutex
	chunks map[ChunkID][]cachedCommit
}

func (w *writeCacheLog) add(c ChunkID, e cachedCommit) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.chunks == nil {
		w.chunks = map[ChunkID][]cachedCommit{}
	}
	w.chunks[c] = append(w.chunks[c], e)
}

// flushed retires the commits whose sequence numbers a flush wrote.
func (w *writeCacheLog) flushed(info pebble.FlushInfo) {
	if !info.Done || info.Ingest {
		return
	}
	var through uint64
	for _, t := range info.Output {
		through = max(through, uint64(t.LargestSeqNum))
	}
	if through == 0 {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	for c, list := range w.chunks {
		keep := list[:0]
		for _, e := range list {
			if e.seq > through {
				keep = append(keep, e)
			}
		}
		if len(keep) == 0 {
			delete(w.chunks, c)
		} else {
			w.chunks[c] = keep
		}
	}
}

// drop forgets the cached writes of the chunks match accepts (dropped or
// renamed away).
func (w *writeCacheLog) drop(match func(ChunkID) bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for c := range w.chunks {
		if match(c) {
			delete(w.chunks, c)
		}
	}
}

// CachedChunk is what one chunk has in the write cache.
type CachedChunk struct {
	ID ChunkID
	// Rows and Bytes are the rows and batch bytes of the committed
	// transactions not yet flushed.
	Rows, Bytes int64
	// Tids are those transactions' ids, oldest first.
	Tids []int64
	// LastWrite is the time of the last of them.
	LastWrite time.Time
}

// CachedWrites lists the chunks with committed writes still only in the
// memtables (and the WAL).
func (s *Store) CachedWrites() []CachedChunk {
	w := s.wcache
	w.mu.Lock()
	defer w.mu.Unlock()
	out := make([]CachedChunk, 0, len(w.chunks))
	for c, list := range w.chunks {
		cc := CachedChunk{ID: c}
		for _, e := range list {
			cc.Rows += e.rows
			cc.Bytes += e.bytes
			cc.Tids = append(cc.Tids, e.tid)
			if e.at.After(cc.LastWrite) {
				cc.LastWrite = e.at
			}
		}
		out = append(out, cc)
	}
	return out
}

// recordCached notes what a committed transaction left in the memtables:
// each written chunk's rows and its share of the batch's bytes.
func (t *Txn) recordCached(dirty []*txnChunk, oldRows []int64) {
	if t.batch == nil {
		return
	}
	seq := uint64(t.batch.SeqNum()) + uint64(t.batch.Count())
	if seq > 0 {
		seq--
	}
	total := int64(0)
	rows := make([]int64, len(dirty))
	for i, tc := range dirty {
		rows[i] = tc.m.rows - oldRows[i]
		if rows[i] < 0 || t.kind&TxnRewrite != 0 {
			rows[i] = tc.m.rows
		}
		total += rows[i]
	}
	size := int64(len(t.batch.Repr()))
	now := time.Now()
	for i, tc := range dirty {
		b := size / int64(len(dirty))
		if total > 0 {
			b = size * rows[i] / total
		}
		t.s.wcache.add(tc.id, cachedCommit{tid: t.id, rows: rows[i], bytes: b, seq: seq, at: now})
	}
}
