package storage

import (
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"github.com/porpoisedb/porpoise/ddberr"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/cockroachdb/pebble/v2"
	"github.com/porpoisedb/porpoise/value"
)

// ChunkID names one chunk: a partition of one table of one database.
// Partition is the partition path, such as "/20240101/Key1" ("" for an
// unpartitioned table).
type ChunkID struct {
	DB, Table, Partition string
}

// Path is the chunk path DolphinDB prints in lock errors:
// "/<db without dfs://><partition>/<table>", e.g. /test/20240101/Key1/OQ.
func (c ChunkID) Path() string {
	var b strings.Builder
	b.WriteByte('/')
	b.WriteString(strings.TrimPrefix(c.DB, "dfs://"))
	if c.Partition != "" && c.Partition[0] != '/' {
		b.WriteByte('/')
	}
	b.WriteString(c.Partition)
	b.WriteByte('/')
	b.WriteString(c.Table)
	return b.String()
}

func (c ChunkID) check() error {
	if c.DB == "" || c.Table == "" {
		return fmt.Errorf("storage: incomplete chunk id %+v", c)
	}
	if err := checkTable(c.DB, c.Table); err != nil {
		return err
	}
	return checkName("partition", c.Partition)
}

// LockError reports that a chunk is locked by another live transaction.
// Its text is DolphinDB's (S00002); callers add any prefix or RefId.
type LockError struct {
	Path string // ChunkID.Path of the chunk
	Txn  int64  // id of the holding transaction
}

// Error returns exactly: The openChunks operation failed because the chunk
// '<path>' is currently locked and in use by transaction <id>.
func (e *LockError) Error() string {
	return fmt.Sprintf("The openChunks operation failed because the chunk '%s' is currently locked and in use by transaction %d.", e.Path, e.Txn)
}

// MaxSymbols is the most distinct non-empty symbols one chunk's symbol base
// may hold.
const MaxSymbols = 2097152

// ErrSymbaseFull is returned by Append when a chunk's symbol base would
// exceed MaxSymbols (DolphinDB S00003).
var ErrSymbaseFull error = ddberr.Errorf("One symbase's size can't exceed 2097152.")

// ErrTxnDone is returned when a committed or rolled-back Txn is used.
var ErrTxnDone = errors.New("storage: transaction already committed or rolled back")

// maxBlockRows is the most rows one stored block holds; larger appends are
// split (after sorting) into several blocks.
const maxBlockRows = 256 << 10

// ChunkOptions describe how a table's chunks are organised; pass the same
// options on every Append to a table.
type ChunkOptions struct {
	// SortColumns are the TSDB sort columns (positions in the appended
	// columns, most significant first); nil means OLAP: insertion order.
	SortColumns []int
	// KeepDuplicates applies to rows with equal values in all sort columns.
	KeepDuplicates KeepPolicy
}

// metaRec is the persisted chunk meta.
type metaRec struct {
	rows        int64
	cols        int
	blocks      uint32
	nsyms       int
	incarnation uint64 // id of the transaction that created the chunk
	sortCols    []int
	keep        KeepPolicy
}

func (m *metaRec) encode() []byte {
	b := []byte{formatV1}
	b = binary.AppendUvarint(b, uint64(m.rows))
	b = binary.AppendUvarint(b, uint64(m.cols))
	b = binary.AppendUvarint(b, uint64(m.blocks))
	b = binary.AppendUvarint(b, uint64(m.nsyms))
	b = binary.AppendUvarint(b, m.incarnation)
	b = append(b, byte(m.keep))
	b = binary.AppendUvarint(b, uint64(len(m.sortCols)))
	for _, c := range m.sortCols {
		b = binary.AppendUvarint(b, uint64(c))
	}
	return b
}

