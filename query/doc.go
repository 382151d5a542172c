// Package query executes DolphinDB's SQL: select and exec with every
// clause (where, group/context/cgroup/pivot by, having, order by, top and
// limit, map, sample, interval), union, exists and subqueries, insert
// into, update and delete, over in-memory tables, keyed and indexed
// tables (package keyindex answers key conditions from their index) and
// partitioned tables of package dfs (reading only the partitions and
// columns a query needs). Its subpackages do one part each and never
// import query: groupagg groups rows and computes typed aggregates (and
// their per-partition states), analytic the analytic (window) functions
// of a select list, sqljoin the SQL joins of FROM and the table joiners
// (package join pairs the rows), interval the keys and filled windows of
// group by interval(...), pivot lays out pivot by's rows and columns,
// colname names result columns, setpred rewrites where and having
// conditions against a set (any/all, correlated subqueries), rowsort
// orders rows; the ones that evaluate expressions do so through a Host
// query fills in (hosts.go).
//
// It also registers the table joiners as script functions (ej, lj, lsj,
// fj, aj, pj, sej, cj, wj, pwj: join_funcs.go), which run with the calling
// interpreter as their Env.
//
// It owns no state: the interpreter that runs a script hands it a
// statement and an Env, through which query evaluates expressions with a
// table's columns in scope (Scope), resolves table names and appends
// rows. query never imports the interpreter (package engine); it may use
// sqlparse, value, insert, dfs, its subpackages and the funcs registry
// (and restrack, to record its reads of DFS tables: access.go), and must not keep sessions, variables or shared objects of its own. From storage it
// uses only the read options and symbol codes a partition read hands over.
package query
