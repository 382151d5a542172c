package iotdb

import (
	"slices"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/value"
)

// CheckUpdate applies iotdb.md's rule for an update that sets the IOTANY
// column (更新示例): its where-clause names first sort columns alone, so
// every row of a point changes together and the point keeps one type.
func (t *Table) CheckUpdate(stmt ast.Node, first []string) error {
	n, isUpdate := stmt.(*ast.UpdateStmt)
	if !isUpdate || t == nil || t.AnyCol == "" || !slices.ContainsFunc(n.Sets, func(s ast.SetClause) bool { return strings.EqualFold(s.Col, t.AnyCol) }) {
		return nil
	}
	ok := true
	for _, w := range n.Where {
		astwalk.Inspect(w, func(x ast.Node) bool {
			if id, isID := x.(*ast.Ident); isID && !slices.ContainsFunc(first, func(f string) bool { return strings.EqualFold(f, id.Name) }) {
				ok = false
			}
			return ok
		})
	}
	if !ok {
		return ddberr.Errorf("The where clause of an update of the IOTANY column can only filter on the sort columns before the time column.")
	}
	return nil
}

// Values is UPDATE's new values for the IOTANY column as an IOTANY
// vector of scalars, each of a type an IOTANY column holds.
func Values(v *value.Vector) (*value.Vector, error) {
	out := value.NewVector(value.IOTAny, 0, v.Len())
	for i := range v.Len() {
		s, err := scalarAt(v, i)
		if err != nil {
			return nil, err
		}
		out.Any = append(out.Any, s)
	}
	return out, nil
}

// Decoded is chunk, a partition's stored rows, with its IOTANY column at
// col (-1: none) decoded, as an update or delete computes on it.
func Decoded(chunk *value.Table, col int) *value.Table {
	if col < 0 || chunk == nil || chunk.Cols[col].T == value.IOTAny {
		return chunk
	}
	cols := slices.Clone(chunk.Cols)
	cols[col] = Decode(cols[col])
	return value.NewTable(chunk.Names, cols)
}

// Store is Decoded's inverse for a rewritten partition at path: full's
// IOTANY column encoded for storage, each point taking the type of its
// rows' values (an update may change it). It reports whether a static
// table changed.
func (t *Table) Store(full *value.Table, keyCols []int, path string) (*value.Table, bool, error) {
	col := t.Col(full.Names)
	if col < 0 || full.Cols[col].T != value.IOTAny {
		return full, false, nil
	}
	out := value.NewTable(full.Names, slices.Clone(full.Cols))
	grown, err := t.fill(out, full.Cols[col], keyCols, make([]int32, full.Rows()), []string{path}, true)
	return out, grown, err
}
