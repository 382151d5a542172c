package dfs

import "github.com/porpoisedb/porpoise/value"

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
	// PartitionFunc compiles a table's partitioning function call, such
	// as "myPartitionFunc(id, 6, 8)", into the function from the values of
	// its column col to the values partitioned on; defs are the script
	// definitions it may need. Nil refuses such tables.
	PartitionFunc func(call, col string, defs []string) (PartitionFunc, error)
}

// PartitionFunc maps a partitioning column's values to the values a
// level partitions on (createPartitionedTable's "partitionFunc(id)").
type PartitionFunc func(*value.Vector) (*value.Vector, error)
