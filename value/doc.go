// Package value is Porpoise's value model: DolphinDB's types, NULLs, scalars,
// vectors, pairs, sets, dictionaries and tables, with their printing and
// ordering; every other package imports it and it imports nothing of ours
// (conversions live in value/cast, operator kernels in value/kernel).
//
// Vectors keep their data in typed slices (never []any) and encode NULL
// with DolphinDB's own sentinels (INT_MIN, -DBL_MAX, "" ...), so the wire
// codec and storage copy them without translation.
//
// # SYMBOL as dictionary codes (design, issue 9 item 3; not built yet)
//
// Today a SYMBOL vector is a []string like STRING. At 30M rows that is
// 480 MB of string headers the garbage collector scans on every cycle,
// and group-by, join and filter hash strings. DolphinDB stores SYMBOL as
// an int32 code per row plus a symbol base (the distinct strings, code
// 0 = "" = NULL), and storage and the wire protocol already speak that
// form (storage keeps per-chunk ids and a base; wire reads and writes
// symbol bases). The plan:
//
//   - Storage: a SYMBOL vector holds codes in I32 and a *SymbolBase in a
//     new field Syms; Str stays nil. SymbolBase is append-only: Strs
//     []string (index = code) and a map[string]int32 for interning,
//     guarded by a mutex on insert only; reads of Strs[:n] for a code
//     already handed out need no lock, because entries are never changed
//     or removed. Vectors derived from one another (Slice, Gather,
//     Filter, Cycle, Scatter, Clone) share the base and copy codes, so
//     those stay typed int32 loops. A table's SYMBOL columns share one
//     base per table (DolphinDB: one base per table or partition), so
//     appending rows from a vector with another base re-codes them once
//     per batch through a code map old -> new, never per element lookup
//     of a string.
//   - Accessors (done): (*Vector).StrAt(i) string and (*Vector).Strings()
//     []string (read-only; materialises for a coded vector, for the rare
//     consumer that needs them all) are how code outside value reads a
//     STRING, SYMBOL or BLOB vector; the non-test reads of v.Str that can
//     see a SYMBOL vector go through them. What still touches v.Str
//     directly outside value writes it (builders of result tables, the
//     wire and storage decoders, textio's record reader, cast's writeCell,
//     mathfn.CopyInto, mtw's batch buffers) or reads a vector known to be
//     STRING or BLOB; the flip must keep those writers on plain vectors
//     or give them a SetStr/AppendString.
//   - Kernels on codes: equality with a constant (sym = `A) looks the
//     constant up once and compares int32 codes; group-by and join key on
//     codes (a dense array indexed by code instead of a hash map when the
//     base is small); distinct/nunique count codes; sort orders the base
//     once and sorts codes by rank; in/not in build a bitmap over codes.
//     Two vectors with different bases compare through a per-batch code
//     translation table.
//   - Wire: a table's SYMBOL columns are written as one symbol base plus
//     the int32 codes (the C++/Python clients' form), copied straight
//     from the vector when its base is the table's; decoding a symbol
//     base produces a coded vector without building strings.
//   - Storage (dfs/storage): a chunk's ids and base become the vector's
//     codes and base directly (today read.go expands them to strings);
//     appends translate a batch's codes to the chunk's base once per
//     distinct code.
//   - Memory: 30M SYMBOL rows drop from 480 MB of pointer-bearing headers
//     to 120 MB of int32 the collector never scans; with the seed's other
//     three INT-width columns the 300M-row table of seed 002 is about
//     4.8 GB instead of 8.4 GB.
package value
