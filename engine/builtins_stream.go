package engine

import (
	"errors"

	"github.com/porpoisedb/porpoise/value"
)

func init() {
	// A stream table is, for appends and queries, an in-memory table: the
	// publish/subscribe side of DolphinDB's streaming is outside what
	// Porpoise emulates, while clients (MultithreadedTableWriter into a
	// shared stream table) only append to it and read it back.
	reg("streamTable", nil, 1, -1, func(_ *interp, args []value.Value, names []string) (value.Value, error) {
		return newTable(args, names)
	})
	reg("arrayVector", p("index", "value"), 2, 2, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
		idx, ok := args[0].(*value.Vector)
		vals, ok2 := args[1].(*value.Vector)
		if !ok || !ok2 || idx.T.Category() != value.CatIntegral {
			return nil, errors.New("Usage: arrayVector(index, value). index must be an integral vector and value a vector.")
		}
		if vals.T.IsArray() || vals.T == value.Any || vals.T == value.Void {
			return nil, errors.New("Usage: arrayVector(index, value). value must be a vector of a scalar type.")
		}
		offsets := make([]int64, idx.Len())
		prev := int64(0)
		for i := range offsets {
			x, ok := idx.At(i).Int64()
			if !ok || x <= prev && i > 0 || x < 0 {
				return nil, errors.New("Usage: arrayVector(index, value). index must be strictly increasing positive integers.")
			}
			offsets[i], prev = x, x
		}
		if len(offsets) > 0 && prev != int64(vals.Len()) {
			return nil, errors.New("Usage: arrayVector(index, value). The last element of index must equal the size of value.")
		}
		out := vals.Clone()
		out.T = vals.T + value.ArrayOffset
		out.Offsets = offsets
		return out, nil
	})
}
