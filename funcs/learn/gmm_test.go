package learn

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// Each EM pass is a pass over every sample and component: a cancelled
// request stops between passes.
func TestGmmStopsWhenCancelled(t *testing.T) {
	xs := value.NewDoubles([]float64{1, 2, 3, 10, 11, 12})
	args := []value.Value{xs, value.NewInt(2), value.NewInt(300), value.NewDouble(1e-4), value.NewInt(1), value.NewDoubles([]float64{0, 20})}
	fakeenv.RequireStops(t, gmm, args)

	got := fakeenv.RequireRuns(t, gmm, args)
	mu, ok := floats(funcs.ModelField(got, "mean"))
	require.True(t, ok)
	require.InDelta(t, 2, mu[0], 1e-6)
	require.InDelta(t, 11, mu[1], 1e-6)
}
