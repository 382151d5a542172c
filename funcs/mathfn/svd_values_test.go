package mathfn

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// Singular values computed without the vectors are the very values the
// full decomposition gives, bit for bit, on every path svdRows takes:
// square, a little taller or wider, and much taller or wider (QR or LQ
// first).
func TestSVDValuesWithoutVectors(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, shape := range [][2]int{{1, 1}, {4, 4}, {5, 4}, {4, 5}, {12, 3}, {3, 12}, {40, 1}, {1, 40}, {30, 17}, {17, 30}} {
		a := make([][]float64, shape[0])
		for i := range a {
			a[i] = make([]float64, shape[1])
			for j := range a[i] {
				a[i][j] = r.NormFloat64()
				if r.IntN(5) == 0 {
					a[i][j] = float64(r.IntN(3)) // repeated values: rank-deficient blocks
				}
			}
		}
		_, full, _, err := svdRows(context.Background(), a, true)
		require.NoError(t, err)
		u, s, vt, err := svdRows(context.Background(), a, false)
		require.NoError(t, err)
		require.Nil(t, u)
		require.Nil(t, vt)
		require.Equal(t, full, s, "%dx%d", shape[0], shape[1])
	}
}
