package stats

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// A reducer that returns a non-scalar for a matrix column is refused
// rather than gathered into the result vector.
func TestReduceColumnsNeedsScalars(t *testing.T) {
	cols := []*value.Vector{value.NewDoubles([]float64{1, 2}), value.NewDoubles([]float64{3, 4})}
	for _, c := range []struct {
		name string
		f    reducer
	}{
		{"vector", func(v *value.Vector) (value.Value, error) { return v, nil }},
		{"second column vector", func(v *value.Vector) (value.Value, error) {
			if v == cols[0] {
				return value.NewDouble(1), nil
			}
			return v, nil
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := reduceColumns(cols, c.f)
			require.EqualError(t, err, ddberr.Errorf("The aggregate must reduce a column to a scalar.").Error())
		})
	}
}
