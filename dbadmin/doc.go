// Package dbadmin implements DolphinDB's database administration
// functions for Porpoise's one-node store: catalog metadata (renameTable,
// table and column comments, getChunksMeta, getTabletsMeta, getAllDBs,
// setAtomicLevel) and the storage-engine controls (cache-engine flush and
// size, TSDB and PKEY level files and compaction, the level-file index
// caches Porpoise has none of, symbol-base cache, transaction and
// recovery status).
//
// Its one job is to answer those functions truthfully for the Pebble
// store under package dfs: a flush really flushes, a size really bounds
// the write cache, a status table lists work that really happened. It
// registers into package funcs from init and reaches the engine only
// through Host, which the interpreter implements.
package dbadmin
