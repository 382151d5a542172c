package query

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// Per-partition results are concatenated only when all are tables of
// the first one's width.
func TestConcatResultsMixedForms(t *testing.T) {
	one := value.NewTable([]string{"x"}, []*value.Vector{value.NewDoubles([]float64{1})})
	two := value.NewTable([]string{"x", "y"}, []*value.Vector{value.NewDoubles([]float64{1}), value.NewDoubles([]float64{2})})
	for name, rs := range map[string][]value.Value{
		"table then vector": {one, value.NewDoubles([]float64{1})},
		"table then scalar": {one, value.NewDouble(1)},
		"wider table":       {one, two},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := concatResults(rs)
			require.EqualError(t, err, ddberr.Errorf("The partitions' results differ in form.").Error())
		})
	}
}
