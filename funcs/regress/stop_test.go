package regress

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// polynomial with as many coefficients as points is quadratic work: a
// cancelled request stops it instead of running on.
func TestPolynomialStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	xs := value.NewDoubles(make([]float64, 200000))
	_, err := polynomial(&fakeenv.Func{Ctx: ctx}, []value.Value{xs, xs})
	require.ErrorIs(t, err, context.Canceled)
}
