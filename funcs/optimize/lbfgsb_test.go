package optimize

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestMinimizeBox(t *testing.T) {
	quad := func(c []float64) objective {
		return func(x []float64) (float64, error) {
			s := 0.0
			for i := range x {
				s += float64(i+1) * (x[i] - c[i]) * (x[i] - c[i])
			}
			return s, nil
		}
	}
	for _, tc := range []struct {
		name       string
		centre, x0 []float64
		lo, hi     []float64
		want       []float64
	}{
		{"interior", []float64{1, -1}, []float64{0, 0}, []float64{-2, -2}, []float64{2, 2}, []float64{1, -1}},
		{"bounds active", []float64{3, -1}, []float64{1, 1}, []float64{0, 0}, []float64{2, 2}, []float64{2, 0}},
		{"start at a bound", []float64{0.5, 0.5, 0.5}, []float64{2, 0, 2}, []float64{0, 0, 0}, []float64{2, 2, 2}, []float64{0.5, 0.5, 0.5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x, _, err := minimizeBox(quad(tc.centre), tc.x0, tc.lo, tc.hi)
			require.NoError(t, err)
			require.InDeltaSlice(t, tc.want, x, 1e-5)
		})
	}
}
