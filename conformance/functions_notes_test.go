package conformance

// functionNotes ends docs/functions.md: how Porpoise answers the functions
// whose DolphinDB meaning (licences, cache engines, replicas) has no
// direct counterpart in a one-node Go server.
const functionNotes = `
## Notes on server functions

- **Licence.** Porpoise needs no licence. ` + "`license()`" + `, ` + "`updateLicense()`" + ` and
  ` + "`getLicenseExpiration()`" + ` answer as DolphinDB does for a valid free (trial-type) licence, with
  values that are true for Porpoise: one node (maxNodes 1), the memory cap in force
  (maxMemoryPerNode), every CPU core (maxCoresPerNode), no optional modules (modules -1), no
  version restriction, and the expiration date 2099.12.31, which stands for "never".
  ` + "`getMachineFingerprint(dir)`" + ` writes a hash of the host name and machine id to
  dir/machineFingerprint.txt.
- **Cache engines.** The OLAP and TSDB cache engines are Pebble's memtables (one store serves both
  engines): ` + "`flushOLAPCache`" + `/` + "`flushTSDBCache`" + `/` + "`purgeCacheEngine`" + ` flush them to level files, and
  ` + "`setOLAPCacheEngineSize`" + `/` + "`setTSDBCacheEngineSize`" + ` bound them (the smaller setting is in force: a commit that
  leaves more in memory starts a flush). ` + "`triggerTSDBCompaction`" + ` compacts a chunk's key range, and
  ` + "`getTSDBCompactionTaskStatus`" + ` lists those compactions.
- **Chunks.** A chunk is one table's rows in one partition (TABLE chunk granularity); its id is a UUID
  derived from its database, partition and table, its version the transaction that created it.
  ` + "`getTransactionStatus`" + ` lists running transactions and the last 1024 that wrote data.
- **Replicas and recovery.** Porpoise keeps one copy of each chunk, so ` + "`getRecoveryTaskStatus`" + ` is
  always empty.
- **Plugins.** DolphinDB plugins are native shared libraries; Porpoise cannot load them, so
  ` + "`getLoadedPlugins()`" + ` is empty and ` + "`loadPlugin`" + ` fails with that reason.
- **Heap sampling.** ` + "`startHeapSample(n)`" + ` sets Go's memory-profile rate to n bytes,
  ` + "`stopHeapSample()`" + ` turns it off and ` + "`dumpHeapSample(file)`" + ` writes a pprof heap profile
  (` + "`go tool pprof`" + ` reads it).
- **Scheduled jobs** are saved in the store with the source of the session's functions they use and
  run by the engine when its clock reaches their time; jobs missed while the server was down are not
  run afterwards.
`
