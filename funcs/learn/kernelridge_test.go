package learn

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// The kernel matrix is quadratic in the rows and predict a pass over the
// training rows per row: a cancelled request stops both.
func TestKernelRidgeStopsWhenCancelled(t *testing.T) {
	tbl := trainingTable(300)
	args := []value.Value{tbl, value.NewString("cls"), value.NewStrings(value.String, []string{"a", "b"}), value.NewDouble(1), value.NewString("rbf")}
	fakeenv.RequireStops(t, kernelRidge, args)

	model := fakeenv.RequireRuns(t, kernelRidge, args)
	fakeenv.RequireStops(t, kernelRidgePredict, []value.Value{model, tbl})
	got := fakeenv.RequireRuns(t, kernelRidgePredict, []value.Value{model, tbl})
	require.Equal(t, 300, got.(*value.Matrix).Rows)
}
