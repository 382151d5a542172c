package rsengine

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

func exprs(t *testing.T, src ...string) []ast.Expr {
	var out []ast.Expr
	for _, s := range src {
		x, err := sqlparse.ParseExpr(s)
		require.NoError(t, err)
		out = append(out, x)
	}
	return out
}

// How many rows of a key the engine keeps: the rows the moving windows
// reach once cumulative and recursive functions are states; the whole
// history when a function it can't see into (a user function, a
// time-based window) remains.
func TestRowsKept(t *testing.T) {
	for _, c := range []struct {
		metrics []string
		nodes   int
		bound   int
	}{
		{[]string{"price", "mavg(price, 3)"}, 0, 3},
		{[]string{"mavg(mavg(price, 3), 4) - prev(price)"}, 0, 6},
		{[]string{"mcorr(x, y, 5)", "move(x, 7)", "percentChange(x, 2)"}, 0, 8},
		{[]string{"deltas(x, 4)", "deltas(x)", "ratios(x)"}, 0, 5},
		{[]string{"mavg(x, 3l)", "moving(avg, x, 6)"}, 0, 6},
		{[]string{"moving(corr{y}, x, 3)"}, 0, 0},
		{[]string{"ema(price, 20)"}, 1, 1},
		{[]string{"ema(1000 * (ema(x, 2) - ema(x, 3)) / (ema(x, 2) + ema(x, 3)), 4) - ema(1000 * (ema(x, 2) - ema(x, 3)) / (ema(x, 2) + ema(x, 3)), 5)"}, 4, 1},
		{[]string{"mavg(ema(x, 4), 2)", "cumsum(v)", "cummax(s)", "ema(cumsum(x) - cummin(x), 5)"}, 6, 2},
		{[]string{"cumsum(x)", "sum_diff(x, y)"}, 0, 0},
		{[]string{"tmavg(t, x, 3s)"}, 0, 0},
		{[]string{"mavg(x, 1..3)"}, 0, 0},
		{[]string{"iterate(1, 0.5, x)"}, 0, 0},
		{[]string{"genericStateIterate(v, p, 3, f{,})", "genericStateIterate([], p, 0, f)"}, 2, 1},
		{[]string{"genericTStateIterate(t, [a, b], p, 2m, f{, , 0.5}, true)", "prev(a)"}, 1, 2},
		{[]string{"genericStateIterate(v, p, w, f{,})"}, 0, 0},
		{[]string{"genericStateIterate(v, p, 3, f{, v})"}, 0, 0},
	} {
		ms := exprs(t, c.metrics...)
		p := makePlan(ms, nil, sizer{})
		if c.nodes == 0 {
			require.Nil(t, p, c.metrics)
			require.Equal(t, c.bound, rowsNeeded(ms), c.metrics)
			continue
		}
		require.NotNil(t, p, c.metrics)
		require.Len(t, p.nodes, c.nodes, c.metrics)
		all := append([]ast.Expr{}, p.exprs...)
		for _, nd := range p.nodes {
			all = append(all, nd.arg)
		}
		require.Equal(t, c.bound, rowsNeeded(all), c.metrics)
	}
}

// Time windows' extents are in the units of their time column.
func TestTimeExtent(t *testing.T) {
	dummy := value.NewTable([]string{"t", "d", "x"}, []*value.Vector{value.NewVector(value.Timestamp, 0, 0), value.NewVector(value.DateTime, 0, 0), value.NewVector(value.Double, 0, 0)})
	z := sizer{dummy: dummy}
	for _, c := range []struct {
		metrics []string
		ok      bool
		x       extent
	}{
		{[]string{"tmsum(t, x, 5s)"}, true, extent{rows: 1, time: 5000, tcol: "t"}},
		{[]string{"mavg(tmsum(t, x, 2s), 3)", "tmavg(t, x, 300)"}, true, extent{rows: 3, time: 2000, tcol: "t"}},
		{[]string{"tmsum(t, mavg(x, 4), 1H)"}, true, extent{rows: 4, time: 3600000, tcol: "t"}},
		{[]string{"tmavg(d, x, 1m)", "prev(x)"}, true, extent{rows: 2, time: 60, tcol: "d"}},
		{[]string{"tmavg(d, x, 1m)", "tmavg(t, x, 1m)"}, false, extent{}},
		{[]string{"tmsum(t, x, 1M)"}, false, extent{}},
		{[]string{"tmsum(x, x, 5)"}, false, extent{}},
	} {
		x, ok := z.extentOf(exprs(t, c.metrics...))
		require.Equal(t, c.ok, ok, c.metrics)
		if ok {
			require.Equal(t, c.x, x, c.metrics)
		}
	}
}
