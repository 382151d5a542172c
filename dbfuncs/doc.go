// Package dbfuncs registers DolphinDB's database functions that work on
// whole databases and tables from outside the query path: backup and
// restore (backup, restore, migrate and their listings), data sources
// (sqlDS's companions: repartitionDS, textChunkDS, transDS!, cacheDS!,
// replayDS, replay, imr) and function views. It reaches databases
// through package dfs and the interpreter through Host, which the
// engine's funcs.Env implementation satisfies.
package dbfuncs
