// Package dsfuncs registers DolphinDB's data sources: sqlDS splitting a
// query over a partitioned table into one data source per partition it
// reads, the functions that split a query by another scheme
// (repartitionDS, multiTableRepartitionDS, replayDS), transform and cache
// data sources (transDS!, cacheDS!, cacheDSNow, clearDSCache!,
// clearDSCacheNow), getChunkPath and iterative map-reduce over them (imr).
// It reads tables through package dfs and runs queries through the
// interpreter (dbfuncs.Host); mr and the DataSource value itself are
// funcs/system's, so the function library can take data sources without
// importing the database packages.
package dsfuncs
