package access

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// FilterColumns is m[f] for a function f: the columns of m for which
// keep(column) gives true. DolphinDB requires keep to give a BOOL
// scalar for every column (progr/data_types_forms/Matrix.md).
func FilterColumns(m *value.Matrix, keep func(col value.Value) (value.Value, error)) (*value.Matrix, error) {
	var cols []int
	for c := 0; c < m.Cols; c++ {
		r, err := keep(m.V.Slice(c*m.Rows, (c+1)*m.Rows))
		if err != nil {
			return nil, err
		}
		s, ok := r.(*value.Scalar)
		if !ok || s.T != value.Bool {
			return nil, ddberr.Errorf("The lambda expression that filters the columns of a matrix must return a BOOL scalar.")
		}
		if !s.Null && s.I != 0 {
			cols = append(cols, c)
		}
	}
	return m.Sub(value.Iota(m.Rows), cols), nil
}
