package join

import (
	"context"
	"errors"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/allocguard"
	"github.com/stretchr/testify/require"
)

// cj puts its whole result (row indexes and gathered columns) to the
// memory guard before making any of it, and answers the guard's error;
// 200,000 by 200,000 rows took the process down. A result the guard
// allows is made as before.
func TestCrossReservesItsResult(t *testing.T) {
	refuse := errors.New("Out of memory")
	var asked []int64
	defer allocguard.Set(allocguard.Set(func(bytes int64) error {
		asked = append(asked, bytes)
		if bytes > 512<<20 {
			return refuse
		}
		return nil
	}))
	side := func(n int) *value.Table {
		return value.NewTable([]string{"a", "s"}, []*value.Vector{
			value.NewDoubles(make([]float64, n)), value.NewSymbols(make([]string, n))})
	}
	cases := []struct {
		name       string
		nl, nr     int
		err        error
		askedBytes int64
	}{
		// 16 bytes of indexes and 8+4 of columns per row and side
		{"refused", 4000, 4000, refuse, 4000 * 4000 * (16 + 2*12)},
		{"allowed", 2000, 2000, nil, 2000 * 2000 * (16 + 2*12)},
		{"small, not asked", 100, 100, nil, 0},
	}
	for _, c := range cases {
		asked = nil
		res, err := Cross(context.Background(), side(c.nl), side(c.nr), "r")
		if c.err != nil {
			require.ErrorIs(t, err, c.err, c.name)
		} else {
			require.NoError(t, err, c.name)
			require.Equal(t, c.nl*c.nr, res.Rows(), c.name)
			require.Equal(t, []string{"a", "s", "r_a", "r_s"}, res.Names, c.name)
		}
		if c.askedBytes == 0 {
			require.Empty(t, asked, c.name)
		} else {
			require.Equal(t, c.askedBytes, asked[0], c.name)
		}
	}
}
