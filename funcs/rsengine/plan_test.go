package rsengine

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
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
	} {
		ms := exprs(t, c.metrics...)
		p := makePlan(ms, nil)
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
