package funcs

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// Reshape is reshape(obj, dim) and obj $ rows:cols: the elements of a
// vector or matrix, column by column, as a rows x cols matrix; either of
// rows and cols may be -1 or NULL to be inferred from the size. Without
// dim (nil) it is the elements as a vector.
func Reshape(obj, dim value.Value) (value.Value, error) {
	data, ok := VectorOrMatrixData(obj)
	if !ok || data.T == value.Any || data.T.IsArray() {
		return nil, ddberr.Errorf("The argument [obj] of reshape must be a vector or matrix.")
	}
	if dim == nil {
		return data.Clone(), nil
	}
	p, ok := dim.(*value.Pair)
	if !ok || p.V.T.Category() != value.CatIntegral {
		return nil, ddberr.Errorf("The argument [dim] of reshape must be an integral pair rows:cols.")
	}
	size := int64(data.Len())
	r, rok := p.V.At(0).Int64()
	c, cok := p.V.At(1).Int64()
	switch {
	case (!rok || r < 0) && cok && c > 0:
		r = size / c
	case (!cok || c < 0) && rok && r > 0:
		c = size / r
	}
	if r <= 0 || c <= 0 || r*c != size {
		return nil, ddberr.Errorf("The dimensions of reshape don't match the number of elements.")
	}
	return &value.Matrix{V: data.Clone(), Rows: int(r), Cols: int(c)}, nil
}
