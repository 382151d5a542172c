// Package value is Porpoise's value model: DolphinDB's types, NULLs, scalars,
// vectors, pairs, sets, dictionaries and tables, with their printing and
// ordering; every other package imports it and it imports nothing of ours
// (conversions live in value/cast, operator kernels in value/kernel).
//
// Vectors keep their data in typed slices (never []any) and encode NULL
// with DolphinDB's own sentinels (INT_MIN, -DBL_MAX, "" ...), so the wire
// codec and storage copy them without translation.
//
// # SYMBOL as dictionary codes (issue 9 item 3)
//
// A plain SYMBOL vector is a []string like STRING: at 30M rows, 480 MB of
// string headers the garbage collector scans on every cycle, and
// group-by, join and filter hash strings. DolphinDB stores SYMBOL as an
// int32 code per row plus a symbol base (the distinct strings, code 0 =
// "" = NULL), and storage and the wire protocol already speak that form.
// A SYMBOL vector here is either plain (Str) or coded (Syms set, codes in
// I32, Str unused); both are valid everywhere, so producers switch to
// codes one at a time.
//
//   - SymbolBase is append-only: its strings (index = code) are published
//     through an atomic pointer, so reads need no lock; interning takes a
//     mutex. Vectors derived from a coded one (Slice, Gather, Filter,
//     Cycle, Scatter, Reorder, Clone, Like, DeepCopy) share its base and
//     move int32 codes. Moving elements into an existing vector follows
//     the destination: a coded one re-codes another base's codes through
//     a table built once per batch (recode) or interns strings; a plain
//     one receives texts. So a plain vector never turns coded under code
//     that writes its Str directly (result-table builders, the wire and
//     storage decoders, textio's record reader, cast's writeCell,
//     mathfn.CopyInto, mtw's batch buffers).
//   - Accessors: outside this package, elements of a STRING, SYMBOL or
//     BLOB vector are read with StrAt(i) and Strings() (which materialises
//     a coded vector's texts, 16 bytes a row); code that can work on codes
//     asks SymbolCodes.
//   - Producers of coded vectors so far: cast to SYMBOL (symbol(x), a
//     STRING column appended to a SYMBOL one goes through it),
//     NewSymbols, and NewTableColumn, which gives each SYMBOL column of a
//     table created empty (table(n:0, names, types), and the keyed,
//     indexed and partitioned tables built from one) a base of its own
//     that tableInsert, append!, insert into and upsert! intern into;
//     rand and take of a coded vector stay coded; the wire decoder turns
//     a SYMBOL vector sent as a symbol base into codes of one base per
//     wire base (wire readSymbolExtended).
//   - Kernels on codes so far: = and != against a constant look it up
//     once and compare codes (value/kernel codedEquality); group-by
//     numbers a coded key through a table indexed by code
//     (query/groupagg symbolCodes); in/not in decide membership once per
//     symbol of the base (operator inCoded); nunique counts codes
//     (funcs/stats distinctCodes); distinct keeps each code's first row;
//     sort, isort, rank, order by and csort rank the base's texts once
//     (SymbolBase.Ranks, cached until the base grows) and sort by the
//     ranks (package rowsort; rank compares them as INTs,
//     SymbolRankVector); < <= > >= like and ilike against a constant run
//     once per symbol (value/kernel codedPerSymbol); the wire builds a coded column's
//     symbol base from its codes (wire symbolBaseOf). Each falls back to
//     texts when the base is much larger than the vector
//     (CompactSymbolCodes).
//   - Storage reads a dfs:// chunk's SYMBOL column as its stored ids,
//     codes of a base made from the chunk's symbol base
//     (NewSymbolBaseOf: no index until a text is looked up), cached per
//     chunk and grown with AppendAt; a scan of several partitions
//     recodes them into one base per column. Joins on several columns
//     compare coded SYMBOL keys as codes of the left base (join
//     CodeKeys), select distinct keys them by code and analytic ORDER BY
//     by rank. DFS append hands a coded column's codes and base to
//     storage as they are (dfs symbolCodesInto), so only the partition
//     mapping reads its texts.
//     Hot paths that call Strings() on a coded vector materialise 16
//     bytes a row for the call (literalText, partition mapping of RANGE
//     and LIST domains), which is what the items above remove.
//
// # Coded STRING (issue 9 item 8)
//
// A STRING vector may be coded the same way (Syms set, codes in I32):
// T stays STRING, so typestr, the wire type, printing, comparison and
// NULL handling are those of STRING; only the representation changes.
// Everything above that works on codes looks at Syms, not at T, so it
// applies to coded STRING unchanged. Seed 002's 300M-row script builds
// its sym column with rand(`A`B`C`D`E`F, n): coded, 4 bytes a row
// instead of a 16-byte string header.
//
//   - Producers: rand and take code a plain STRING or SYMBOL source the
//     result repeats at least twice over (Coded, funcs/lookup
//     codedSource); casting a coded vector between literal types
//     translates codes into a new compact base (CodedAs: STRING ->
//     SYMBOL interns each distinct string once; SYMBOL -> STRING stays
//     coded when the base is compact). table(), Clone, Gather and the
//     other derivations keep the codes.
//   - Mutations (Set, AppendScalar, AppendVector, SetFrom, GatherAt)
//     intern into the vector's base: the base only grows, so another
//     vector sharing it (a copy taken by assignment) keeps its elements.
//     Code that writes Str directly calls Decode first on a vector it
//     owns (insert's STRING length cut).
//   - Consumers that take codes directly: the wire encoder and storage
//     encoder write a coded STRING column's texts through its codes, the
//     DFS STRING length limit checks the base, VALUE partition mapping
//     looks each symbol up once (HASH already did). CheckCoded (the
//     invariants build) checks codes against the base.
package value
