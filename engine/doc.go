// Package engine runs DolphinDB script: the catalog (session variables,
// shared tables, databases), sessions, the interpreter over sqlparse's AST,
// the built-in functions and queries; the embedded Go API and the wire
// server both call it.
package engine
