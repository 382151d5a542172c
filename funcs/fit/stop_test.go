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

// Krogh's divided differences are quadratic in the points and its
// evaluation costs a pass over them per new point: a cancelled request
// stops the fit, the interpolation and the model's predict.
func TestKroghStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	stopped := &fakeenv.Func{Ctx: ctx}
	live := &fakeenv.Func{Ctx: context.Background()}
	xs := make([]float64, 1000)
	for i := range xs {
		xs[i] = float64(i)
	}
	x, y := value.NewDoubles(xs), value.NewDoubles(xs)
	_, err := kroghInterpolateFit(stopped, []value.Value{x, y})
	require.ErrorIs(t, err, context.Canceled)
	_, err = kroghInterpolate(stopped, []value.Value{x, y, x})
	require.ErrorIs(t, err, context.Canceled)

	small := value.NewDoubles([]float64{0, 1, 2})
	model, err := kroghInterpolateFit(live, []value.Value{small, value.NewDoubles([]float64{1, 3, 7})})
	require.NoError(t, err)
	got, err := kroghPredictFn(live, []value.Value{model, value.NewDoubles([]float64{3, value.NullFloat64})})
	require.NoError(t, err)
	require.Equal(t, []float64{13, value.NullFloat64}, got.(*value.Vector).F64)
	_, err = kroghPredictFn(stopped, []value.Value{model, small})
	require.ErrorIs(t, err, context.Canceled)
}

// gaussianKdePredict sums a kernel over every data point for every query
// point: a cancelled request stops it.
func TestKdePredictStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	live := &fakeenv.Func{Ctx: context.Background()}
	x := value.NewDoubles([]float64{1, 2, 4, 8, 9})
	model, err := gaussianKde(live, []value.Value{x})
	require.NoError(t, err)
	_, err = gaussianKdePredict(live, []value.Value{model, x})
	require.NoError(t, err)
	_, err = gaussianKdePredict(&fakeenv.Func{Ctx: ctx}, []value.Value{model, x})
	require.ErrorIs(t, err, context.Canceled)
}
