package storage

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"github.com/cockroachdb/pebble/v2"
	"github.com/porpoisedb/porpoise/value"
)

// ChunkMeta describes a committed chunk.
type ChunkMeta struct {
	// Rows is the number of rows stored. For TSDB chunks with FIRST/LAST it
	// counts rows before duplicates across commits are removed, so
	// ReadChunk may return fewer.
	Rows int64
	// Cols is the largest column count ever appended to the chunk; the
	// engine compares it with an append's column count.
	Cols int
	// Blocks is the number of stored blocks.
	Blocks int
	// Symbols is the size of the chunk's symbol base (non-empty symbols).
	Symbols int
	// SortColumns and KeepDuplicates are the options of the last Append.
	SortColumns    []int
	KeepDuplicates KeepPolicy
}

// ChunkMeta returns the meta of chunk c and whether c exists.
func (s *Store) ChunkMeta(c ChunkID) (ChunkMeta, bool, error) {
	return s.chunkMeta(s.db, c)
}

// chunkMeta is ChunkMeta reading r (the store or a snapshot of it).
func (s *Store) chunkMeta(r pebble.Reader, c ChunkID) (ChunkMeta, bool, error) {
	if err := c.check(); err != nil {
		return ChunkMeta{}, false, err
	}
	var v []byte
	var ok bool
	err := s.shared(func() (err error) {
		v, ok, err = getFrom(r, metaKey(chunkPrefix(c)))
		return err
	})
	if err != nil || !ok {
		return ChunkMeta{}, false, err
	}
	m, err := decodeMeta(v)
	if err != nil {
		return ChunkMeta{}, false, err
	}
	return ChunkMeta{Rows: m.rows, Cols: m.cols, Blocks: int(m.blocks), Symbols: m.nsyms,
		SortColumns: m.sortCols, KeepDuplicates: m.keep}, true, nil
}

// ListChunks lists the partition paths of table's chunks in db, in byte
// order.
func (s *Store) ListChunks(db, table string) ([]string, error) {
	return s.listChunks(s.db, db, table)
}

// listChunks is ListChunks reading r (the store or a snapshot of it).
func (s *Store) listChunks(r pebble.Reader, db, table string) ([]string, error) {
	if err := s.acquire(); err != nil {
		return nil, err
	}
	defer s.closeMu.RUnlock()
	base := tableChunksPrefix(db, table)
	it, err := r.NewIter(&pebble.IterOptions{LowerBound: base, UpperBound: prefixEnd(base)})
	if err != nil {
		return nil, err
	}
	var out []string
	for ok := it.SeekGE(base); ok; {
		rest := it.Key()[len(base):]
		i := bytes.IndexByte(rest, 0)
		if i < 0 {
			ok = it.Next()
			continue
		}
		part := string(rest[:i])
		out = append(out, part)
		ok = it.SeekGE(append(append(bytes.Clone(base), part...), 1))
	}
	err = it.Error()
	if cerr := it.Close(); err == nil {
		err = cerr
	}
	return out, err
}

// readSymbols reads the symbol base of the chunk at prefix p (nsyms
// symbols) with it; the result starts with "" (id 0).
func readSymbols(it *pebble.Iterator, p []byte, nsyms int) ([]string, error) {
	base := make([]string, 1, nsyms+1)
	sp := append(bytes.Clone(p), 'S')
	for ok := it.SeekGE(sp); ok && bytes.HasPrefix(it.Key(), sp) && len(base) <= nsyms; ok = it.Next() {
		k := it.Key()[len(sp):]
		if len(k) != 4 || int(binary.BigEndian.Uint32(k)) != len(base) {
			return nil, fmt.Errorf("%w: symbol segment %x", errCorrupt, k)
		}
		val, err := it.ValueAndErr()
		if err != nil {
			return nil, err
		}
		seg := newColBuf(value.String, 0)
		if err := seg.decode(val, -1); err != nil {
			return nil, err
		}
		base = append(base, seg.v.Str...)
	}
	if err := it.Error(); err != nil {
		return nil, err
	}
	if len(base) <= nsyms {
		return nil, fmt.Errorf("%w: symbol base has %d of %d symbols", errCorrupt, len(base)-1, nsyms)
	}
	return base[:nsyms+1], nil
}

