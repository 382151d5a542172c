// Package interval computes the window key of `group by interval(X,
// duration, fill, [step], [explicitOffset])` (progr/sql/interval.md): the
// start of each window holding a row, bounded by the where clause's
// conditions on X, and after the grouping the rows of the windows that
// hold none, filled as fill says.
//
// It evaluates the call's arguments through a Host the query fills in
// and never imports package query; grouping and aggregating are the
// query's.
package interval
