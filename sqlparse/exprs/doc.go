// Package exprs answers questions about parsed expressions that the
// parser itself never asks: the single conditions of a where clause or
// ON condition, an expression without its parentheses, the variable an
// assignment target writes into and the column a path into a table names.
//
// It imports only package sqlparse.
package exprs
