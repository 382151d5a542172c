package engine

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/value"
)

// TestContextLimitColumns checks that a context by select of plain
// columns with top or limit, answered by gathering the kept rows, agrees
// with the general path (forced by an extra computed item) on tables with
// NULL keys, repeated csort values and groups shorter than the limit.
func TestContextLimitColumns(t *testing.T) {
	s := memSession(t, `n = 3000
sym = take(symbol(["a", "b", "", "c", "d"]), n)[shuffle(0..(n-1))]
k2 = rand(3, n)
k2[rand(n, 300)] = NULL
x = rand(20, n) * 1.0
x[rand(n, 300)] = NULL
tm = 0..(n-1)
t = table(sym, k2, x, tm)
t1 = select * from t where sym == "c" or rand(1.0, n) < 0.5`)
	heads := []string{"select %s sym, x, tm from %s", "select %s * from %s", "select %s x as y, sym from %s"}
	tails := []string{
		"context by sym limit 2", "context by sym limit -2", "context by sym limit 0", "context by sym limit 5000",
		"context by sym, k2 limit -1", "context by k2 limit 3",
		"context by sym csort x limit 2", "context by sym csort x desc limit -3",
		"context by sym csort x, tm desc limit 4", "context by k2, sym csort x desc limit -1",
	}
	for _, tbl := range []string{"t", "t1"} {
		for _, head := range heads {
			for _, tail := range tails {
				for _, hint := range []string{"", "[HINT_KEEPORDER]"} {
					q := fmt.Sprintf(head, hint, tbl) + " " + tail
					requireGeneralPath(t, s, q)
				}
			}
			for _, hint := range []string{"", "[HINT_KEEPORDER] "} {
				top := fmt.Sprintf(head, hint+"top 2", tbl) + " context by sym"
				requireGeneralPath(t, s, top)
			}
		}
	}
}

// requireGeneralPath runs q and q with one more, computed, item (which
// the gathering path does not take) and requires the same columns.
func requireGeneralPath(t *testing.T, s *Session, q string) {
	t.Helper()
	fast := mustRun(t, s, q).(*value.Table)
	slow := mustRun(t, s, strings.Replace(q, " from ", ", 0 as zz__ from ", 1)).(*value.Table)
	require.Equal(t, slow.Names[:len(slow.Names)-1], fast.Names, q)
	require.Equal(t, slow.Rows(), fast.Rows(), q)
	for c := range fast.Cols {
		for r := 0; r < fast.Rows(); r++ {
			require.Equal(t, slow.Cols[c].Elem(r).String(), fast.Cols[c].Elem(r).String(), "%s: column %d row %d", q, c, r)
		}
	}
}
