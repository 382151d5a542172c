package fit

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// polyPredict of a 200K-coefficient polynomial at 200K points is about
// 4e10 multiply-adds: a cancelled request stops it instead of running on
// for a minute and a half.
func TestPolyPredictStopsWhenCancelled(t *testing.T) {
	xs := value.NewDoubles(make([]float64, 200000))
	fakeenv.RequireStops(t, polyPredict, []value.Value{xs, xs})

	got := fakeenv.RequireRuns(t, polyPredict, []value.Value{value.NewDoubles([]float64{1, 2}), value.NewDoubles([]float64{0, 3})})
	require.Equal(t, []float64{1, 7}, got.(*value.Vector).F64)
}

// Krogh's divided differences are quadratic in the points and its
// evaluation costs a pass over them per new point: a cancelled request
// stops the fit, the interpolation and the model's predict.
func TestKroghStopsWhenCancelled(t *testing.T) {
	live := fakeenv.Live()
	xs := make([]float64, 1000)
	for i := range xs {
		xs[i] = float64(i)
	}
	x, y := value.NewDoubles(xs), value.NewDoubles(xs)
	fakeenv.RequireStops(t, kroghInterpolateFit, []value.Value{x, y})
	fakeenv.RequireStops(t, kroghInterpolate, []value.Value{x, y, x})

	small := value.NewDoubles([]float64{0, 1, 2})
	model, err := kroghInterpolateFit(live, []value.Value{small, value.NewDoubles([]float64{1, 3, 7})})
	require.NoError(t, err)
	got, err := kroghPredictFn(live, []value.Value{model, value.NewDoubles([]float64{3, value.NullFloat64})})
	require.NoError(t, err)
	require.Equal(t, []float64{13, value.NullFloat64}, got.(*value.Vector).F64)
	fakeenv.RequireStops(t, kroghPredictFn, []value.Value{model, small})
}

// gaussianKdePredict sums a kernel over every data point for every query
// point: a cancelled request stops it.
func TestKdePredictStopsWhenCancelled(t *testing.T) {
	x := value.NewDoubles([]float64{1, 2, 4, 8, 9})
	model := fakeenv.RequireRuns(t, gaussianKde, []value.Value{x})
	fakeenv.RequireRuns(t, gaussianKdePredict, []value.Value{model, x})
	fakeenv.RequireStops(t, gaussianKdePredict, []value.Value{model, x})
}
