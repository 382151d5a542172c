// Package query executes DolphinDB's SQL: select and exec with every
// clause (where, group/context/cgroup/pivot by, having, order by, top and
// limit, map, sample, interval), union, exists and subqueries, insert
// into, update and delete, SQL joins in FROM, the window joins (wj, pwj)
// and the arguments of the other table joiners (package join pairs the
// rows), over in-memory tables, keyed and
// indexed tables (package keyindex answers key conditions from their
// index) and
// partitioned tables of package dfs (reading only the partitions and
// columns a query needs). Package groupagg groups rows by key and computes
// the aggregates it can with typed loops (and their per-partition states).
//
// It also registers the table joiners as script functions (ej, lj, lsj,
// fj, aj, pj, sej, cj, wj, pwj: join_funcs.go), which run with the calling
// interpreter as their Env.
//
// It owns no state: the interpreter that runs a script hands it a
// statement and an Env, through which query evaluates expressions with a
// table's columns in scope (Scope), resolves table names and appends
// rows. query never imports the interpreter (package engine); it may use
// sqlparse, value, insert, dfs, keyindex, groupagg and the funcs registry,
// and must not keep sessions, variables or shared objects of its own. From storage it
// uses only the read options and symbol codes a partition read hands over.
package query