func decodeMeta(b []byte) (metaRec, error) {
	var m metaRec
	bad := errors.New("storage: corrupt chunk meta")
	if len(b) < 1 || b[0] != formatV1 {
		return m, bad
	}
	b = b[1:]
	ok := true
	next := func() uint64 {
		x, n := binary.Uvarint(b)
		if n <= 0 {
			ok = false
			return 0
		}
		b = b[n:]
		return x
	}
	m.rows = int64(next())
	m.cols = int(next())
	m.blocks = uint32(next())
	m.nsyms = int(next())
	m.incarnation = next()
	if !ok || len(b) < 1 {
		return m, bad
	}
	m.keep = KeepPolicy(b[0])
	b = b[1:]
	ns := next()
	if ns > 1024 {
		return m, bad
	}
	for range ns {
		m.sortCols = append(m.sortCols, int(next()))
	}
	if !ok {
		return m, bad
	}
	return m, nil
}

// chunkEntry is the cached write state of a chunk. Only the transaction
// holding the chunk's lock changes it: m, exists, baseLoaded and base's
// slice header under Store.mu (readers look at them, taking prefixes of
// base), index without (only the holder uses it).
type chunkEntry struct {
	m          metaRec
	exists     bool
	base       []string // base[0] == "" (NULL); ids index it
	baseLoaded bool
	index      map[string]int32
}

// Txn is a write transaction. It is used by one goroutine at a time and
// ends with Commit or Rollback.
type Txn struct {
	s      *Store
	id     int64
	err    error // sticky: Begin failed or an Append left the batch unusable
	done   bool
	batch  *pebble.Batch
	bmu    sync.Mutex // guards batch during parallel encoding
	chunks map[ChunkID]*txnChunk
	order  []*txnChunk
	locked []ChunkID
	// catalog holds the catalog blobs (database schemes, table schemas)
	// written with the data, by Pebble key.
	catalog map[string][]byte
	// kind is what the transaction wrote, for the transaction log.
	kind      TxnKind
	committed bool
}

type txnChunk struct {
	id       ChunkID
	prefix   []byte
	e        *chunkEntry
	m        metaRec
	newSyms  []string
	newIndex map[string]int32
	arena    []byte // backing store of newSyms (see intern)
	dirty    bool   // blocks were written
}

// Begin starts a transaction with a new id.
func (s *Store) Begin() *Txn {
	t := s.BeginUnlisted()
	if t.err == nil {
		s.txns.begin(t.id)
	}
	return t
}

// BeginUnlisted starts a transaction that Transactions does not list:
// one writing the server's own state kept beside the databases (the rows
// of persisted stream tables), which is no database transaction.
func (s *Store) BeginUnlisted() *Txn {
	t := &Txn{s: s, chunks: make(map[ChunkID]*txnChunk)}
	t.id, t.err = s.nextTxnID()
	return t
}

// ID is the transaction id (increasing across restarts).
func (t *Txn) ID() int64 { return t.id }

func (t *Txn) usable() error {
	if t.done {
		return ErrTxnDone
	}
	return t.err
}

// tryLock takes c for t, or returns the holder's *LockError. Caller holds s.mu.
func (t *Txn) tryLock(c ChunkID) error {
	s := t.s
	switch h := s.locks[c]; h {
	case t:
		return nil
	case nil:
		s.locks[c] = t
		t.locked = append(t.locked, c)
		return nil
	default:
		return &LockError{Path: c.Path(), Txn: h.id}
	}
}

// checkLockOrder panics when t is about to wait for c while holding a
// chunk that sorts after it (by database, table, then partition path).
// Lock fails at once instead of waiting, so only waits can deadlock, and
// writers that wait take chunks in that order so that two of them can't
// each wait for a chunk the other holds.
func (t *Txn) checkLockOrder(c ChunkID) {
	for _, h := range t.locked {
		if cmp.Or(strings.Compare(c.DB, h.DB), strings.Compare(c.Table, h.Table), strings.Compare(c.Partition, h.Partition)) < 0 {
			panic(fmt.Sprintf("invariant: waiting for chunk %s while holding %s", c.Path(), h.Path()))
		}
	}
}

// Lock takes chunk c for the transaction (TRANS mode). It fails at once
// with a *LockError if another live transaction holds c. Locking a chunk
// twice is a no-op; locks are released by Commit or Rollback.
func (t *Txn) Lock(c ChunkID) error {
	if err := t.usable(); err != nil {
		return err
	}
	if err := c.check(); err != nil {
		return err
	}
	t.s.mu.Lock()
	defer t.s.mu.Unlock()
	return t.tryLock(c)
}

