package wire

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/chart"
)

// A chart travels as its dictionary under form 7 (ANY values), which the
// official clients read as a chart, and reads back as a chart.
func TestChartRoundTrip(t *testing.T) {
	m := &value.Matrix{V: value.NewDoubles([]float64{1, 2, 3, 4}), Rows: 2, Cols: 2, ColLabels: value.NewStrings(value.String, []string{"x", "y"})}
	c := chart.New([]string{"chartType", "stacking", "title", "data"},
		[]value.Value{value.NewInt(chart.Line), value.NewBool(false), value.NewStrings(value.String, []string{"t"}), m})
	b, err := Marshal(c, nil)
	require.NoError(t, err)
	require.Equal(t, []byte{byte(value.Any), byte(value.FormChart), byte(value.String), byte(value.FormVector)}, b[:4])
	got, err := NewBytesReader(b).ReadObject()
	require.NoError(t, err)
	gc, ok := got.(*chart.Chart)
	require.True(t, ok, "%T", got)
	require.Equal(t, "4", gc.Get("chartType").String())
	require.Equal(t, []string{"x", "y"}, gc.Get("data").(*value.Matrix).ColLabels.Str)
}
