package join

import (
	"context"
	"errors"
	"testing"

	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/allocguard"
	"github.com/stretchr/testify/require"
)

// cj puts its whole result (its gathered columns) to the
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
		// 8+4 bytes of columns per row and side
		{"refused", 6000, 6000, refuse, 6000 * 6000 * 2 * 12},
		{"allowed", 4000, 4000, nil, 4000 * 4000 * 2 * 12},
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

// Every cj row pairs left row i / nr with right row i % nr, for each
// kind of column storage, empty sides included.
func TestCrossRows(t *testing.T) {
	side := func(n, seed int) *value.Table {
		ints, syms, strs := make([]int32, n), make([]string, n), make([]string, n)
		for i := range n {
			ints[i] = int32(i*7 + seed)
			syms[i] = string(rune('a' + (i+seed)%5))
			strs[i] = syms[i] + syms[i]
		}
		dec := value.NewLongs(make([]int64, n))
		dec.T, dec.Scale = value.Decimal64, 2
		for i := range dec.I64 {
			dec.I64[i] = int64(i*100 + seed)
		}
		return value.NewTable([]string{"i", "s", "str", "d"}, []*value.Vector{
			value.NewInts(ints), value.NewSymbols(syms), value.NewStrings(value.String, strs), dec})
	}
	for _, c := range []struct{ nl, nr int }{{3, 4}, {1, 70000}, {70000, 1}, {0, 5}, {5, 0}, {300, 300}} {
		l, r := side(c.nl, 1), side(c.nr, 2)
		res, err := Cross(context.Background(), l, r, "r")
		require.NoError(t, err)
		require.Equal(t, c.nl*c.nr, res.Rows())
		require.Equal(t, []string{"i", "s", "str", "d", "r_i", "r_s", "r_str", "r_d"}, res.Names)
		for i := 0; i < res.Rows(); i += max(1, res.Rows()/997) {
			for k := range l.Cols {
				require.Equal(t, l.Cols[k].At(i/c.nr).String(), res.Cols[k].At(i).String(), "%dx%d row %d", c.nl, c.nr, i)
				require.Equal(t, r.Cols[k].At(i%c.nr).String(), res.Cols[4+k].At(i).String(), "%dx%d row %d", c.nl, c.nr, i)
			}
		}
		for k, col := range res.Cols {
			require.Equal(t, append(l.Cols, r.Cols...)[k].T, col.T)
		}
	}
}
