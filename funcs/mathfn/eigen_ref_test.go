package mathfn

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// refJacobiEigen is jacobiEigen as it was, rotating columns and rows in
// turn: the row-and-mirror update must give it bit for bit.
func refJacobiEigen(ctx context.Context, a [][]float64) ([]float64, [][]float64, error) {
	n := len(a)
	v := make([][]float64, n)
	for i := range v {
		v[i] = make([]float64, n)
		v[i][i] = 1
	}
	for sweep := 0; sweep < 100; sweep++ {
		off := 0.0
		for p := 0; p < n; p++ {
			for q := p + 1; q < n; q++ {
				off += a[p][q] * a[p][q]
			}
		}
		if off == 0 {
			break
		}
		for p := 0; p < n; p++ {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
			for q := p + 1; q < n; q++ {
				if a[p][q] == 0 {
					continue
				}
				theta := (a[q][q] - a[p][p]) / (2 * a[p][q])
				t := 1 / (math.Abs(theta) + math.Sqrt(theta*theta+1))
				if theta < 0 {
					t = -t
				}
				c := 1 / math.Sqrt(t*t+1)
				s := t * c
				for k := 0; k < n; k++ {
					akp, akq := a[k][p], a[k][q]
					a[k][p], a[k][q] = c*akp-s*akq, s*akp+c*akq
				}
				for k := 0; k < n; k++ {
					apk, aqk := a[p][k], a[q][k]
					a[p][k], a[q][k] = c*apk-s*aqk, s*apk+c*aqk
				}
				a[p][q], a[q][p] = 0, 0
				for k := 0; k < n; k++ {
					vkp, vkq := v[k][p], v[k][q]
					v[k][p], v[k][q] = c*vkp-s*vkq, s*vkp+c*vkq
				}
			}
		}
	}
	vals := make([]float64, n)
	for i := range vals {
		vals[i] = a[i][i]
	}
	return vals, v, nil
}

// The row-and-mirror rotations give the very eigenvalues and vectors the
// column-then-row rotations gave, bit for bit.
func TestJacobiEigenMatchesColumnRotations(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 3))
	for _, n := range []int{0, 1, 2, 3, 7, 30} {
		a := make([][]float64, n)
		for i := range a {
			a[i] = make([]float64, n)
			for j := 0; j <= i; j++ {
				a[i][j] = math.Round(rng.NormFloat64()*100) / 10
				a[j][i] = a[i][j]
			}
		}
		b := cloneRows(a)
		wantVals, wantVecs, err := refJacobiEigen(context.Background(), cloneRows(a))
		require.NoError(t, err)
		gotVals, gotVecs, err := jacobiEigen(context.Background(), b)
		require.NoError(t, err)
		require.Equal(t, wantVals, gotVals, "n=%d", n)
		require.Equal(t, wantVecs, gotVecs, "n=%d", n)
	}
}
