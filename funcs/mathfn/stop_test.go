package mathfn

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// The cubic decompositions take seconds at 500x500 (eig half a minute)
// and minutes at a few thousand rows: a cancelled request stops each of
// them, on every path svdRows takes (square, tall, wide), and the LU
// (det, inverse, lu), Cholesky, Householder (qr) and Gram-Schmidt loops;
// so does iterate, quadratic in a long state (a minute at 200,000).
func TestDecompositionsStopWhenCancelled(t *testing.T) {
	square := func(rows, cols int) *value.Matrix {
		xs := make([]float64, rows*cols)
		for i := range xs {
			xs[i] = float64(i%7) - float64(i%5)*0.5
		}
		return &value.Matrix{V: value.NewDoubles(xs), Rows: rows, Cols: cols}
	}
	// spd is positive definite (cholesky) and so non-singular (inverse)
	// with independent columns (gramSchmidt)
	spd := func(n int) *value.Matrix {
		xs := make([]float64, n*n)
		for i := range xs {
			xs[i] = 1 / float64(1+i%n+i/n)
		}
		for i := 0; i < n; i++ {
			xs[i*n+i] += float64(n)
		}
		return &value.Matrix{V: value.NewDoubles(xs), Rows: n, Cols: n}
	}
	calls := []struct {
		name string
		fn   funcs.Impl
		args []value.Value
	}{
		{"eig", eig, []value.Value{square(60, 60)}},
		{"schur", schur, []value.Value{square(60, 60)}},
		{"svd", svd, []value.Value{square(60, 60)}},
		{"svd tall", svd, []value.Value{square(200, 20)}},
		{"svd wide", svd, []value.Value{square(20, 200)}},
		{"svd values", svd, []value.Value{square(60, 60), value.NewBool(true), value.NewBool(false)}},
		{"pinverse", pinverse, []value.Value{square(60, 60)}},
		{"matrixRank", matrixRank, []value.Value{square(60, 60)}},
		{"norm nuc", vectorNorm, []value.Value{square(60, 60), value.NewString("nuc")}},
		{"det", det, []value.Value{square(60, 60)}},
		{"inverse", inverse, []value.Value{spd(60)}},
		{"lu", luFn, []value.Value{square(60, 60)}},
		{"lu permute", luFn, []value.Value{square(60, 60), value.NewBool(true)}},
		{"cholesky", cholesky, []value.Value{spd(60)}},
		{"qr", qrFn, []value.Value{square(60, 60)}},
		{"qr pivoting", qrFn, []value.Value{square(60, 60), value.NewString("full"), value.NewBool(true)}},
		{"gramSchmidt", gramSchmidt, []value.Value{spd(60)}},
		{"iterate", iterate, []value.Value{value.NewDoubles(make([]float64, 100)), value.NewDoubles(make([]float64, 100)), value.NewInt(10)}},
	}
	for _, c := range calls {
		fakeenv.RequireStops(t, c.fn, c.args, c.name)
		fakeenv.RequireRuns(t, c.fn, c.args, c.name)
	}
}

// The checks stop each stage, not only the first: a context cancelled
// after the reduction to bidiagonal or Hessenberg form still stops the
// sweeps.
func TestSweepsStopWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d, e := []float64{3, 2, 1}, []float64{1, 1}
	require.ErrorIs(t, bdsqr(ctx, d, e, make([][]float64, 3), nil), context.Canceled)
	s := &realSchur{n: 3, t: [][]float64{{1, 2, 3}, {4, 5, 6}, {0, 7, 8}}, z: funcs.IdentityRows(3)}
	require.ErrorIs(t, s.hqr(ctx), context.Canceled)
	_, err := mulRows(ctx, [][]float64{{1}}, [][]float64{{1}})
	require.ErrorIs(t, err, context.Canceled)
}
