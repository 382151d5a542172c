package optimize

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestStepCubic pins dcstep's trials that take the cubic's minimizer
// from stp: toward stx when the slopes change sign, toward sty when the
// interval is bracketed and the slope does not fall in size.
func TestStepCubic(t *testing.T) {
	cases := []struct {
		name       string
		s          mtState
		stp, f, g  float64
		want       float64
		wantBrackt bool
	}{
		{"slopes change sign", mtState{stx: 0, fx: 1, gx: -1, sty: 2, fy: 3, gy: 1, stmin: 0, stmax: 10},
			1, 0.99, 0.1, 0.3576935861237046, true},
		{"bracketed, slope grows", mtState{brackt: true, stx: 0, fx: 1, gx: -1, sty: 3, fy: 2, gy: 1, stmin: 0, stmax: 3},
			1, 0.5, -2, 1.4548368747494784, true},
		{"not bracketed, slope grows", mtState{stx: 0, fx: 1, gx: -1, sty: 0, fy: 1, gy: -1, stmin: 0, stmax: 4},
			1, 0.5, -2, 4, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := c.s
			require.Equal(t, c.want, s.step(c.stp, c.f, c.g))
			require.Equal(t, c.wantBrackt, s.brackt)
		})
	}
}
