package fit

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// refSolveTridiagonal is solveTridiagonal as it was, on a dense matrix:
// the banded rows must give its solution bit for bit.
func refSolveTridiagonal(sub, diag, sup, b []float64) []float64 {
	n := len(diag)
	// dense rows: a pivot swap fills row k's column k+2.
	a := make([][]float64, n)
	for i := range a {
		a[i] = make([]float64, n)
		if i > 0 {
			a[i][i-1] = sub[i]
		}
		a[i][i] = diag[i]
		if i+1 < n {
			a[i][i+1] = sup[i]
		}
	}
	rhs := append([]float64(nil), b...)
	for k := 0; k < n; k++ {
		p := k
		if k+1 < n && math.Abs(a[k+1][k]) > math.Abs(a[k][k]) {
			p = k + 1
		}
		a[k], a[p] = a[p], a[k]
		rhs[k], rhs[p] = rhs[p], rhs[k]
		if k+1 < n && a[k][k] != 0 {
			f := a[k+1][k] / a[k][k]
			for j := k; j < min(n, k+3); j++ {
				a[k+1][j] -= f * a[k][j]
			}
			rhs[k+1] -= f * rhs[k]
		}
	}
	x := make([]float64, n)
	for i := n - 1; i >= 0; i-- {
		s := rhs[i]
		for j := i + 1; j < min(n, i+3); j++ {
			s -= a[i][j] * x[j]
		}
		x[i] = s / a[i][i]
	}
	return x
}

// The banded elimination makes the dense one's pivot swaps and
// arithmetic: the same solution bit for bit, small and zero diagonals
// (swaps at every step) included.
func TestSolveTridiagonalMatchesDense(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 1))
	for _, n := range []int{1, 2, 3, 4, 9, 40} {
		for trial := 0; trial < 20; trial++ {
			sub, diag, sup, b := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
			for i := 0; i < n; i++ {
				sub[i], diag[i], sup[i], b[i] = rng.NormFloat64(), rng.NormFloat64()*float64(trial%3), rng.NormFloat64(), rng.NormFloat64()
				if trial%4 == 0 {
					diag[i] = 4 + rng.Float64()
				}
			}
			want := refSolveTridiagonal(sub, diag, sup, b)
			got := solveTridiagonal(sub, diag, sup, b)
			require.Equal(t, len(want), len(got))
			for i := range want {
				require.Equal(t, math.Float64bits(want[i]), math.Float64bits(got[i]), "n=%d trial=%d x[%d]", n, trial, i)
			}
		}
	}
}
