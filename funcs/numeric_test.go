package funcs

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

func TestNullsAsNaN(t *testing.T) {
	in := []float64{1, value.NullFloat64, -2.5}
	out := NullsAsNaN(in)
	require.Equal(t, 1.0, out[0])
	require.True(t, math.IsNaN(out[1]))
	require.Equal(t, -2.5, out[2])
	require.Equal(t, value.NullFloat64, in[1], "the input stays as it was")
}
