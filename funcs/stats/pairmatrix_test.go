package stats

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// ctxEnv is an Env whose only use here is its context.
type ctxEnv struct {
	funcs.Env
	ctx context.Context
}

func (e ctxEnv) Context() context.Context { return e.ctx }

// The one-dot-product path gives what pairwise sums give, a NULL counted
// as 0 (funcs/c/corrMatrix.md).
func TestPairMatrixMatchesPairwiseSums(t *testing.T) {
	const rows, cols = 50, 4
	data := make([]float64, rows*cols)
	for i := range data {
		data[i] = math.Sin(float64(i)*0.7) * float64(i%13)
	}
	data[3*rows+7] = value.NullFloat64
	m := &value.Matrix{V: value.NewDoubles(data), Rows: rows, Cols: cols}
	got, err := pairMatrix(ctxEnv{ctx: context.Background()}, "corrMatrix", m, (*PairSums).Corr)
	require.NoError(t, err)
	out := got.(*value.Matrix).V.F64
	for i := 0; i < cols; i++ {
		for j := 0; j < cols; j++ {
			var p PairSums
			for r := 0; r < rows; r++ {
				x, y := data[i*rows+r], data[j*rows+r]
				if x == value.NullFloat64 {
					x = 0
				}
				if y == value.NullFloat64 {
					y = 0
				}
				p.Add(x, y)
			}
			require.InDelta(t, p.Corr(), out[j*cols+i], 1e-12, "pair %d,%d", i, j)
		}
	}
}

// A cancelled request stops a large matrix instead of running on.
func TestPairMatrixStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	m := &value.Matrix{V: value.NewDoubles(make([]float64, 100*300)), Rows: 100, Cols: 300}
	_, err := pairMatrix(ctxEnv{ctx: ctx}, "corrMatrix", m, (*PairSums).Corr)
	require.ErrorIs(t, err, context.Canceled)
}
