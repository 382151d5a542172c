// Package extpart keeps the external partitions of an in-memory
// partitioned table (createPartitionedTable over a tuple of tables): user
// tables that are the partitions themselves, read under their own locks
// and written through insert's append path.
package extpart
