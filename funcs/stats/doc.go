// Package stats registers DolphinDB's aggregates and statistics (the
// manual's "statistics", "correlation", "cumulative" and "series"
// categories). It owns the aggregate kernels (Mean, Variance,
// Median, QuantileSorted) and the running pair sums and rank options the
// moving, sorting and row-wise families reuse. It imports the funcs core and mathfn.
package stats
