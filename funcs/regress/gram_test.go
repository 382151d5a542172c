package regress

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// gram multiplies x'x in bands of columns so a cancel can stop it; its
// result must be the one product's bit for bit (the fits and their
// breaks depend on it), for sparse columns as piecewiseLinFit's, zeros
// of both signs and column counts off the band size. designDense's
// banded copy must be the element-by-element copy it replaced.
func TestGramIsTheOneProduct(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	for _, shape := range [][2]int{{1, 1}, {5, 3}, {300, 31}, {2000, 33}, {4000, 97}} {
		n, k := shape[0], shape[1]
		cols := make([][]float64, k)
		for j := range cols {
			cols[j] = make([]float64, n)
			start := rng.IntN(n)
			for i := start; i < n; i++ {
				switch rng.IntN(10) {
				case 0:
					cols[j][i] = math.Copysign(0, -1)
				case 1:
				default:
					cols[j][i] = rng.NormFloat64() * math.Pow(10, float64(rng.IntN(12)-6))
				}
			}
		}
		y, w := make([]float64, n), make([]float64, n)
		for i := range y {
			y[i], w[i] = rng.NormFloat64(), rng.Float64()*3
		}
		for _, weights := range [][]float64{nil, w} {
			x, yw, err := designDense(context.Background(), cols, y, weights)
			require.NoError(t, err)
			want := mat.NewDense(n, k, nil)
			for i := 0; i < n; i++ {
				s := 1.0
				if weights != nil {
					s = math.Sqrt(weights[i])
				}
				for j, c := range cols {
					want.Set(i, j, c[i]*s)
				}
				require.Equal(t, math.Float64bits(y[i]*s), math.Float64bits(yw[i]))
			}
			require.Equal(t, bitsOf(want.RawMatrix().Data), bitsOf(x.RawMatrix().Data), "design %dx%d", n, k)
			var one mat.Dense
			one.Mul(x.T(), x)
			got, err := gram(context.Background(), x)
			require.NoError(t, err)
			require.Equal(t, bitsOf(one.RawMatrix().Data), bitsOf(got.RawMatrix().Data), "x'x %dx%d", n, k)
		}
	}
}

func bitsOf(xs []float64) []uint64 {
	out := make([]uint64, len(xs))
	for i, x := range xs {
		out[i] = math.Float64bits(x)
	}
	return out
}
