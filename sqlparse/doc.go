// Package sqlparse turns DolphinDB script text into an AST; it knows nothing of execution.
//
// The entry points are Parse (a whole script), ParseExpr (a single
// expression) and Lex (the token stream). Parse errors are returned as
// *Error values carrying the line and column of the offending token.
//
// The package imports only the standard library.
package sqlparse
