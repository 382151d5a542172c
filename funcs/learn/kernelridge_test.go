package learn

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/fakeenv"
	"github.com/porpoisedb/porpoise/value"
)

// The kernel matrix is quadratic in the rows and predict a pass over the
// training rows per row: a cancelled request stops both.
func TestKernelRidgeStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	stopped := &fakeenv.Func{Ctx: ctx}
	live := &fakeenv.Func{Ctx: context.Background()}
	tbl := trainingTable(300)
	args := []value.Value{tbl, value.NewString("cls"), value.NewStrings(value.String, []string{"a", "b"}), value.NewDouble(1), value.NewString("rbf")}
	_, err := kernelRidge(stopped, args)
	require.ErrorIs(t, err, context.Canceled)

	model, err := kernelRidge(live, args)
	require.NoError(t, err)
	_, err = kernelRidgePredict(stopped, []value.Value{model, tbl})
	require.ErrorIs(t, err, context.Canceled)
	got, err := kernelRidgePredict(live, []value.Value{model, tbl})
	require.NoError(t, err)
	require.Equal(t, 300, got.(*value.Matrix).Rows)
}
