package engine

import (
	"github.com/porpoisedb/porpoise/auth"
	"github.com/porpoisedb/porpoise/dfs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/value"
)

// ptable is a partitioned (or dimension) table of package dfs seen as an
// engine Table: it passes the session's context down, and nothing else;
// queries reach the dfs.Table itself (interp.DFSTable).
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

// Append implements Table.
func (t *ptable) Append(s *Session, src *value.Table, stmt bool) (int, error) {
	if err := s.checkTableWrite(t.Table, auth.TableInsert); err != nil {
		return 0, err
	}
	return t.Table.Append(s.ctx, src, stmt)
}

// Upsert implements upserter.
func (t *ptable) Upsert(s *Session, src *value.Table, ignoreNull bool, keyCols, sortCols []string) (insert.Result, error) {
	if err := s.checkTableWrite(t.Table, auth.TableUpdate); err != nil {
		return insert.Result{}, err
	}
	return t.Table.Upsert(s.ctx, src, ignoreNull, keyCols, sortCols)
}

// SchemaDict implements Table.
func (t *ptable) SchemaDict() *value.Dict {
	names, types, scales := t.Schema()
	return t.Table.SchemaDict(system.ColDefs(names, types, scales))
}
