package storage

import (
	"github.com/cockroachdb/pebble/v2"
	"github.com/porpoisedb/porpoise/value"
)

// readBase is a chunk's symbol base as readers get it: a value base whose
// codes 0..n-1 are ids 0..n-1 of incarnation inc of the chunk, so a SYMBOL
// column reads as the stored ids themselves. Entries are immutable; a
// grown base replaces its entry. The value base may hold more than n codes
// (a query interned other texts into a vector sharing it); only the first
// n are the chunk's.
type readBase struct {
	inc  uint64
	n    int
	base *value.SymbolBase
}

// symbolBase returns a value base in which the chunk's ids 0..m.nsyms are
// codes. A cached one is reused, or extended with the symbols committed
// since; otherwise the stored base is read (with it, at prefix p) once and
// cached for later reads.
func (s *Store) symbolBase(c ChunkID, m metaRec, it *pebble.Iterator, p []byte) (*value.SymbolBase, error) {
	want := m.nsyms + 1
	s.mu.Lock()
	rb := s.readBases[c]
	s.mu.Unlock()
	if rb != nil && rb.inc != m.incarnation {
		rb = nil
	}
	if rb != nil && rb.n >= want {
		return rb.base, nil
	}
	strs := s.cachedBase(c, m)
	if strs == nil {
		var err error
		if strs, err = readSymbols(it, p, m.nsyms); err != nil {
			return nil, err
		}
	}
	next := &readBase{inc: m.incarnation, n: want}
	if rb != nil && rb.base.AppendAt(rb.n, strs[rb.n:want]) {
		next.base = rb.base
	} else {
		next.base = value.NewSymbolBaseOf(strs[:want:want])
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if cur := s.readBases[c]; cur == nil || cur == rb || cur.inc != next.inc || cur.n < next.n {
		if cur != nil {
			s.readSyms -= cur.n
		}
		s.readBases[c] = next
		s.readSyms += next.n
		s.evictReadBases()
	}
	return next.base, nil
}

// evictReadBases drops cached read bases down to three quarters of
// maxCachedSymbols once they hold more. The caller holds s.mu.
func (s *Store) evictReadBases() {
	if s.readSyms <= maxCachedSymbols {
		return
	}
	for c, rb := range s.readBases {
		if s.readSyms <= maxCachedSymbols*3/4 {
			return
		}
		s.readSyms -= rb.n
		delete(s.readBases, c)
	}
}

// dropReadBases forgets the read bases of the chunks match accepts. The
// caller holds s.mu.
func (s *Store) dropReadBases(match func(ChunkID) bool) {
	for c, rb := range s.readBases {
		if match(c) {
			s.readSyms -= rb.n
			delete(s.readBases, c)
		}
	}
}
