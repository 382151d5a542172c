// Package join pairs the rows of two in-memory tables: the algorithms
// behind DolphinDB's table joiners (ej, lj, lsj, fj, aj, pj, sej, cj) and
// SQL's inner, left, right, full and cross joins. It sees only
// value.Tables and column names; reading partitioned tables, evaluating
// arguments and locking shared tables belong to its callers (package
// query).
package join
