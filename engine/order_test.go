package engine

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// An order by followed by top or limit selects its rows without sorting
// the whole table (rowsort.Top) when they are few: the rows must be those
// of the full sort, ties in input order, whatever the key types,
// directions, NULL places and limit forms.
func TestOrderByLimitMatchesFullSort(t *testing.T) {
	s := memSession(t, `n = 5000
a = take(1..7 join NULL, n)
b = rand(100.0, n)
b[0..50 * 7] = NULL
sym = take("s" + string(1..40) join "", n)$SYMBOL
str = take("t" + string(1..30), n)
ts = 2024.01.01T00:00:00.000 + take(1..500, n) * 1000
p = table(a, b, sym, str, ts, 1..n as id)`)
	orders := []string{
		"a", "a desc", "a asc nulls last", "a desc nulls first", "b", "b desc", "b desc nulls first",
		"sym", "sym desc, id", "str desc, a, b desc", "ts, sym asc nulls last", "a, b", "a * 2 desc",
	}
	limits := []string{"top 10", "top 1", "limit 7", "limit 30, 12", "limit 4990, 20", "limit -5", "top 200"}
	for _, o := range orders {
		for _, l := range limits {
			top, lim := "", ""
			if l[:3] == "top" {
				top = l + " "
			} else {
				lim = " " + l
			}
			for _, cols := range []string{"*", "id, a, sym as s", "id, b * 2 as w"} {
				q := "select " + top + cols + " from p order by " + o + lim
				want, err := s.Run("select " + top + cols + " from (select * from p order by " + o + ")" + lim)
				require.NoError(t, err, q)
				got, err := s.Run(q)
				require.NoError(t, err, q)
				require.Equal(t, want.String(), got.String(), q)
			}
		}
	}
	for x, ascs := range map[string][]string{
		"b": {"true", "false"}, "sym": {"false"}, "[a, b]": {"true", "[false, true]"}, "[sym, ts, str]": {"[false, true, false]"},
	} {
		for _, asc := range ascs {
			want, err := s.Run("isort(" + x + ", " + asc + ")[:25]")
			require.NoError(t, err, x)
			got, err := s.Run("isortTop(" + x + ", 25, " + asc + ")")
			require.NoError(t, err, x)
			require.Equal(t, want.String(), got.String(), "isortTop(%s, 25, %s)", x, asc)
		}
	}
}
