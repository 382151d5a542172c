// Package keyidx numbers distinct keys in order of first appearance with
// open-addressing hash tables (64-bit words, 16-byte values, strings),
// fed a column of keys at a time: the index of dictionaries and sets, and
// the tables package distinct numbers a column's values with; Rows is
// the unique index of keyed and indexed tables, over several columns.
//
// A column's keys are hashed as its typed slice holds them: integers,
// temporal values and floating bits as words, UUID-like values as 16
// bytes, strings by their text without copying them; only keys of no
// fixed form (tuples, array vectors' rows) go through their key bytes.
// Keys are equal when value.Vector.AppendKey's bytes are: floating keys
// by their bits, each NULL its own key, symbols and strings by text. A
// table's symbol keys are kept as codes of its column's base (Rows.Home),
// where equal codes are equal texts: rows coded in that base are hashed
// and compared as integers, those of another base after their codes are
// translated, which the home base keeps (package value/symcache), so a
// base met again is not looked up again.
//
// It imports nothing of ours, so package value can use it.
package keyidx
