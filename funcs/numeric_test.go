package funcs

import (
	"context"
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

// Horner gives each point's polynomial, NULL for a NULL point, and a
// cancelled context stops it before a quadratic amount of work.
func TestHorner(t *testing.T) {
	got, err := Horner(context.Background(), []float64{1, -2, 3}, []float64{0, 2, value.NullFloat64, -1})
	require.NoError(t, err)
	require.Equal(t, []float64{1, 9, value.NullFloat64, 6}, got)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = Horner(ctx, make([]float64, 200000), make([]float64, 200000))
	require.ErrorIs(t, err, context.Canceled)
}
