// Package setpred rewrites the where and having conditions that compare
// a row with a set into plain vectorized conditions: the any/all
// predicates (progr/sql/any.md) become one comparison against the set's
// minimum, maximum, membership or single value, and correlated exists
// and in subqueries (progr/sql/exists.md) run once as a semi-join whose
// per-row flags stand in their place. The sets and flags are bound to
// variables the rewritten condition names, until the caller restores.
//
// It evaluates expressions and runs the inner queries through a Host the
// query fills in, and never imports package query.
package setpred
