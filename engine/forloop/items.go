package forloop

import (
	"github.com/porpoisedb/porpoise/access"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// Items is how many passes a for loop over it makes and each pass's
// value, or DolphinDB's error for a value no for loop runs over.
func Items(it value.Value) (int, func(i int) value.Value, error) {
	switch x := it.(type) {
	case *value.Vector:
		return x.Len(), x.Elem, nil
	case *value.Pair:
		// for(s in 2:4) runs 2, 3; for(s in 4:1) runs 3, 2, 1
		lo, ok1 := x.V.At(0).Int64()
		hi, ok2 := x.V.At(1).Int64()
		if !ok1 || !ok2 || x.V.T.Category() != value.CatIntegral {
			return 2, x.V.Elem, nil
		}
		t := x.V.T
		if lo <= hi {
			return int(hi - lo), func(i int) value.Value { return value.NewTyped(t, lo+int64(i)) }, nil
		}
		return int(lo - hi), func(i int) value.Value { return value.NewTyped(t, lo-1-int64(i)) }, nil
	case *value.Matrix:
		// a matrix runs column by column
		return x.Cols, func(c int) value.Value { return x.V.Slice(c*x.Rows, (c+1)*x.Rows).Clone() }, nil
	case *value.Scalar:
		return 1, func(int) value.Value { return x }, nil
	case *value.Set:
		return x.V.Len(), x.V.Elem, nil
	case *value.Table:
		return x.Rows(), func(i int) value.Value { return access.RowDict(x, i) }, nil
	}
	return 0, nil, ddberr.Errorf("The for-loop iterator must be a vector, pair, set or table.")
}
