package wire

import (
	"io"

	"github.com/porpoisedb/porpoise/value"
)

var io_EOF = io.EOF

// plainSymbols turns every coded SYMBOL vector inside a decoded value
// into a plain one of the same texts, in place, so that values decoded
// from a symbol base (coded) compare by content with hand-built ones.
func plainSymbols(v value.Value) value.Value {
	switch x := v.(type) {
	case *value.Vector:
		return plainVector(x)
	case *value.Pair:
		x.V = plainVector(x.V)
	case *value.Matrix:
		x.V, x.RowLabels, x.ColLabels = plainVector(x.V), plainVector(x.RowLabels), plainVector(x.ColLabels)
	case *value.Set:
		x.V = plainVector(x.V)
	case *value.Dict:
		x.Keys, x.Vals = plainVector(x.Keys), plainVector(x.Vals)
	case *value.Table:
		for i, c := range x.Cols {
			x.Cols[i] = plainVector(c)
		}
	}
	return v
}

func plainVector(v *value.Vector) *value.Vector {
	if v == nil {
		return nil
	}
	if v.Syms != nil {
		return value.NewStrings(v.T, v.Strings())
	}
	for i, e := range v.Any {
		v.Any[i] = plainSymbols(e)
	}
	return v
}
