package convert

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// indexedSeries is a one-column matrix whose row labels are index, which
// must increase strictly (funcs/i/indexedSeries.md). The m-functions run
// DURATION windows over those labels; aligning binary operations by label
// is not implemented.
func indexedSeries(_ funcs.Env, args []value.Value) (value.Value, error) {
	index, ok1 := args[0].(*value.Vector)
	vals, ok2 := args[1].(*value.Vector)
	if !ok1 || !ok2 || index.T == value.Any || vals.T == value.Any || index.Len() != vals.Len() {
		return nil, ddberr.Errorf("The arguments index and value of indexedSeries must be vectors of the same length.")
	}
	for i := 1; i < index.Len(); i++ {
		if index.IsNull(i) || value.CompareElems(index, i-1, i) >= 0 {
			return nil, ddberr.Errorf("The index of indexedSeries must be strictly increasing.")
		}
	}
	return &value.Matrix{V: vals.Clone(), Rows: vals.Len(), Cols: 1, RowLabels: index.Clone()}, nil
}
