// Package groupagg groups a table's rows by key columns and computes
// built-in aggregates per group with typed loops over whole columns,
// including the per-partition states of a map-reduce plan and their merge.
//
// It works on vectors only: it evaluates no expressions and knows nothing
// of SQL, tables' schemas or partitions (package query decides what to
// group and aggregate and calls it). It may import only value (and
// value/cast, to type a column of per-group results, and rowsort, to
// order groups by their keys and number distinct keys).
package groupagg
