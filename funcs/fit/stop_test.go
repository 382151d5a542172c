package fit

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// polyPredict of a 200K-coefficient polynomial at 200K points is about
// 4e10 multiply-adds: a cancelled request stops it instead of running on
// for a minute and a half.
func TestPolyPredictStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	xs := value.NewDoubles(make([]float64, 200000))
	_, err := polyPredict(&fakeenv.Func{Ctx: ctx}, []value.Value{xs, xs})
	require.ErrorIs(t, err, context.Canceled)

	got, err := polyPredict(&fakeenv.Func{Ctx: context.Background()}, []value.Value{value.NewDoubles([]float64{1, 2}), value.NewDoubles([]float64{0, 3})})
	require.NoError(t, err)
	require.Equal(t, []float64{1, 7}, got.(*value.Vector).F64)
}
