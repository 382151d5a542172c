package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"github.com/porpoisedb/porpoise/ddberr"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/cockroachdb/pebble/v2"
	"github.com/cockroachdb/pebble/v2/sstable"
	"github.com/cockroachdb/pebble/v2/vfs"
)

// Options configures Open.
type Options struct {
	// Dir is the directory of the Pebble store (created if absent); it is
	// ignored when InMemory is set.
	Dir string
	// InMemory keeps everything in memory (pebble vfs.NewMem), for tests.
	InMemory bool
	// NoSync skips the fsync of each commit. By default every commit, drop
	// and catalog write is synced before it returns.
	NoSync bool
}

// ErrClosed is returned by operations on a closed Store.
var ErrClosed = errors.New("storage: store is closed")

// ErrFewerColumns is DolphinDB's text for an append to a chunk with fewer
// columns than an earlier write to it gave it.
var ErrFewerColumns error = ddberr.Errorf("The data to append contains fewer columns than the schema.")

// Store is one Pebble-backed store of dfs:// databases. It is safe for
// concurrent use; each Txn is used by one goroutine at a time.
type Store struct {
	db *pebble.DB
	wo *pebble.WriteOptions

	// closeMu is held shared by every operation that touches db and
	// exclusively by Close.
	closeMu sync.RWMutex
	closed  bool

	txnMu       sync.Mutex
	lastTxn     uint64 // last id handed out
	reservedTxn uint64 // persisted high-water mark: ids <= reservedTxn may be used

	// mu guards locks, lockCh, waiters, chunks, cachedSyms, readBases,
	// readSyms, snaps and the base slice headers of chunk entries.
	mu         sync.Mutex
	locks      map[ChunkID]*Txn
	lockCh     chan struct{} // closed and replaced when a lock is released while someone waits
	waiters    int
	chunks     map[ChunkID]*chunkEntry
	cachedSyms int
	// readBases are the symbol bases handed to readers (read_base.go);
	// readSyms counts their codes.
	readBases map[ChunkID]*readBase
	readSyms  int
	// snaps are the open snapshots, which Close closes.
	snaps map[*Snapshot]struct{}

	// cacheLimit is SetWriteCacheLimit's bound on memtable bytes (0: none).
	cacheLimit atomic.Int64
	// txns logs transactions for getTransactionStatus.
	txns txnLog
	// wcache records committed writes not yet flushed.
	wcache *writeCacheLog
}

// txnIDReserve is how many transaction ids one persisted reservation covers.
const txnIDReserve = 1024

// Cache bounds: above either, unlocked chunk entries are evicted.
const (
	maxCachedChunks  = 1024
	maxCachedSymbols = 8 << 20
)

// Memtable sizing: writes stall once memTableStopWrites memtables of
// memTableSize bytes wait to be flushed.
const (
	memTableSize       = 64 << 20
	memTableStopWrites = 4
)

type quietLogger struct{}

func (quietLogger) Infof(string, ...interface{})  {}
func (quietLogger) Errorf(string, ...interface{}) {}
func (quietLogger) Fatalf(format string, args ...interface{}) {
	panic(fmt.Sprintf("pebble: "+format, args...))
}

func pebbleOptions(inMemory bool) *pebble.Options {
	o := &pebble.Options{
		MemTableSize:                memTableSize,
		MemTableStopWritesThreshold: memTableStopWrites,
		L0CompactionThreshold:       4,
		L0StopWritesThreshold:       32,
		LBaseMaxBytes:               256 << 20,
		Logger:                      quietLogger{},
		FormatMajorVersion:          pebble.FormatNewest,
	}
	if inMemory {
		o.FS = vfs.NewMem()
	}
	for i := range o.Levels {
		o.Levels[i] = pebble.LevelOptions{
			BlockSize: 64 << 10,
			// values are LZ4 already
			Compression: func() *sstable.CompressionProfile { return sstable.NoCompression },
		}
		o.TargetFileSizes[i] = int64(16<<20) << min(i, 4)
	}
	return o
}

// Open opens (creating if needed) the store described by opts.
func Open(opts Options) (*Store, error) {
	if !opts.InMemory && opts.Dir == "" {
		return nil, errors.New("storage: Options.Dir is empty")
	}
	po := pebbleOptions(opts.InMemory)
	dir := opts.Dir
	if opts.InMemory {
		dir = ""
	}
	cache := pebble.NewCache(32 << 20)
	po.Cache = cache
	wcache := &writeCacheLog{}
	po.EventListener = &pebble.EventListener{FlushEnd: wcache.flushed}
	db, err := pebble.Open(dir, po)
	cache.Unref()
	if err != nil {
		return nil, fmt.Errorf("storage: open %q: %w", dir, err)
	}
	s := &Store{
		db:        db,
		wo:        pebble.Sync,
		locks:     make(map[ChunkID]*Txn),
		lockCh:    make(chan struct{}),
		chunks:    make(map[ChunkID]*chunkEntry),
		readBases: make(map[ChunkID]*readBase),
		snaps:     make(map[*Snapshot]struct{}),
		wcache:    wcache,
	}
	if opts.NoSync || opts.InMemory {
		s.wo = pebble.NoSync
	}
	v, ok, err := s.get(txnKey)
	if err != nil {
		_ = db.Close()
		return nil, err
	}
	if ok {
		if len(v) != 8 {
			_ = db.Close()
			return nil, errors.New("storage: corrupt transaction counter")
		}
		s.lastTxn = binary.BigEndian.Uint64(v)
		s.reservedTxn = s.lastTxn
	}
	return s, nil
}

