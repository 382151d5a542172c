package lookup

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// cellLimitEnv refuses any Reserve past max elements, as a session at
// its memory limit.
type cellLimitEnv struct {
	funcs.Env
	max int
}

var errCellLimit = errors.New("over the limit")

func (e cellLimitEnv) Reserve(n int) error {
	if n > e.max {
		return errCellLimit
	}
	return nil
}

// panel's matrix is distinct rows by distinct columns: 200,000 of each
// asked for 320 GB and took the process down. It is accounted first.
func TestPanelReservesItsCells(t *testing.T) {
	ids := make([]int32, 2000)
	for i := range ids {
		ids[i] = int32(i)
	}
	x := value.NewInts(ids)
	_, err := panel(cellLimitEnv{max: 1 << 20}, []value.Value{x, x, x})
	require.ErrorIs(t, err, errCellLimit)
	small := value.NewInts([]int32{1, 2, 1})
	got, err := panel(cellLimitEnv{max: 1 << 20}, []value.Value{small, small, small})
	require.NoError(t, err)
	require.Equal(t, 2, got.(*value.Matrix).Rows)
}
