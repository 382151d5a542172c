// Package dataproc registers DolphinDB's data-processing functions (the
// manual's "data-processing", "grouping", "cut", "null-fill", "sort" and
// "shift" categories). It imports the funcs core and temporal, mathfn,
// higherorder, stats, lookup and system.
package dataproc
