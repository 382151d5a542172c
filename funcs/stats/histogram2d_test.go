package stats

import (
	"context"
	"testing"

	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
	"github.com/stretchr/testify/require"
)

// histogram2d accounts its bins-by-bins counts and a scalar bins' edges
// before making them: two vectors of 200,000 edges took the process down.
func TestHistogram2dReservesItsCounts(t *testing.T) {
	const n = 3000
	edges := make([]float64, n)
	for i := range edges {
		edges[i] = float64(i)
	}
	x := value.NewDoubles([]float64{0.5, 1.5, 2.5})
	cases := []struct {
		name string
		bins value.Value
		max  int
		err  error
		rows int
	}{
		{"edges, refused", value.NewDoubles(edges), 1 << 20, fakeenv.ErrOverLimit, 0},
		{"edges, allowed", value.NewDoubles(edges), 1 << 24, nil, n - 1},
		{"bins count, refused", value.NewInt(n), 1 << 20, fakeenv.ErrOverLimit, 0},
		{"bins count past the edges' memory", value.NewLong(1 << 50), 1 << 24, fakeenv.ErrOverLimit, 0},
		{"small", value.NewInt(4), 16, nil, 4},
	}
	for _, c := range cases {
		env := &fakeenv.Limited{Func: fakeenv.Func{Ctx: context.Background()}, Max: c.max}
		got, err := histogram2d(env, []value.Value{x, x, c.bins})
		if c.err != nil {
			require.ErrorIs(t, err, c.err, c.name)
			continue
		}
		require.NoError(t, err, c.name)
		h := got.(*value.Dict).Get(value.NewStrings(value.String, []string{"H"}), 0)
		require.Equal(t, c.rows, h.(*value.Matrix).Rows, c.name)
	}
}
