package fit

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// refLeastSquares is leastSquares as it was, reflecting each column
// through accessor closures: the direct loops must give its coefficients
// bit for bit.
func refLeastSquares(a [][]float64, b []float64) []float64 {
	m, k := len(a), len(a[0])
	for j := 0; j < k; j++ {
		norm := 0.0
		for i := j; i < m; i++ {
			norm += a[i][j] * a[i][j]
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			continue
		}
		if a[j][j] > 0 {
			norm = -norm
		}
		// v = a[j:, j] - norm*e1; reflect the remaining columns and b.
		a[j][j] -= norm
		vv := 0.0
		for i := j; i < m; i++ {
			vv += a[i][j] * a[i][j]
		}
		reflect := func(get func(i int) float64, set func(i int, x float64)) {
			dot := 0.0
			for i := j; i < m; i++ {
				dot += a[i][j] * get(i)
			}
			f := 2 * dot / vv
			for i := j; i < m; i++ {
				set(i, get(i)-f*a[i][j])
			}
		}
		for c := j + 1; c < k; c++ {
			reflect(func(i int) float64 { return a[i][c] }, func(i int, x float64) { a[i][c] = x })
		}
		reflect(func(i int) float64 { return b[i] }, func(i int, x float64) { b[i] = x })
		a[j][j] = norm
	}
	c := make([]float64, k)
	for j := k - 1; j >= 0; j-- {
		s := b[j]
		for t := j + 1; t < k; t++ {
			s -= a[j][t] * c[t]
		}
		if a[j][j] != 0 {
			c[j] = s / a[j][j]
		}
	}
	return c
}

// leastSquares on columns gives the row-wise closures' coefficients bit
// for bit, and polyFit stops on a cancelled request.
func TestLeastSquaresMatchesClosures(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 7))
	for _, shape := range [][2]int{{1, 1}, {5, 2}, {30, 4}, {200, 9}} {
		rows, cols := shape[0], shape[1]
		a, byCol, b := make([][]float64, rows), make([][]float64, cols), make([]float64, rows)
		for j := range byCol {
			byCol[j] = make([]float64, rows)
		}
		for i := range a {
			a[i] = make([]float64, cols)
			for j := range a[i] {
				a[i][j] = rng.NormFloat64()
				byCol[j][i] = a[i][j]
			}
			b[i] = rng.NormFloat64()
		}
		want := refLeastSquares(a, append([]float64(nil), b...))
		got, err := leastSquares(context.Background(), byCol, append([]float64(nil), b...))
		require.NoError(t, err)
		require.Len(t, got, len(want))
		for i := range want {
			require.Equal(t, math.Float64bits(want[i]), math.Float64bits(got[i]), "%v coefficient %d", shape, i)
		}
	}
	x := value.NewDoubles([]float64{1, 2, 3, 4, 5})
	fakeenv.RequireStops(t, polyFit, []value.Value{x, x, value.NewInt(2)})
}
