// Package ctxby lays a table's rows out group by group for context by:
// one streaming pass per column instead of a gather, and no row index it
// does not need.
//
// Like groupagg it works on vectors only and evaluates no expressions.
package ctxby
