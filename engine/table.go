package engine

import (
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/value"
)

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

// ptable is a partitioned (or dimension) table of package dfs seen as an
// engine Table; queries and writes reach the dfs.Table itself
// (interp.DFSTable, AppendRows).
type ptable struct {
	*dfs.Table
}

var _ Table = (*ptable)(nil)

// wrapTable is t as scripts see it.
func wrapTable(t *dfs.Table) *ptable { return &ptable{t} }

// Scan implements Table.
func (t *ptable) Scan(keep PartitionFilter) (*value.Table, error) {
	return t.Table.Scan(dfs.PartitionFilter(keep))
}

// SchemaDict implements Table.
func (t *ptable) SchemaDict() *value.Dict {
	names, types, scales := t.Schema()
	return t.Table.SchemaDict(system.ColDefs(names, types, scales))
}
