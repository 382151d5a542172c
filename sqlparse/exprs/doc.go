// Package exprs answers questions about parsed expressions that the
// parser itself never asks: the single conditions of a where clause or
// ON condition, an expression without its parentheses, the variable an
// assignment target writes into, the column a path into a table names, a
// where clause's partition(col, keys) call and the columns of a table a
// select or an expression names.
//
// It imports only package sqlparse and its subpackages.
package exprs
