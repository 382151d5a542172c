package interp

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// The banded rotation gives the least-squares coefficients a dense
// solve of the whole design gives, for fits and for interpolation.
func TestBandedLeastSquaresMatchesDense(t *testing.T) {
	r := rand.New(rand.NewPCG(40, 1))
	const k = 3
	for _, tc := range []struct{ m, inner int }{{10, 4}, {50, 0}, {200, 20}, {500, 100}, {300, 296}} {
		x := make([]float64, tc.m)
		y := make([]float64, tc.m)
		for i := range x {
			x[i] = float64(i) + r.Float64()*0.5
			y[i] = math.Sin(x[i]/7) + r.NormFloat64()
		}
		inner := x[2 : tc.m-2] // interpolation: tc.inner == m-4
		if tc.inner < tc.m-4 {
			inner = make([]float64, tc.inner)
			for j := range inner {
				inner[j] = x[0] + (x[tc.m-1]-x[0])*float64(j+1)/float64(tc.inner+1)
			}
		}
		knots := append(append([]float64{x[0], x[0], x[0], x[0]}, inner...), x[tc.m-1], x[tc.m-1], x[tc.m-1], x[tc.m-1])
		nc := len(knots) - k - 1
		got := bandedLeastSquares(x, y, knots, k, nc)

		a := mat.NewDense(tc.m, nc, nil)
		basis := make([]float64, k+1)
		for i, xi := range x {
			l := span(knots, k, xi)
			bsplineBasis(knots, k, l, xi, basis)
			for j, b := range basis {
				a.Set(i, l-k+j, b)
			}
		}
		var want mat.VecDense
		require.NoError(t, want.SolveVec(a, mat.NewVecDense(tc.m, y)))
		for j := range got {
			require.InDelta(t, want.AtVec(j), got[j], 1e-9*(1+math.Abs(want.AtVec(j))), "m=%d inner=%d coefficient %d", tc.m, tc.inner, j)
		}
	}
}

// A rank-deficient design (no point between two knots) gives non-finite
// coefficients, which splrep refuses.
func TestBandedLeastSquaresRankDeficient(t *testing.T) {
	x := []float64{0, 1, 2, 3, 4, 5}
	y := []float64{1, 2, 1, 2, 1, 2}
	knots := []float64{0, 0, 0, 0, 2.1, 2.2, 2.3, 5, 5, 5, 5}
	c := bandedLeastSquares(x, y, knots, 3, len(knots)-4)
	finite := true
	for _, v := range c {
		finite = finite && !math.IsInf(v, 0) && !math.IsNaN(v)
	}
	require.False(t, finite)
}

// span bisects to the interval the linear scan it replaced found.
func TestSpanMatchesScan(t *testing.T) {
	scan := func(tk []float64, k int, x float64) int {
		l := k
		for l < len(tk)-k-2 && x >= tk[l+1] {
			l++
		}
		return l
	}
	knots := []float64{0, 0, 0, 0, 1, 1, 2, 3, 3, 3, 5, 5, 5, 5}
	for x := -1.0; x <= 6; x += 0.25 {
		require.Equal(t, scan(knots, 3, x), span(knots, 3, x), "x=%v", x)
	}
}
