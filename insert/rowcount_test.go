package insert

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/ddberr"
)

// An append is refused once the table would pass 2^31-1 rows; counts are
// passed directly so no table that large is allocated.
func TestCheckRowCount(t *testing.T) {
	for _, c := range []struct {
		have, add int
		ok        bool
	}{
		{0, 0, true},
		{math.MaxInt32 - 1, 1, true},
		{math.MaxInt32, 1, false},
		{1, math.MaxInt32, false},
		{math.MaxInt32, math.MaxInt32, false},
	} {
		err := checkRowCount(c.have, c.add)
		if c.ok {
			require.NoError(t, err, "%d+%d", c.have, c.add)
			continue
		}
		require.EqualError(t, err, ddberr.Errorf("An in-memory table can't exceed 2 billion rows. RefId: S05016").Error(), "%d+%d", c.have, c.add)
	}
}
