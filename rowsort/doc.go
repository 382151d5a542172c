// Package rowsort orders rows by typed key columns: given key vectors
// with a direction and a NULL placement each, it returns the stable
// permutation that sorts the rows (Sort), or only the first k rows of it
// (Top). It serves SQL order by, csort and analytic ORDER BY, the sort
// built-ins and the TSDB sort of package storage.
//
// Each key column becomes order-preserving integer words through a typed
// loop (integers shifted to unsigned, floating bits flipped, strings,
// symbols and 16-byte values replaced by the rank of their distinct
// value), reduced to the column's value range and flipped for descending
// keys; NULLs take a word of their own at the chosen end. The words of
// all keys are packed into one uint64 with the row index when they fit,
// and sorted by a counting pass, an LSD radix sort or a merge of
// ascending runs; wider keys are sorted by successive stable radix
// passes over (word, row) pairs. No element comparison goes through an
// interface or a type switch, except for ANY (tuple) and array-vector
// keys, which are ranked by value.CompareElems.
//
// The ranks of strings and 16-byte values start from package distinct's
// numbering of their distinct values.
//
// It imports only value and distinct.
package rowsort
