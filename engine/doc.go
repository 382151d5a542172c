// Package engine runs DolphinDB script: sessions and their variables,
// shared tables, the interpreter over sqlparse's AST, the built-in
// functions and queries; the embedded Go API and the wire server both call
// it. Databases and partitioned tables belong to package dfs, which engine
// reaches through its Table interface (ptable.go) and the database
// built-ins (builtins_db.go).
package engine
