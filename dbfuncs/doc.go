// Package dbfuncs registers DolphinDB's database functions that work on
// whole databases and tables from outside the query path: creating,
// opening, loading and dropping databases, tables and partitions
// (database.go), the DFS listings and table utilities (listing.go), local
// disk databases (localdb.go), backup and
// restore (backup, restore, migrate and their listings) and replay
// (data sources themselves are package dsfuncs'). It reaches databases
// through package dfs and the interpreter through Host, which the
// engine's funcs.Env implementation satisfies; the session's access rules
// over databases (Access) are the interpreter's, asked through Host.
package dbfuncs
