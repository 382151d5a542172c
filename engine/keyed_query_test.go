package engine

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Queries answered from a keyed or indexed table's index return what a
// full scan of the same rows as a plain table returns.
func TestKeyIndexesMatchScan(t *testing.T) {
	s := memSession(t, `n = 3000
a = take(1..30, n).sort()
b = take(1..100, n)
sym = take("s" + string(1..100), n)
v = rand(100.0, n)
p = table(a, b, sym, v)
kt = keyedTable(`+"`a`b"+`, p)
it = indexedTable(`+"`a`b"+`, p)
k1 = keyedTable(`+"`sym`b"+`, select * from p where a = 1)
i1 = indexedTable(`+"`b"+`, select * from p where a = 3)
insert into it values(31, 5, "s5", 1.0)
insert into kt values(31, 5, "s5", 1.0)
insert into p values(31, 5, "s5", 1.0)
insert into it values(2, 7, "new", 2.0)
insert into kt values(2, 7, "new", 2.0)
update p set sym = "new", v = 2.0 where a = 2, b = 7`)
	wheres := []string{
		"a = 5, b = 17",
		"a = 5 and b = 17 and v >= 0",
		"b = 17 and a = 5",
		"a = 2, b = 7",
		"a = 31, b = 5",
		"a = 5, b = 1000",
		"a in [3, 5, 99], b in 2 4 17",
		"a = 5",
		"a in 7 3",
		"a = 5, b > 40",
		"a = 5, b >= 40, b < 60",
		"a = 5, b between 10 : 20",
		"a = 5, b <= 3",
		"a > 28",
		"a >= 3 and a < 5",
		"a between 29 : 31",
		"a = 5, b > 40.5",
		"a = 5, sym = `s18",
		"a = 5.5",
		"a = NULL",
	}
	for _, w := range wheres {
		want, err := s.Run("select * from p where " + w + " order by a, b")
		require.NoError(t, err, w)
		for _, tb := range []string{"kt", "it"} {
			got, err := s.Run("select * from " + tb + " where " + w + " order by a, b")
			require.NoError(t, err, w)
			require.Equal(t, want.String(), got.String(), "%s where %s", tb, w)
		}
	}
	for _, q := range []string{
		"select * from k1 where sym = `s5, b = 5",
		"select * from k1 where sym in `s5`s6, b in 5 6 7",
		"select * from i1 where b = 9",
		"select * from i1 where b > 95",
		"select * from i1 where b between 3 : 4",
	} {
		want, err := s.Run(q[:14] + "(select * from " + q[14:16] + ")" + q[16:])
		require.NoError(t, err, q)
		got, err := s.Run(q)
		require.NoError(t, err, q)
		require.Equal(t, want.String(), got.String(), q)
	}
}