// Close records the transaction counter and closes the store. Live
// transactions can no longer commit; their locks die with the Store.
func (s *Store) Close() error {
	s.closeMu.Lock()
	defer s.closeMu.Unlock()
	if s.closed {
		return ErrClosed
	}
	s.closed = true
	s.txnMu.Lock()
	var err error
	if s.lastTxn != s.reservedTxn {
		err = s.db.Set(txnKey, binary.BigEndian.AppendUint64(nil, s.lastTxn), s.wo)
	}
	s.txnMu.Unlock()
	s.closeSnapshots()
	if cerr := s.db.Close(); err == nil {
		err = cerr
	}
	return err
}

// acquire takes the shared close lock; the caller must call s.closeMu.RUnlock
// when it returns nil, in a defer: a panic between the two (Pebble panics on
// a closed snapshot) that someone recovers would otherwise leave the lock
// held, and Close would wait for it forever.
func (s *Store) acquire() error {
	s.closeMu.RLock()
	if s.closed {
		s.closeMu.RUnlock()
		return ErrClosed
	}
	return nil
}

// shared runs fn holding the shared close lock.
func (s *Store) shared(fn func() error) error {
	if err := s.acquire(); err != nil {
		return err
	}
	defer s.closeMu.RUnlock()
	return fn()
}

// get returns a copy of the value at key.
func (s *Store) get(key []byte) ([]byte, bool, error) {
	return getFrom(s.db, key)
}

// getFrom returns a copy of the value at key in r (the store or a
// snapshot of it).
func getFrom(r pebble.Reader, key []byte) ([]byte, bool, error) {
	v, closer, err := r.Get(key)
	if errors.Is(err, pebble.ErrNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	out := bytes.Clone(v)
	_ = closer.Close()
	return out, true, nil
}

// ---- keys ----

var txnKey = []byte("X\x00txn")

func checkName(kind, name string) error {
	if strings.IndexByte(name, 0) >= 0 {
		return fmt.Errorf("storage: %s name %q contains a NUL byte", kind, name)
	}
	return nil
}

// checkTable checks the names of database db and of its table.
func checkTable(db, table string) error {
	if err := checkName("database", db); err != nil {
		return err
	}
	return checkName("table", table)
}

func dbKey(db string) []byte { return append([]byte{'D'}, db...) }

func tablesPrefix(db string) []byte {
	k := append([]byte{'T'}, db...)
	return append(k, 0)
}

func tableKey(db, table string) []byte { return append(tablesPrefix(db), table...) }

func dbChunksPrefix(db string) []byte {
	k := append([]byte{'C'}, db...)
	return append(k, 0)
}

func tableChunksPrefix(db, table string) []byte {
	return append(append(dbChunksPrefix(db), table...), 0)
}

func chunkPrefix(c ChunkID) []byte {
	k := make([]byte, 0, 4+len(c.DB)+len(c.Table)+len(c.Partition)+8)
	k = append(k, 'C')
	k = append(k, c.DB...)
	k = append(k, 0)
	k = append(k, c.Table...)
	k = append(k, 0)
	k = append(k, c.Partition...)
	return append(k, 0)
}

// prefixEnd is the exclusive upper bound of keys starting with p, whose
// last byte is never 0xff here (a NUL separator or a tag letter).
func prefixEnd(p []byte) []byte {
	e := bytes.Clone(p)
	e[len(e)-1]++
	return e
}

func metaKey(p []byte) []byte { return append(bytes.Clone(p), 'M') }

func symKey(p []byte, first uint32) []byte {
	return binary.BigEndian.AppendUint32(append(bytes.Clone(p), 'S'), first)
}

func blockKey(p []byte, seq uint32) []byte {
	return binary.BigEndian.AppendUint32(append(bytes.Clone(p), 'B'), seq)
}

func colKey(p []byte, seq uint32, col int) []byte {
	return binary.BigEndian.AppendUint16(blockKey(p, seq), uint16(col))
}

// ---- catalog ----

func (s *Store) put(key, val []byte) error {
	if err := s.acquire(); err != nil {
		return err
	}
	defer s.closeMu.RUnlock()
	return s.db.Set(key, val, s.wo)
}

func (s *Store) getShared(key []byte) ([]byte, bool, error) {
	if err := s.acquire(); err != nil {
		return nil, false, err
	}
	defer s.closeMu.RUnlock()
	return s.get(key)
}

// listSuffixes returns, in byte order, the remainders of all keys that
// start with prefix.
func (s *Store) listSuffixes(prefix []byte) ([]string, error) {
	if err := s.acquire(); err != nil {
		return nil, err
	}
	defer s.closeMu.RUnlock()
	it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: prefix, UpperBound: prefixEnd(prefix)})
	if err != nil {
		return nil, err
	}
	var out []string
	for ok := it.First(); ok; ok = it.Next() {
		k := it.Key()
		if !bytes.HasPrefix(k, prefix) {
			break
		}
		out = append(out, string(k[len(prefix):]))
	}
	err = it.Error()
	if cerr := it.Close(); err == nil {
		err = cerr
	}
	return out, err
}

