// Package analytic evaluates the analytic (window) functions of a SQL
// select list, f(x) over (partition by ... order by ... frame)
// (progr/sql/analyticFunction.md): each call is computed over the rows
// the where clause keeps into one column in the table's row order, which
// the select item then reads like a column.
//
// It sorts the rows into partitions and frames and runs the kernels of
// package window and the typed aggregates of groupagg; everything else
// (evaluating expressions, user functions, per-group calls) it asks of
// the query through a Host. It never imports package query.
package analytic
