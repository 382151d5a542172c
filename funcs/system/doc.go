// Package system registers DolphinDB's functions over the session and its
// objects: metaprogramming (sql, expr, parseExpr, eval, makeCall), system
// and environment queries, the session's objects (objs, exists, defined,
// undef, share, objByName), login and logout, getConfig, table
// construction, alteration and writes (table, tableInsert, append!,
// upsert!, schema), data sources, and the "delete-clear" category. It
// reaches the session through funcs.Env and, for what only the
// interpreter can do (its frames, shared objects, insert paths, user),
// through Host (host.go), which the interpreter implements. It imports
// the funcs core, higherorder and lookup, and query/colname for the names
// of column definitions.
package system