// PutDatabase stores (or replaces) the metadata blob of database path.
func (s *Store) PutDatabase(path string, meta []byte) error {
	if err := checkName("database", path); err != nil {
		return err
	}
	return s.put(dbKey(path), meta)
}

// GetDatabase returns the metadata blob of database path and whether it
// exists.
func (s *Store) GetDatabase(path string) ([]byte, bool, error) {
	return s.getShared(dbKey(path))
}

// ListDatabases lists the paths of all databases, sorted.
func (s *Store) ListDatabases() ([]string, error) {
	return s.listSuffixes([]byte{'D'})
}

// DropDatabase removes database path with all its tables and chunks in one
// atomic batch. It fails with a *LockError while a live transaction holds
// one of its chunks. Dropping a missing database is not an error.
func (s *Store) DropDatabase(path string) error {
	if err := checkName("database", path); err != nil {
		return err
	}
	return s.drop(func(c ChunkID) bool { return c.DB == path }, func(b *pebble.Batch) {
		_ = b.Delete(dbKey(path), nil)
		tp := tablesPrefix(path)
		_ = b.DeleteRange(tp, prefixEnd(tp), nil)
		cp := dbChunksPrefix(path)
		_ = b.DeleteRange(cp, prefixEnd(cp), nil)
	})
}

// PutTable stores (or replaces) the metadata blob of table name in db.
// Storage does not check that db exists.
func (s *Store) PutTable(db, name string, meta []byte) error {
	if err := checkTable(db, name); err != nil {
		return err
	}
	return s.put(tableKey(db, name), meta)
}

// GetTable returns the metadata blob of table name in db and whether it
// exists.
func (s *Store) GetTable(db, name string) ([]byte, bool, error) {
	return s.getShared(tableKey(db, name))
}

// ListTables lists the names of db's tables, sorted.
func (s *Store) ListTables(db string) ([]string, error) {
	return s.listSuffixes(tablesPrefix(db))
}

// DropTable removes table name of db and all its chunks in one atomic
// batch. It fails with a *LockError while a live transaction holds one of
// its chunks. Dropping a missing table is not an error.
func (s *Store) DropTable(db, name string) error {
	if err := checkName("table", name); err != nil {
		return err
	}
	return s.drop(func(c ChunkID) bool { return c.DB == db && c.Table == name }, func(b *pebble.Batch) {
		_ = b.Delete(tableKey(db, name), nil)
		cp := tableChunksPrefix(db, name)
		_ = b.DeleteRange(cp, prefixEnd(cp), nil)
	})
}

// DropChunk removes one chunk (its blocks, symbol base and meta). It fails
// with a *LockError while a live transaction holds the chunk. Dropping a
// missing chunk is not an error.
func (s *Store) DropChunk(c ChunkID) error {
	if err := c.check(); err != nil {
		return err
	}
	return s.drop(func(x ChunkID) bool { return x == c }, func(b *pebble.Batch) {
		p := chunkPrefix(c)
		_ = b.DeleteRange(p, prefixEnd(p), nil)
	})
}

// drop applies the deletions built by fill, holding s.mu throughout so that
// no transaction can lock (and load the state of) a chunk being removed.
func (s *Store) drop(match func(ChunkID) bool, fill func(*pebble.Batch)) error {
	if err := s.acquire(); err != nil {
		return err
	}
	defer s.closeMu.RUnlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	var conflict *LockError
	for c, holder := range s.locks {
		if match(c) && (conflict == nil || c.Path() < conflict.Path) {
			conflict = &LockError{Path: c.Path(), Txn: holder.id}
		}
	}
	if conflict != nil {
		return conflict
	}
	for c, e := range s.chunks {
		if match(c) {
			s.cachedSyms -= len(e.base)
			delete(s.chunks, c)
		}
	}
	s.dropReadBases(match)
	s.wcache.drop(match)
	b := s.db.NewBatch()
	defer b.Close()
	fill(b)
	return s.db.Apply(b, s.wo)
}

// ---- transaction ids ----

// nextTxnID hands out the next transaction id, persisting a new
// reservation when the current one is used up.
func (s *Store) nextTxnID() (int64, error) {
	if err := s.acquire(); err != nil {
		return 0, err
	}
	defer s.closeMu.RUnlock()
	s.txnMu.Lock()
	defer s.txnMu.Unlock()
	id := s.lastTxn + 1
	if id > s.reservedTxn {
		if err := s.db.Set(txnKey, binary.BigEndian.AppendUint64(nil, s.reservedTxn+txnIDReserve), pebble.Sync); err != nil {
			return 0, err
		}
		s.reservedTxn += txnIDReserve
	}
	s.lastTxn = id
	return int64(id), nil
}
