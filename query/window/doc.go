// Package window computes SQL analytic (window) functions over rows that
// are already sorted into partitions (progr/sql/analyticFunction.md): the
// ROWS and RANGE frames of each row, ranking (row_number, rank,
// dense_rank, percent_rank, cume_dist, ntile), the row offsets of
// lead/lag/first_value/last_value/nth_value and running sums over frames.
//
// Every function works on whole columns with typed loops; the caller
// (package query) evaluates the SQL, sorts the rows and builds the result
// vectors. It imports only the standard library.
package window
