// Package system registers DolphinDB's functions over the session and its
// objects: metaprogramming (sql, expr, parseExpr, eval, makeCall), system
// and environment queries, table construction and alteration, data
// sources, and the "delete-clear" category. It reaches the session only
// through funcs.Env. It imports the funcs core, higherorder and lookup.
package system
