// Package storage persists dfs:// databases in Pebble: catalog, per-partition chunks of LZ4-compressed columnar blocks, symbol bases, and transactions.
//
// # Model
//
// The engine owns everything semantic (schemes, schemas, partition mapping,
// type conversion, length limits); storage keeps bytes safe. A database and
// a table are opaque metadata blobs the engine encodes. A chunk is one
// (database, table, partition path) triple, ChunkID; the engine maps rows to
// partitions and hands storage one row set per chunk.
//
// A chunk holds a sequence of blocks. Each Txn.Append of n rows becomes one
// or more blocks (at most maxBlockRows rows each); each block stores every
// column it was given as one value: a small header (format, type, encoding,
// rows, decimal scale, raw length) followed by the typed slice in little
// endian (bulk memory copies), LZ4 block-compressed. 32/64-bit integer
// columns are delta-encoded first when a sample shows that compresses
// better (sorted timestamps); payloads whose sample does not compress are
// stored raw. STRING and BLOB are stored as uint32 lengths followed by the
// bytes; SYMBOL as int32 ids into the chunk's symbol base; array vectors as
// int64 end offsets followed by the flattened elements. Blocks of one
// Append are encoded in parallel.
//
// Every chunk has ONE symbol base shared by all its SYMBOL columns. Id 0 is
// the empty string (NULL) and is never stored; ids 1.. are assigned in order
// of first appearance and the base is persisted incrementally: the symbols a
// transaction adds to a chunk are written as one segment in the same batch
// as the blocks that use them. A chunk may hold at most MaxSymbols distinct
// non-empty symbols; exceeding it fails the Append with ErrSymbaseFull and
// leaves the transaction as it was before the call. Reads hand SYMBOL
// columns over coded: the stored ids are codes of a value.SymbolBase made
// from the chunk's base, cached per chunk incarnation (read_base.go) and
// extended in place as commits add symbols, so readers share it.
//
// OLAP chunks (ChunkOptions.SortColumns nil) read back in write order: blocks
// in commit order, rows in append order. TSDB appends are sorted by the
// sort columns as a whole (a stable index sort over order-preserving
// integer keys packed with the row index: one counting pass when the key
// left to sort is at most 18 bits wide, such as a SECOND column or a
// narrow leading key whose last sort column already ascends, as
// time-ordered input does, else an LSD radix sort, else radix passes over
// (word, row) pairs; the words and their sorts are package rowsort's)
// with keepDuplicates applied, then cut into blocks, so the blocks of one
// append follow each other in key order (a counting pass's scatter goes
// to each block's run first, then within the block in cache, as the
// blocks are encoded). The order check packs keys a few
// thousand rows at a time, so input already in order needs no word per
// row. ReadChunk checks the order of all
// blocks and sorts only when it is broken (a chunk written by several
// appends: a few ascending runs are merged pairwise, more radix sorted;
// stable, so ties keep commit order), applying keepDuplicates
// across blocks: FIRST keeps the oldest row of each key, LAST the newest. Columns missing from a
// block (written when the table had fewer columns) read as NULL.
//
// # Key layout
//
// Pebble keys, in byte order (names may not contain NUL bytes):
//
//	X\x00txn                                  reserved transaction-id high-water mark (uint64 BE)
//	D<db>                                     database metadata blob
//	T<db>\x00<table>                          table metadata blob
//	C<db>\x00<table>\x00<partition>\x00M      chunk meta (rows, cols, blocks, symbols, options)
//	C<db>\x00<table>\x00<partition>\x00B<seq:u32 BE>            block header (rows, column names)
//	C<db>\x00<table>\x00<partition>\x00B<seq:u32 BE><col:u16 BE> one column of block seq
//	C<db>\x00<table>\x00<partition>\x00S<first id:u32 BE>        symbol-base segment
//
// so a chunk is one prefix scan, a table's chunks are one range and a
// database (catalog, tables and chunks) is three ranges, which the drop
// functions delete with range tombstones in one batch.
//
// # Transactions
//
// Begin hands out transaction ids that increase monotonically across
// restarts (BeginUnlisted too, for writes of the server's own state, such
// as persisted stream tables, that the transaction log does not list): ids are reserved in ranges of txnIDReserve and the high-water
// mark is persisted before an id from a new range is used (Close records the
// exact last id, so a clean restart continues without a gap).
//
// Locks are per chunk and live in memory (a crash releases them). Lock
// fails at once with a *LockError when another live transaction holds the
// chunk (DolphinDB's TRANS mode); LockWait waits until the chunk is free
// (CHUNK mode). Append locks its chunk itself, so a transaction always owns
// the chunks it writes; the drop functions refuse (with a *LockError) while
// a chunk they would remove is locked.
//
// AppendCoded takes SYMBOL columns already dictionary-encoded by the
// caller (SymbolCodes, from EncodeSymbols/EncodeSymbolsInto): an engine
// splitting one large column among many chunks moves int32 codes, which the
// garbage collector never scans, and each chunk looks up only the distinct
// symbols its rows use. Replace makes given rows the whole content of a
// chunk (upsert! rewrites the partitions it updates): a range deletion of
// the chunk's blocks and the new blocks, in the same batch.
//
// Append encodes and compresses at once (blocks in parallel) into the
// transaction's Pebble batch; Commit adds each touched chunk's meta and
// symbol segment and applies the whole batch atomically (fsynced unless
// Options.NoSync), so a transaction is either entirely visible and durable
// or absent, also after a crash. Readers see committed data only.
// PutDatabase and PutTable put catalog blobs into the same batch, so a
// partition an append adds, or a schema change whose chunk rewrites
// (replaceColumn!, dropColumns!) must match it, commits with the data.
// Snapshot pins the committed state for a reader of many chunks: it sees
// each transaction whole or not at all.
//
// # Pebble version
//
// Storage uses github.com/cockroachdb/pebble/v2; a data directory written
// with Pebble v1 opens unchanged. Pebble's own block compression is
// switched off because column values are already LZ4-compressed.
package storage
