package stats

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// acf shares one mean and denominator across its lags: each lag is what
// autocorr gives for it alone, NULLs included, and a cancelled request
// stops the lags.
func TestAcfMatchesAutocorr(t *testing.T) {
	xs := make([]float64, 300)
	for i := range xs {
		xs[i] = math.Sin(float64(i)*0.3) + float64(i%11)
	}
	xs[5], xs[77] = value.NullFloat64, value.NullFloat64
	got, err := acfFn(ctxEnv{ctx: context.Background()}, []value.Value{value.NewDoubles(xs), value.NewInt(250)})
	require.NoError(t, err)
	for k, v := range got.(*value.Vector).F64 {
		require.Equal(t, autocorrAt(xs, k+1), v, "lag %d", k+1)
	}
	nulls := []float64{value.NullFloat64, value.NullFloat64, value.NullFloat64}
	got, err = acfFn(ctxEnv{ctx: context.Background()}, []value.Value{value.NewDoubles(nulls), value.NewInt(2)})
	require.NoError(t, err)
	require.Equal(t, []float64{value.NullFloat64, value.NullFloat64}, got.(*value.Vector).F64)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = acfFn(ctxEnv{ctx: ctx}, []value.Value{value.NewDoubles(xs), value.NewInt(250)})
	require.ErrorIs(t, err, context.Canceled)
}
