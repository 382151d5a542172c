package decomp

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"
)

// A local fit of degree d reproduces any polynomial of degree d exactly,
// whatever the window and the point (inside or past the window's end).
func TestLoessAtReproducesItsDegree(t *testing.T) {
	poly := [][]float64{{2.5}, {2.5, -0.75}, {2.5, -0.75, 0.125}}
	for deg, c := range poly {
		y := make([]float64, 30)
		for i := range y {
			x := float64(i + 1)
			for k, ck := range c {
				y[i] += ck * math.Pow(x, float64(k))
			}
		}
		for _, tc := range []struct {
			xs            float64
			nleft, nright int
		}{{1, 1, 9}, {4.5, 1, 9}, {17, 11, 23}, {0, 1, 9}, {31, 22, 30}} {
			w := make([]float64, len(y))
			got, ok := loessAt(y, 9, deg, tc.xs, tc.nleft, tc.nright, w, nil)
			require.True(t, ok)
			want := 0.0
			for k, ck := range c {
				want += ck * math.Pow(tc.xs, float64(k))
			}
			require.InDelta(t, want, got, 1e-9, "degree %d at %v", deg, tc.xs)
		}
	}
}
