package access

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// Spread is the values x, y, ... = v gives n variables
// (progr/statements/assignments/assign_multi.md): a tuple's or vector's
// elements, a matrix's columns, a table's rows as dictionaries, or one
// scalar to every variable.
func Spread(v value.Value, n int) ([]value.Value, error) {
	out := make([]value.Value, n)
	switch x := v.(type) {
	case *value.Scalar:
		for i := range out {
			out[i] = x
		}
		return out, nil
	case *value.Vector:
		if x.Len() == n {
			for i := range out {
				out[i] = x.Elem(i)
			}
			return out, nil
		}
	case *value.Matrix:
		if x.Cols == n {
			for i := range out {
				out[i] = x.V.Slice(i*x.Rows, (i+1)*x.Rows).Clone()
			}
			return out, nil
		}
	case *value.Table:
		if x.Rows() == n {
			for i := range out {
				out[i] = RowDict(x, i)
			}
			return out, nil
		}
	}
	return nil, ddberr.Errorf("The number of variables doesn't match the number of values to assign.")
}