// LockWait takes chunk c for the transaction (CHUNK mode), waiting while
// another transaction holds it. If ctx ends first it returns the
// *LockError naming the holder at that moment.
func (t *Txn) LockWait(ctx context.Context, c ChunkID) error {
	if err := t.usable(); err != nil {
		return err
	}
	if err := c.check(); err != nil {
		return err
	}
	if value.Invariants {
		t.checkLockOrder(c)
	}
	s := t.s
	s.mu.Lock()
	for {
		err := t.tryLock(c)
		if err == nil {
			s.mu.Unlock()
			return nil
		}
		ch := s.lockCh
		s.waiters++
		s.mu.Unlock()
		select {
		case <-ch:
			s.mu.Lock()
			s.waiters--
		case <-ctx.Done():
			s.mu.Lock()
			s.waiters--
			s.mu.Unlock()
			return err
		}
	}
}

// chunk returns the transaction's state of c, loading the chunk's committed
// state on first use. c must be locked by t.
func (t *Txn) chunk(c ChunkID) (*txnChunk, error) {
	if tc := t.chunks[c]; tc != nil {
		return tc, nil
	}
	s := t.s
	s.mu.Lock()
	e := s.chunks[c]
	s.mu.Unlock()
	p := chunkPrefix(c)
	if e == nil {
		// We hold the lock, so no commit to c can be in flight and no drop
		// can remove it: what we read is c's latest state.
		e = &chunkEntry{base: []string{""}}
		var v []byte
		var ok bool
		err := s.shared(func() (err error) {
			v, ok, err = s.get(metaKey(p))
			return err
		})
		if err != nil {
			return nil, err
		}
		if ok {
			if e.m, err = decodeMeta(v); err != nil {
				return nil, err
			}
			e.exists = true
		}
		if e.m.nsyms == 0 {
			e.baseLoaded = true
		}
		s.mu.Lock()
		s.chunks[c] = e
		s.cachedSyms++
		s.mu.Unlock()
	}
	tc := &txnChunk{id: c, prefix: p, e: e, m: e.m}
	tc.m.sortCols = append([]int(nil), e.m.sortCols...)
	if !e.exists {
		tc.m.incarnation = uint64(t.id)
	}
	t.chunks[c] = tc
	t.order = append(t.order, tc)
	return tc, nil
}

// loadSymbols makes e.base and e.index complete. The caller holds c's lock.
func (t *Txn) loadSymbols(tc *txnChunk) error {
	e := tc.e
	if !e.baseLoaded {
		s := t.s
		var base []string
		err := s.shared(func() error {
			it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: tc.prefix, UpperBound: prefixEnd(tc.prefix)})
			if err != nil {
				return err
			}
			base, err = readSymbols(it, tc.prefix, e.m.nsyms)
			if cerr := it.Close(); err == nil {
				err = cerr
			}
			return err
		})
		if err != nil {
			return err
		}
		s.mu.Lock()
		s.cachedSyms += len(base) - len(e.base)
		e.base = base
		e.baseLoaded = true
		s.mu.Unlock()
	}
	if e.index == nil {
		e.index = make(map[string]int32, len(e.base))
		for i, sym := range e.base[1:] {
			e.index[sym] = int32(i + 1)
		}
	}
	if tc.newIndex == nil {
		tc.newIndex = make(map[string]int32)
	}
	return nil
}

// mapSymbols turns SYMBOL strings into ids of tc's chunk, adding new
// symbols to the transaction's pending part of the base (in order of first
// appearance): the strings are dictionary-encoded (in parallel for large
// columns), then each distinct symbol is looked up once.
func (tc *txnChunk) mapSymbols(strs []string) ([]int32, error) {
	return tc.mapCodes(EncodeSymbols(strs))
}

