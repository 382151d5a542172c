// Package engine runs DolphinDB script: sessions and their variables,
// shared tables, and the interpreter over sqlparse's AST; the embedded Go
// API and the wire server both call it. SQL statements go to package
// query (engine is its query.Env: query_env.go), built-in functions live
// in the funcs registry (and, until they move there, builtins_*.go), and
// databases and partitioned tables belong to package dfs, which engine
// wraps as script values (ptable.go).
package engine
