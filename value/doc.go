// Package value is Porpoise's value model: DolphinDB's types, NULLs, scalars,
// vectors, pairs, sets, dictionaries and tables, with literal parsing,
// printing and explicit conversions; every other package imports it and it
// imports nothing of ours.
//
// Vectors keep their data in typed slices (never []any) and encode NULL
// with DolphinDB's own sentinels (INT_MIN, -DBL_MAX, "" ...), so the wire
// codec and storage copy them without translation.
package value