// symbolID is s's id in the chunk's base, adding s to the transaction's
// pending symbols when it is new.
func (tc *txnChunk) symbolID(s string) (int32, error) {
	e := tc.e
	if id, ok := e.index[s]; ok {
		return id, nil
	}
	if id, ok := tc.newIndex[s]; ok {
		return id, nil
	}
	if len(e.base)-1+len(tc.newSyms) >= MaxSymbols {
		return 0, ErrSymbaseFull
	}
	id := int32(len(e.base) + len(tc.newSyms))
	s = tc.intern(s)
	tc.newSyms = append(tc.newSyms, s)
	if tc.newIndex == nil {
		tc.newIndex = make(map[string]int32)
	}
	tc.newIndex[s] = id
	return id, nil
}

// Size of localDict's pointer cache.
const (
	symCacheBits = 13
	symCacheSize = 1 << symCacheBits
)

// localDict writes into out, for each string, 0 for "" or 1 + its index in
// the returned list of distinct non-empty strings (first-appearance order).
func localDict(strs []string, out []int32) []string {
	return localDictAt(strs, out, nil)
}

// localDictAt is localDict writing string i's id to out[pos[i]] (skipping
// negative pos); nil pos means out[i].
func localDictAt(strs []string, out []int32, pos []int32) []string {
	set := func(i int, id int32) {
		if pos == nil {
			out[i] = id
		} else if p := pos[i]; p >= 0 {
			out[p] = id
		}
	}
	// Columns built from a set of string values repeat the same string
	// headers: a small 2-way cache keyed by the data pointer skips the map.
	type slot struct {
		p  *byte
		n  int
		id int32
	}
	var cache []slot
	if len(strs) >= 4*symCacheSize {
		cache = make([]slot, symCacheSize)
	}
	m := make(map[string]int32)
	var dict []string
	prev, prevID := "", int32(0)
	for i, s := range strs {
		p := unsafe.StringData(s)
		if len(s) == len(prev) && p == unsafe.StringData(prev) {
			set(i, prevID)
			continue
		}
		if s == "" {
			set(i, 0)
			prev, prevID = s, 0
			continue
		}
		var sl *slot
		if cache != nil {
			h := (uint64(uintptr(unsafe.Pointer(p))) * 0x9E3779B97F4A7C15) >> (64 - symCacheBits) &^ 1
			if c := &cache[h]; c.p == p && c.n == len(s) {
				set(i, c.id)
				prev, prevID = s, c.id
				continue
			}
			if c := &cache[h+1]; c.p == p && c.n == len(s) {
				set(i, c.id)
				prev, prevID = s, c.id
				continue
			}
			// miss: refill one of the two ways (picked by row parity)
			sl = &cache[h+uint64(i&1)]
		}
		if s == prev { // equal text in another string header
			set(i, prevID)
			continue
		}
		id, ok := m[s]
		if !ok {
			dict = append(dict, s)
			id = int32(len(dict))
			m[s] = id
		}
		set(i, id)
		if sl != nil {
			*sl = slot{unsafe.StringData(s), len(s), id}
		}
		prev, prevID = s, id
	}
	return dict
}

// intern copies a new symbol out of the caller's memory, into 64 KB arenas
// shared by many symbols.
func (tc *txnChunk) intern(s string) string {
	const arenaSize = 64 << 10
	if len(s) > arenaSize/16 {
		return strings.Clone(s)
	}
	if cap(tc.arena)-len(tc.arena) < len(s) {
		tc.arena = make([]byte, 0, arenaSize)
	}
	start := len(tc.arena)
	tc.arena = append(tc.arena, s...)
	return unsafe.String(&tc.arena[start], len(s))
}

func (tc *txnChunk) undoSymbols(mark int) {
	if mark == 0 {
		tc.newIndex = make(map[string]int32)
	} else {
		for _, s := range tc.newSyms[mark:] {
			delete(tc.newIndex, s)
		}
	}
	clear(tc.newSyms[mark:])
	tc.newSyms = tc.newSyms[:mark]
}

func (tc *txnChunk) symbol(id int32) string {
	if int(id) < len(tc.e.base) {
		return tc.e.base[id]
	}
	return tc.newSyms[int(id)-len(tc.e.base)]
}

