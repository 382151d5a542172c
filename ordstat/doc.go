// Package ordstat computes order statistics of DOUBLE series in
// O(n log n): a Fenwick tree of marks (counts below a position, the k-th
// mark), running quantiles with DolphinDB's interpolation methods, and
// Kendall's tau-b by Knight's algorithm. NULL is value.NullFloat64 or
// NaN, as the funcs families read doubles. It imports only value.
package ordstat
