// Package exprs answers questions about parsed expressions that the
// parser itself never asks: the single conditions of a where clause or
// ON condition, an expression without its parentheses, the variable an
// assignment target writes into, the column a path into a table names and
// a where clause's partition(col, keys) call.
//
// It imports only package sqlparse.
package exprs