// Append adds rows to chunk c: cols are the columns in schema order (all of
// equal length; fewer than the schema's when the table has since gained
// columns), names their names. Append locks c if t does not hold it yet
// (failing with a *LockError if another transaction does), maps SYMBOL
// columns into the chunk's symbol base, sorts the rows when
// opts.SortColumns is set, and encodes them into the transaction; nothing
// is visible before Commit. Append does not retain cols. A column keeps
// its type across appends (the engine converts first): ReadChunk refuses a
// block whose stored type differs in representation from the schema's.
// On error the transaction is as before the call (except for the lock),
// unless the error is from Pebble, after which only Rollback is useful.
func (t *Txn) Append(c ChunkID, names []string, cols []*value.Vector, opts ChunkOptions) error {
	return t.AppendCoded(c, names, cols, nil, opts)
}

// startWrite checks that the transaction is usable for a write of cols
// to chunk c (op, Append or Replace, names it in errors) and records the
// kind of write in the transaction log's entry.
func (t *Txn) startWrite(kind TxnKind, c ChunkID, cols []*value.Vector, op string) error {
	if err := t.usable(); err != nil {
		return err
	}
	t.kind |= kind
	if err := c.check(); err != nil {
		return err
	}
	if len(cols) == 0 {
		return fmt.Errorf("storage: %s without columns", op)
	}
	return nil
}

// AppendCoded is Append with some SYMBOL columns given pre-encoded: where
// codes[i] is not nil, column i is SYMBOL with those rows and cols[i] is
// ignored (it may be nil). codes may be nil or shorter than cols.
func (t *Txn) AppendCoded(c ChunkID, names []string, cols []*value.Vector, codes []*SymbolCodes, opts ChunkOptions) error {
	if err := t.startWrite(TxnAppend, c, cols, "Append"); err != nil {
		return err
	}
	if names != nil && len(names) != len(cols) {
		return fmt.Errorf("storage: %d names for %d columns", len(names), len(cols))
	}
	if len(cols) > 1<<16 {
		return errors.New("storage: too many columns")
	}
	if len(codes) > len(cols) {
		return fmt.Errorf("storage: %d symbol codes for %d columns", len(codes), len(cols))
	}
	coded := func(i int) *SymbolCodes {
		if i < len(codes) {
			return codes[i]
		}
		return nil
	}
	typeOf := func(i int) value.Type {
		if coded(i) != nil {
			return value.Symbol
		}
		return cols[i].T
	}
	n := -1
	for i, v := range cols {
		rows := 0
		if cd := coded(i); cd != nil {
			rows = len(cd.IDs)
		} else {
			if v == nil || !supported(v.T) {
				typ := value.Void
				if v != nil {
					typ = v.T
				}
				return fmt.Errorf("storage: column %d: type %s cannot be stored", i, typ)
			}
			rows = v.Len()
		}
		if n < 0 {
			n = rows
		} else if rows != n {
			return fmt.Errorf("storage: column %d has %d rows, column 0 has %d", i, rows, n)
		}
	}
	for _, sc := range opts.SortColumns {
		if sc < 0 || sc >= len(cols) || !sortable(typeOf(sc)) {
			return fmt.Errorf("storage: invalid sort column %d", sc)
		}
	}
	if opts.KeepDuplicates > KeepLast {
		return fmt.Errorf("storage: invalid keepDuplicates %d", opts.KeepDuplicates)
	}
	if err := t.Lock(c); err != nil {
		return err
	}
	if n == 0 {
		return nil
	}
	if t.batch == nil {
		// Guess the encoded size (half the raw size) so that a large
		// append rarely regrows the batch.
		raw := 0
		for i := range cols {
			typ := typeOf(i)
			if w := elemBytes(typ.Elem()); w > 0 && typ != value.Symbol {
				raw += n * w
			} else {
				raw += n * 4
			}
		}
		t.batch = t.s.db.NewBatchWithSize(min(raw/2, 1<<30) + 1024)
	}
	tc, err := t.chunk(c)
	if err != nil {
		return err
	}
	// Checked here, under c's lock, so that no write committed between a
	// caller's look at the meta and this append can widen the chunk.
	if len(cols) < tc.m.cols {
		return ErrFewerColumns
	}

	// SYMBOL columns -> ids into the chunk's base.
	mark := len(tc.newSyms)
	ids := make([][]int32, len(cols))
	for i := range cols {
		if typeOf(i) != value.Symbol {
			continue
		}
		if err := t.loadSymbols(tc); err != nil {
			return err
		}
		if cd := coded(i); cd != nil {
			ids[i], err = tc.mapCodes(cd)
		} else {
			ids[i], err = tc.mapSymbols(cols[i].Strings())
		}
		if err != nil {
			tc.undoSymbols(mark)
			return err
		}
		if value.Invariants {
			value.CheckCodes(ids[i], len(tc.e.base)-1+len(tc.newSyms))
		}
	}

	rows, err := t.writeBlocks(tc, names, cols, ids, opts, n)
	if err != nil {
		t.err = err // the batch may hold part of the blocks
		return err
	}
	tc.m.rows += int64(rows)
	tc.m.cols = max(tc.m.cols, len(cols))
	tc.m.blocks += uint32((rows + maxBlockRows - 1) / maxBlockRows)
	tc.m.sortCols = append(tc.m.sortCols[:0], opts.SortColumns...)
	tc.m.keep = opts.KeepDuplicates
	tc.dirty = true
	return nil
}