// cachedBase returns the first nsyms+1 entries of c's cached symbol base
// when the cache holds the same incarnation of the chunk, else nil.
func (s *Store) cachedBase(c ChunkID, m metaRec) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.chunks[c]
	if e == nil || !e.exists || !e.baseLoaded || e.m.incarnation != m.incarnation || len(e.base) <= m.nsyms {
		return nil
	}
	return e.base[: m.nsyms+1 : m.nsyms+1]
}

// ReadChunk reads the committed rows of chunk c. schema is the table's
// current column types (by position); cols picks the columns to return, in
// that order (nil: all of schema). OLAP chunks return blocks in commit
// order; TSDB chunks return rows sorted by the sort columns (stable: ties
// keep commit order) with keepDuplicates applied across commits. Columns a
// block lacks (written before the table gained them) read as NULL. A
// missing chunk reads as zero rows.
//
// SYMBOL columns come coded: their codes are the stored ids and their
// base is the chunk's symbol base, shared by every read of the chunk
// (see symbolBase), so a reader that groups, filters or sorts by them
// builds no string per row.
func (s *Store) ReadChunk(c ChunkID, cols []int, schema []value.Type) ([]*value.Vector, error) {
	return s.ReadChunkWith(c, cols, schema, ReadOptions{})
}

// ReadOptions let a reader that needs less than ReadChunk's rows skip
// work.
type ReadOptions struct {
	// Unordered lets a TSDB chunk that keeps every row (ALL) come back
	// in storage order, neither sorted nor reading sort columns cols do
	// not name: for a reader whose answer does not depend on row order.
	Unordered bool
}

// ReadChunkWith is ReadChunk with options.
func (s *Store) ReadChunkWith(c ChunkID, cols []int, schema []value.Type, opts ReadOptions) ([]*value.Vector, error) {
	return s.readChunk(s.db, c, cols, schema, opts)
}

// readChunk is ReadChunkWith reading r (the store or a snapshot of it).
func (s *Store) readChunk(r pebble.Reader, c ChunkID, cols []int, schema []value.Type, opts ReadOptions) ([]*value.Vector, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	if cols == nil {
		cols = make([]int, len(schema))
		for i := range cols {
			cols[i] = i
		}
	}
	for _, col := range cols {
		if col < 0 || col >= len(schema) {
			return nil, fmt.Errorf("storage: column %d out of range (schema has %d)", col, len(schema))
		}
		if !supported(schema[col]) {
			return nil, fmt.Errorf("storage: column %d: type %s cannot be stored", col, schema[col])
		}
	}
	if err := s.acquire(); err != nil {
		return nil, err
	}
	defer s.closeMu.RUnlock()
	p := chunkPrefix(c)
	it, err := r.NewIter(&pebble.IterOptions{LowerBound: p, UpperBound: prefixEnd(p)})
	if err != nil {
		return nil, err
	}
	defer it.Close()

	mk := metaKey(p)
	if !it.SeekGE(mk) || !bytes.Equal(it.Key(), mk) {
		if err := it.Error(); err != nil {
			return nil, err
		}
		out := make([]*value.Vector, len(cols))
		for i, col := range cols {
			out[i] = value.NewVector(schema[col], 0, 0)
		}
		return out, nil
	}
	mv, err := it.ValueAndErr()
	if err != nil {
		return nil, err
	}
	m, err := decodeMeta(mv)
	if err != nil {
		return nil, err
	}

	need := make([]*colBuf, len(schema))
	for _, col := range cols {
		if need[col] == nil {
			need[col] = newColBuf(schema[col], int(m.rows))
		}
	}
	unordered := opts.Unordered && m.keep == KeepAll
	var sortCols []int
	for _, sc := range m.sortCols {
		if unordered {
			break
		}
		if sc >= len(schema) || !sortable(schema[sc]) {
			return nil, fmt.Errorf("storage: sort column %d does not fit the schema", sc)
		}
		sortCols = append(sortCols, sc)
		if need[sc] == nil {
			need[sc] = newColBuf(schema[sc], int(m.rows))
		}
	}

	var syms *value.SymbolBase
	base := []string{""}
	for _, b := range need {
		if b != nil && b.sym {
			if syms, err = s.symbolBase(c, m, it, p); err != nil {
				return nil, err
			}
			base = syms.Strs()[:m.nsyms+1]
			break
		}
	}

	if err := readBlocks(it, p, need); err != nil {
		return nil, err
	}
	total, found := 0, false
	for _, b := range need {
		if b != nil {
			total, found = b.len(), true
			break
		}
	}
	if found && int64(total) != m.rows {
		return nil, fmt.Errorf("%w: chunk %s has %d rows, meta says %d", errCorrupt, c.Path(), total, m.rows)
	}
	for _, b := range need {
		if b != nil && b.sym {
			for _, id := range b.ids {
				if id < 0 || int(id) >= len(base) {
					return nil, fmt.Errorf("%w: symbol id %d of %d", errCorrupt, id, len(base))
				}
			}
		}
	}

	var perm []int32
	if len(sortCols) > 0 {
		keys := make([]sortCol, len(sortCols))
		for k, sc := range sortCols {
			b := need[sc]
			if b.sym {
				keys[k] = sortCol{ids: b.ids, sym: func(id int32) string { return base[id] }, nsym: len(base)}
			} else {
				keys[k] = sortCol{v: b.v}
			}
		}
		perm = sortRows(keys, total, m.keep).Permutation()
	}

	out := make([]*value.Vector, len(cols))
	done := make([]*value.Vector, len(schema))
	for i, col := range cols {
		if done[col] != nil {
			out[i] = done[col].Clone()
			continue
		}
		v := need[col].vector(perm, syms)
		out[i], done[col] = v, v
	}
	return out, nil
}

