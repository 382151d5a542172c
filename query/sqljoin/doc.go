// Package sqljoin evaluates the joins of DolphinDB's SQL and scripts: the
// SQL joins of a FROM clause (inner, left, right, full, cross, with their
// ON conditions and table-qualified columns), the table joiners called in
// FROM or as functions (ej, lj, lsj, fj, aj, pj, sej, cj), the window
// joins (wj, pwj) and the `from joiner(...)` of update and delete.
//
// Package join pairs the rows; this package reads the joiners' arguments
// and the SQL around them. Whatever needs the query or the interpreter
// (evaluating expressions and where conditions, resolving table names,
// reading partitioned tables, access checks) it asks of a Host or Env.
// It never imports package query and keeps no state.
package sqljoin
