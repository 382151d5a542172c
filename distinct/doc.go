// Package distinct numbers the distinct elements of typed slices and
// vectors: each element gets the dense code of its value, in order of
// first appearance, with the first row holding each value. Group by, the
// sort's ranks of strings, and the built-ins that count, list or look up
// distinct values (nunique, distinct, mode, groups, find) take their
// codes from here.
//
// Fixed-width elements (integers, floating bits) are hashed as 64-bit
// words in value/keyidx's open-addressing table, a block of words at a
// time (Find looks up any elements in a keyidx index); narrow
// integer ranges index a table by value; strings go through a Go map
// with a cache keyed by the string's data pointer, and coded SYMBOL
// columns by their codes. Other elements (tuples, array vectors) are
// compared by their key bytes.
//
// Elements are equal when their key bytes (value.Vector.AppendKey) are,
// so floating values compare by their bits; FloatValues is the numbering
// group by uses, where NaN is NULL and -0 is 0.
//
// It imports only value and value/keyidx.
package distinct
