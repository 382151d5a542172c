// Package partition maps values to partitions: VALUE, RANGE, HASH, LIST and COMPO domains, DolphinDB's hashBucket, and partition path names.
//
// A Domain is one partitioning level built from a database() scheme. Its
// Map converts a partition column to the scheme type (a MONTH scheme takes
// DATE, DATETIME, TIMESTAMP ... columns; a DATE scheme takes TIMESTAMP) and
// returns, per row, the partition index or -1 when the value lies outside
// the scheme; the caller applies newValuePartitionPolicy or
// allowMissingPartitions. Compo combines 2 or 3 levels into one partition
// id.
//
// HashBucket is bit-exact with DolphinDB's hashBucket: 32-bit
// values reduce as uint32 mod n, 64-bit values as uint64 mod n, strings and
// 16-byte values through MurmurHash2 seeded with the byte length.
//
// Partition directory names follow DolphinDB: VALUE dates "20240101", months
// "202401M", RANGE "<lo>_<hi>", HASH "Key<i>", LIST "List<i>", strings the
// value itself cleaned by PathName.
//
// Cons is the set of one column's values that comparisons with constants
// admit (x < 5, x in [...], x between a:b), and which partitions of a
// level can hold them; dfs prunes a query's partitions with it.
//
// Errors carry DolphinDB's message text (and RefId code where it has one);
// see Error. Domains are not safe for concurrent mutation (AddValues,
// AddRanges) while being read.
package partition
