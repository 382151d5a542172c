package dfs

// Config is the part of the server configuration (dolphindb.cfg) that
// decides how partitioned tables take writes.
type Config struct {
	// NewValuePartitionPolicy is skip, add or fail: what a DFS append does
	// with rows whose value has no VALUE partition.
	NewValuePartitionPolicy string
	// AllowMissingPartitions drops rows outside the scheme of other
	// domains instead of failing the append.
	AllowMissingPartitions bool
	// EnableInsertStatementForDFSTable lets INSERT INTO write DFS tables.
	EnableInsertStatementForDFSTable bool
	// IgnoreSpecialCharacterInPartitionId drops special characters from
	// partition directory names, so values may share a chunk.
	IgnoreSpecialCharacterInPartitionId bool
	// EnableNullSafeJoin makes NULL keys match in upsert!.
	EnableNullSafeJoin bool
}