// parallel runs f(0..n-1) on up to GOMAXPROCS goroutines.
// A panic in a worker is re-raised in the caller's goroutine once all
// workers stopped, where the server's per-request recovery catches it: a
// panic left in a worker goroutine would end the process.
func parallel(n int, f func(int)) {
	var next atomic.Int64
	var failed atomic.Pointer[any]
	work := func() {
		defer func() {
			if r := recover(); r != nil {
				failed.CompareAndSwap(nil, &r)
			}
		}()
		for failed.Load() == nil {
			k := int(next.Add(1) - 1)
			if k >= n {
				return
			}
			f(k)
		}
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
	if r := failed.Load(); r != nil {
		panic(*r)
	}
}

// writeBlocks cuts n rows of cols (ids for SYMBOL columns) into segments
// of maxBlockRows rows and writes segment g as block tc.m.blocks+g into the
// batch, segments in parallel. With sort columns the whole append is
// sorted (and deduplicated) once before it is cut, so its blocks follow
// each other in key order: a chunk written by one append reads back
// already sorted and ReadChunk's order check skips the sort. It returns
// the number of rows written.
func (t *Txn) writeBlocks(tc *txnChunk, names []string, cols []*value.Vector, ids [][]int32, opts ChunkOptions, n int) (int, error) {
	tsdb := len(opts.SortColumns) > 0
	// Constant columns (such as the partitioning column) need no
	// reordering: any m of their rows are the same.
	konst := make([]bool, len(cols))
	if tsdb && n > 1 {
		for i, v := range cols {
			konst[i] = ids[i] == nil && constant(v)
		}
	}
	var names0 []byte
	names0 = binary.AppendUvarint(names0, uint64(len(cols)))
	for i := range cols {
		name := ""
		if names != nil {
			name = names[i]
		}
		names0 = binary.AppendUvarint(names0, uint64(len(name)))
		names0 = append(names0, name...)
	}
	nsym := len(tc.e.base) + len(tc.newSyms)
	var local []int32 // rows' places within their block, when not yet in place
	if tsdb {
		keys := make([]sortCol, len(opts.SortColumns))
		for k, sc := range opts.SortColumns {
			if ids[sc] != nil {
				keys[k] = sortCol{ids: ids[sc], sym: tc.symbol, nsym: nsym}
			} else {
				keys[k] = sortCol{v: cols[sc]}
			}
		}
		ord := sortRows(keys, n, opts.KeepDuplicates)
		if ord.Inv != nil && n > maxBlockRows {
			// A counting pass's destinations span the whole append, and a
			// scatter straight there writes all over every column. Rows
			// go to their block's run first (one sequential stream per
			// block), then each block puts its rows in place in cache as
			// it is encoded.
			ord.Inv, local = splitByBlock(ord.Inv)
		}
		if !ord.Identity() {
			// Reorder each column once, columns in parallel: a counting
			// pass's scatter streams into few sequential runs, where a
			// gather per segment would read the whole column at random.
			sorted := make([]*value.Vector, len(cols))
			sortedIDs := make([][]int32, len(cols))
			parallel(len(cols), func(i int) {
				switch {
				case ids[i] != nil:
					sortedIDs[i] = reorderInto(nil, ids[i], ord)
				case konst[i]:
					sorted[i] = cols[i]
				default:
					sorted[i] = (&encoder{}).reordered(cols[i], ord)
				}
			})
			cols, ids = sorted, sortedIDs
			n = ord.Rows(n)
		}
	}
	nseg := (n + maxBlockRows - 1) / maxBlockRows
	segRows := make([]int, nseg)
	errs := make([]error, nseg)
	set := func(key, val []byte) error {
		t.bmu.Lock()
		defer t.bmu.Unlock()
		return t.batch.Set(key, val, nil)
	}
	segment := func(g int) {
		lo, hi := g*maxBlockRows, min(n, (g+1)*maxBlockRows)
		e := encoderPool.Get().(*encoder)
		defer func() {
			e.release()
			encoderPool.Put(e)
		}()
		m := hi - lo
		segRows[g] = m
		seq := tc.m.blocks + uint32(g)
		hdr := binary.AppendUvarint([]byte{formatV1}, uint64(m))
		if err := set(blockKey(tc.prefix, seq), append(hdr, names0...)); err != nil {
			errs[g] = err
			return
		}
		for i, v := range cols {
			var val []byte
			switch {
			case ids[i] != nil:
				seg := ids[i][lo:hi]
				if local != nil {
					e.ids = reorderInto(e.ids, seg, order{Inv: local[lo:hi]})
					seg = e.ids
				}
				val = e.encodeIDs(seg)
			case konst[i]:
				val = e.encodeVector(v.Slice(0, m))
			case local != nil:
				val = e.encodeVector(e.reordered(v.Slice(lo, hi), order{Inv: local[lo:hi]}))
			default:
				val = e.encodeVector(v.Slice(lo, hi))
			}
			if err := set(colKey(tc.prefix, seq, i), val); err != nil {
				errs[g] = err
				return
			}
		}
	}
	if n*len(cols) < 1<<16 {
		for g := range nseg {
			segment(g)
		}
	} else {
		parallel(nseg, segment)
	}
	rows := 0
	for g, m := range segRows {
		if errs[g] != nil {
			return 0, errs[g]
		}
		rows += m
	}
	return rows, nil
}

// splitByBlock splits row destinations (inv) into two scatters: to the
// run of the block of maxBlockRows rows each row lands in, in input order
// (first), then within that block to the row's place (local, indexed by
// the first scatter's output).
func splitByBlock(inv []int32) (first, local []int32) {
	next := make([]int32, (len(inv)+maxBlockRows-1)/maxBlockRows)
	for g := range next {
		next[g] = int32(g * maxBlockRows)
	}
	first = make([]int32, len(inv))
	local = make([]int32, len(inv))
	for j, d := range inv {
		g := d / maxBlockRows
		p := next[g]
		next[g]++
		first[j] = p
		local[p] = d - g*maxBlockRows
	}
	return first, local
}

// Commit writes everything the transaction appended, with each touched
// chunk's meta and new symbols, as one atomic Pebble batch (synced unless
// Options.NoSync), then releases the locks. On error nothing was written.
func (t *Txn) Commit() error {
	if t.done {
		return ErrTxnDone
	}
	t.done = true
	defer t.release()
	if t.err != nil {
		return t.err
	}
	dirty, err := t.prepare()
	if err != nil || len(dirty) == 0 && len(t.catalog) == 0 {
		t.committed = err == nil
		return err
	}
	s := t.s
	oldRows := make([]int64, len(dirty))
	for i, tc := range dirty {
		oldRows[i] = tc.e.m.rows
	}
	err = s.shared(func() error {
		if err := s.db.Apply(t.batch, s.wo); err != nil {
			return err
		}
		t.committed = true
		t.recordCached(dirty, oldRows)
		s.flushIfOverLimit()
		return nil
	})
	if err != nil {
		return err
	}
	// Publish the new state while still holding the locks.
	for _, tc := range dirty {
		if len(tc.newSyms) == 0 {
			continue
		}
		if len(tc.e.index) == 0 {
			tc.e.index = tc.newIndex
		} else {
			for sym, id := range tc.newIndex {
				tc.e.index[sym] = id
			}
		}
	}
	s.mu.Lock()
	for _, tc := range dirty {
		tc.e.m = tc.m
		tc.e.exists = true
		if len(tc.newSyms) > 0 {
			tc.e.base = append(tc.e.base, tc.newSyms...)
			s.cachedSyms += len(tc.newSyms)
		}
	}
	s.mu.Unlock()
	return nil
}

// prepare adds the meta and new symbols of every chunk the transaction
// wrote to the batch and returns those chunks.
func (t *Txn) prepare() ([]*txnChunk, error) {
	var dirty []*txnChunk
	for _, tc := range t.order {
		if tc.dirty {
			dirty = append(dirty, tc)
		}
	}
	if len(t.catalog) > 0 && t.batch == nil {
		t.batch = t.s.db.NewBatch()
	}
	for key, meta := range t.catalog {
		if err := t.batch.Set([]byte(key), meta, nil); err != nil {
			return nil, err
		}
	}
	if len(dirty) == 0 {
		return nil, nil
	}
	e := encoderPool.Get().(*encoder)
	defer encoderPool.Put(e)
	for _, tc := range dirty {
		if len(tc.newSyms) > 0 {
			seg := e.encodeVector(value.NewStrings(value.String, tc.newSyms))
			if err := t.batch.Set(symKey(tc.prefix, uint32(len(tc.e.base))), seg, nil); err != nil {
				return nil, err
			}
			tc.m.nsyms += len(tc.newSyms)
		}
		if err := t.batch.Set(metaKey(tc.prefix), tc.m.encode(), nil); err != nil {
			return nil, err
		}
	}
	return dirty, nil
}

// PutDatabase stores (or replaces) the metadata blob of database path in
// the transaction's batch, so that a catalog change an append depends on
// (a VALUE partition it adds) commits with the append or not at all.
func (t *Txn) PutDatabase(path string, meta []byte) error {
	if err := checkName("database", path); err != nil {
		return err
	}
	return t.putCatalog(dbKey(path), meta)
}

// PutTable stores (or replaces) the metadata blob of table name in db in
// the transaction's batch, so that a schema change and the chunk rewrites
// it needs (replaceColumn!, dropColumns!) commit together or not at all:
// no reader and no restart sees the new data under the old schema.
func (t *Txn) PutTable(db, name string, meta []byte) error {
	if err := checkTable(db, name); err != nil {
		return err
	}
	return t.putCatalog(tableKey(db, name), meta)
}

func (t *Txn) putCatalog(key, meta []byte) error {
	if err := t.usable(); err != nil {
		return err
	}
	if t.catalog == nil {
		t.catalog = map[string][]byte{}
	}
	t.catalog[string(key)] = meta
	return nil
}

// Rollback discards the transaction and releases its locks. It is a no-op
// after Commit or Rollback.
func (t *Txn) Rollback() {
	if t.done {
		return
	}
	t.done = true
	t.release()
}

// release frees the batch and the locks and trims the chunk cache.
func (t *Txn) release() {
	t.s.txns.end(t, t.committed)
	if t.batch != nil {
		_ = t.batch.Close()
		t.batch = nil
	}
	s := t.s
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range t.locked {
		if s.locks[c] == t {
			delete(s.locks, c)
		}
	}
	t.locked = nil
	if s.waiters > 0 {
		close(s.lockCh)
		s.lockCh = make(chan struct{})
	}
	if len(s.chunks) > maxCachedChunks || s.cachedSyms > maxCachedSymbols {
		for c, e := range s.chunks {
			if len(s.chunks) <= maxCachedChunks*3/4 && s.cachedSyms <= maxCachedSymbols*3/4 {
				break
			}
			if s.locks[c] == nil {
				s.cachedSyms -= len(e.base)
				delete(s.chunks, c)
			}
		}
	}
}
