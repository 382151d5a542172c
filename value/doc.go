// Package value is Porpoise's value model: DolphinDB's types, NULLs, scalars,
// vectors, pairs, sets, dictionaries and tables, with their printing and
// ordering; every other package imports it and it imports nothing of ours
// but two leaves: value/digits, its digit writers, and value/keyidx, the
// hash index of dictionaries' keys and sets' elements (conversions live
// in value/cast, operator kernels in value/kernel).
//
// Vectors keep their data in typed slices (never []any) and encode NULL
// with DolphinDB's own sentinels (INT_MIN, -DBL_MAX, "" ...), so the wire
// codec and storage copy them without translation.
//
// A SYMBOL vector, and a STRING one whose values repeat, may hold int32
// codes into a shared, append-only SymbolBase (Syms set, codes in I32)
// instead of strings; both forms are valid everywhere. Outside this
// package, read a literal vector's elements with StrAt and Strings, and
// its codes with SymbolCodes. The design, and which producers and kernels
// use codes, is written up in the repository's docs/symbol-codes.md.
package value
