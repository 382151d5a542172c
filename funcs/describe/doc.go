// Package describe registers summary, the descriptive statistics of the
// numeric columns of a table, a partitioned table or data sources
// (funcs/s/summary.md). It imports the funcs core, stats (percentiles and
// interpolation methods) and system (data sources).
package describe
