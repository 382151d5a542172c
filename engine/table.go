package engine

import "github.com/porpoisedb/porpoise/value"

// Table is a table kept by the engine rather than as one value.Table:
// partitioned in-memory tables and DFS tables. Scripts see it as a table.
type Table interface {
	value.Value
	// TableName is the table's name.
	TableName() string
	// Schema lists the column names, types and decimal scales.
	Schema() (names []string, types []value.Type, scales []int32)
	// RowCount counts the rows.
	RowCount() (int64, error)
	// Scan materializes the rows of the partitions that keep admits
	// (nil: all), in partition order then write order.
	Scan(keep PartitionFilter) (*value.Table, error)
	// SchemaDict is schema(t).
	SchemaDict() *value.Dict
}

// PartitionFilter reports whether a partition (by its index at each
// domain level) may hold rows a query wants; used for pruning.
type PartitionFilter func(levelIdx []int) bool

func scanAll(t Table) (*value.Table, error) { return t.Scan(nil) }
