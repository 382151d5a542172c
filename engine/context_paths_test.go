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

// groupedRows is a table t of n rows in about groups groups by k (DOUBLE
// x and INT i with a tenth NULL, DATE d, SYMBOL sy), and a group of a few
// rows keyed 9999.
func groupedRows(n, groups int) string {
	return fmt.Sprintf(`n = %d
k = rand(%d, n)
k[0:4] = 9999
x = rand(100.0, n) - 50.0
x[rand(n, n / 10)] = NULL
i = rand(100, n) - 20
i[rand(n, n / 10)] = NULL
d = 2024.01.01 + rand(300, n)
sy = symbol(string(rand(30, n)))
t = table(k, x, i, d, sy)`, n, groups)
}

// requireSameResult requires fast's last column to hold what slow's does,
// of the same type.
func requireSameResult(t *testing.T, slow, fast *value.Table, q string) {
	t.Helper()
	sc, fc := slow.Cols[len(slow.Cols)-1], fast.Cols[len(fast.Cols)-1]
	require.Equal(t, sc.T, fc.T, q)
	require.Equal(t, sc.Len(), fc.Len(), q)
	for r := 0; r < fc.Len(); r++ {
		require.Equal(t, sc.Elem(r).String(), fc.Elem(r).String(), "%s: row %d", q, r)
	}
}

// TestContextSegmentedCalls checks context by calls that run once over
// all groups (a Reach form, or the built-in called on each group's rows)
// against the same calls made inside a user function, which context by
// evaluates group by group: groups of one row and of many, NULLs, and
// columns of several types.
func TestContextSegmentedCalls(t *testing.T) {
	s := memSession(t, groupedRows(4000, 700))
	calls := []string{
		"prev(x)", "next(i)", "prev(sy)", "next(d)", "move(x, 2)", "move(i, -3)", "move(x, 0)", "move(sy, 1)",
		"deltas(x)", "deltas(i, 2)", "deltas(d)", "deltas(x, -1)", "ratios(x)", "ratios(i)",
		"percentChange(x)", "percentChange(i, 3)", "percentChange(x, -2)",
		"cumsum(x)", "cumsum(i)", "cummax(d)", "cummin(sy)", "cumcount(x)", "cumavg(i)", "cumprod(i)", "cumprod(x / 50)",
		"cumstd(x)", "cumvar(i)", "cumsum2(x)", "cummed(i)", "cumPositiveStreak(x)", "cumPositiveStreak(i)", "cumsum(x * 1e300)",
		"rank(x)", "denseRank(i)", "rowNo(x)", "ffill(x)", "iif(x > 0, prev(x), x)",
		// expressions around the calls: only the calls run by group
		"x - prev(x)", "(x - prev(x)) / prev(x)", "mavg(ratios(x), 3)", "mavg(x, 3) - mavg(x, 5)",
		"prev(cumsum(i))", "cumsum(x) / sum(x)", "prev(x - avg(x))", "iif(x > avg(x), deltas(x), 0.0)",
		"size(x) + rank(x)", "percentile(x, 50) - x", "prev(x) between -10:10", "sum(prev(x))",
		"x ** x", "sum(x ** x)", "rank(x, false)", "rank(sy)", "rank(d)", "denseRank(x, false, false, true)", "denseRank(sy, true, true, true)", "denseRank(i, true, false)", "log(x / prev(x))", "abs(x - prev(x))", "iif(i > 0, 1, 0) + rank(x)", "string(i) + string(sy)", "ceil(x) - floor(prev(x))", "in(i, i + 1)", "notIn(i, i * 2)", "i + 1", "-deltas(i) * 2", "max(i) - cummax(i)", "move(sy, 1) == sy",
	}
	for n, call := range calls {
		args := "x, i, d, sy"
		mustRun(t, s, fmt.Sprintf("def segcall%d(x, i, d, sy) { return %s }", n, call))
		for _, by := range []string{"k", "k csort d", "sy, k"} {
			fast := mustRun(t, s, fmt.Sprintf("select %s as r from t context by %s", call, by)).(*value.Table)
			slow := mustRun(t, s, fmt.Sprintf("select segcall%d(%s) as r from t context by %s", n, args, by)).(*value.Table)
			requireSameResult(t, slow, fast, call+" context by "+by)
		}
	}
}

// TestGroupByBuiltinAggregates checks built-in aggregates without a typed
// group loop (called on each group's rows at once) against the same calls
// inside a user function, which group by evaluates group by group.
func TestGroupByBuiltinAggregates(t *testing.T) {
	s := memSession(t, groupedRows(3000, 500))
	calls := []string{
		"percentile(x, 50)", "percentile(i, 90) - 1", "quantile(x, 0.3)", "skew(x)", "kurtosis(i)", "mad(x)",
		"prod(i)", "sum2(x)", "corr(x, i)", "covar(x, i)", "wsum(x, i)", "atImax(x, i)", "imax(x)",
		"firstNot(x)", "lastNot(i)", "mode(i)", "max(d) - min(d)", "mode(sy)", "percentile(x, 50) + avg(x)",
		"sum(x) / prod(i)", "percentile(x * 2, 25)", "sum(in(i, i + 1))", "sum(notIn(i, i * 2))",
	}
	for n, call := range calls {
		mustRun(t, s, fmt.Sprintf("def aggcall%d(x, i, d, sy) { return %s }", n, call))
		// the groups' order follows the aggregates called (hashGrouped):
		// order by makes it the same on both sides
		for _, by := range []string{"group by k order by k", "group by k, i > 0 as pos order by k, pos", "group by sy having percentile(x, 50) > -100 order by sy"} {
			fast := mustRun(t, s, fmt.Sprintf("select %s as r from t %s", call, by)).(*value.Table)
			slow := mustRun(t, s, fmt.Sprintf("select aggcall%d(x, i, d, sy) as r from t %s", n, by)).(*value.Table)
			requireSameResult(t, slow, fast, call+" "+by)
		}
	}
}
