package engine

import (
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/value"
)

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
