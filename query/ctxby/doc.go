// Package ctxby lays a table's rows out group by group for context by:
// one streaming pass per column instead of a gather, and no row index it
// does not need.
//
// Like groupagg it works on vectors only and evaluates no expressions;
// it calls built-ins on groups' rows where context by or group by would
// evaluate the call once per group. Refs reads which of a lowered item's
// names are per group and which per row.
package ctxby
