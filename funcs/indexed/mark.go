package indexed

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// indexedSeries is a one-column matrix indexed by index, which must
// increase strictly (funcs/i/indexedSeries.md).
func indexedSeries(_ funcs.Env, args []value.Value) (value.Value, error) {
	index, ok1 := args[0].(*value.Vector)
	vals, ok2 := args[1].(*value.Vector)
	if !ok1 || !ok2 || index.T == value.Any || vals.T == value.Any || index.Len() != vals.Len() {
		return nil, ddberr.Errorf("The arguments index and value of indexedSeries must be vectors of the same length.")
	}
	if !increasing(index) {
		return nil, ddberr.Errorf("The index of indexedSeries must be strictly increasing.")
	}
	return &value.Matrix{V: vals.Clone(), Rows: vals.Len(), Cols: 1, RowLabels: index.Clone(), Indexed: value.IndexedSeries}, nil
}

// increasing reports whether labels increase strictly, without NULLs.
func increasing(labels *value.Vector) bool {
	for i := 0; i < labels.Len(); i++ {
		if labels.IsNull(i) || i > 0 && value.CompareElems(labels, i-1, i) >= 0 {
			return false
		}
	}
	return true
}

// setIndexed is setIndexedSeries!(X, [on=true]) or
// setIndexedMatrix!(X, [on=true]): X, marked as indexed (or plain again
// when on is false), after checking its labels index it.
func setIndexed(kind value.Indexing) funcs.Impl {
	name := "setIndexedSeries!"
	if kind == value.IndexedMatrix {
		name = "setIndexedMatrix!"
	}
	return func(_ funcs.Env, args []value.Value) (value.Value, error) {
		m, ok := args[0].(*value.Matrix)
		on, err := funcs.BoolArg(name, "on", funcs.Arg(args, 1), true)
		if err != nil {
			return nil, err
		}
		switch {
		case !ok:
			return nil, ddberr.Errorf("The argument [X] of %s must be a matrix.", name)
		case !on:
			if m.Indexed == kind {
				m.Indexed = value.NotIndexed
			}
			return m, nil
		case kind == value.IndexedSeries && (m.Cols != 1 || m.RowLabels == nil):
			return nil, ddberr.Errorf("The argument [X] of setIndexedSeries! must be a one-column matrix with row labels.")
		case kind == value.IndexedMatrix && (m.RowLabels == nil || m.ColLabels == nil):
			return nil, ddberr.Errorf("The argument [X] of setIndexedMatrix! must be a matrix with row and column labels.")
		case !increasing(m.RowLabels):
			return nil, ddberr.Errorf("The row labels of %s must be strictly increasing.", name)
		case kind == value.IndexedMatrix && !increasing(m.ColLabels):
			return nil, ddberr.Errorf("The column labels of %s must be strictly increasing.", name)
		}
		m.Indexed = kind
		return m, nil
	}
}

// isIndexed is isIndexedSeries(X) or isIndexedMatrix(X).
func isIndexed(kind value.Indexing) funcs.Impl {
	return func(_ funcs.Env, args []value.Value) (value.Value, error) {
		m, ok := args[0].(*value.Matrix)
		return value.NewBool(ok && m.Indexed == kind), nil
	}
}