// readBlocks decodes every block of the chunk at prefix p into the
// non-nil entries of need, filling NULLs for columns a block lacks.
func readBlocks(it *pebble.Iterator, p []byte, need []*colBuf) error {
	bp := append(bytes.Clone(p), 'B')
	filled := make([]int, len(need)) // block number (1-based) that last filled the column
	block, rows, ncols := 0, 0, 0
	var seq []byte
	finish := func() error {
		if block == 0 {
			return nil
		}
		for col, b := range need {
			if b == nil || filled[col] == block {
				continue
			}
			if col < ncols {
				return fmt.Errorf("%w: block %x lacks column %d", errCorrupt, seq, col)
			}
			b.appendNulls(rows)
		}
		return nil
	}
	for ok := it.SeekGE(bp); ok; ok = it.Next() {
		k := it.Key()
		if !bytes.HasPrefix(k, bp) {
			break
		}
		k = k[len(bp):]
		switch len(k) {
		case 4: // block header
			if err := finish(); err != nil {
				return err
			}
			v, err := it.ValueAndErr()
			if err != nil {
				return err
			}
			block++
			seq = append(seq[:0], k...)
			if rows, ncols, err = parseBlockHeader(v); err != nil {
				return err
			}
		case 6: // column
			if block == 0 || !bytes.Equal(k[:4], seq) {
				return fmt.Errorf("%w: column without block header at %x", errCorrupt, k)
			}
			col := int(binary.BigEndian.Uint16(k[4:]))
			if col >= len(need) || need[col] == nil {
				continue
			}
			v, err := it.ValueAndErr()
			if err != nil {
				return err
			}
			if err := need[col].decode(v, rows); err != nil {
				return fmt.Errorf("block %x column %d: %w", seq, col, err)
			}
			filled[col] = block
		default:
			return fmt.Errorf("%w: block key %x", errCorrupt, k)
		}
	}
	if err := it.Error(); err != nil {
		return err
	}
	return finish()
}

func parseBlockHeader(v []byte) (rows, ncols int, err error) {
	if len(v) < 1 || v[0] != formatV1 {
		return 0, 0, errCorrupt
	}
	r, n := binary.Uvarint(v[1:])
	if n <= 0 {
		return 0, 0, errCorrupt
	}
	c, m := binary.Uvarint(v[1+n:])
	if m <= 0 || r > 1<<40 || c > 1<<16 {
		return 0, 0, errCorrupt
	}
	return int(r), int(c), nil
}

// vector returns the column as a Vector, rows reordered by perm (nil: as
// read); a SYMBOL column's ids, checked by the caller, become codes of
// syms.
func (b *colBuf) vector(perm []int32, syms *value.SymbolBase) *value.Vector {
	if b.sym {
		ids := b.ids
		if perm != nil {
			ids = gatherInto(nil, ids, perm)
		}
		return &value.Vector{T: b.t, I32: ids, Syms: syms}
	}
	v := b.v
	v.Scale = b.scale
	if perm != nil {
		v = gatherVec(v, perm)
	}
	return v
}
