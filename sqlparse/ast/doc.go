// Package ast declares the syntax tree of DolphinDB script that package
// sqlparse builds: statement and expression nodes, each with the position
// of its first token. It holds no parsing; sqlparse re-exports every name
// (sqlparse.Expr is ast.Expr), so callers may use either.
package ast
