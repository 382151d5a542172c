package engineparser

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/sqlparse"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
)

// The stages a set of metrics is split into (stream/str_eng_parser.md):
// each line is a stage's kind and its metrics, the last stage's being
// the user's metrics rewritten to read earlier stages' columns.
func TestPlanStages(t *testing.T) {
	kinds := map[kind]string{reactive: "RSE", cross: "CS", window: "TS"}
	for _, c := range []struct {
		metrics []string
		want    []string
	}{
		// the page's alpha1, its ts written in: a reactive stage, then the
		// cross-section ranks its column
		{[]string{"SecurityID", "rowRank(X=mimax(pow(iif(ratios(close) - 1 < 0, mstd(ratios(close) - 1, 20), close), 2.0), 5), percent=true) - 0.5"}, []string{
			"RSE: mimax(pow(iif(ratios(close) - 1 < 0, mstd(ratios(close) - 1, 20), close), 2.0), 5)",
			"CS: SecurityID | rank(X=col_0_, percent=true) - 0.5",
		}},
		// row functions do not nest: two cross-sectional stages
		{[]string{"sym", "rowRank(rowRank(close, percent=true), percent=true)"}, []string{
			"CS: rank(close, percent=true)",
			"CS: sym | rank(col_0_, percent=true)",
		}},
		// all reactive: one stage computes the metrics as written
		{[]string{"time", "mavg(ratios(close), 3)"}, []string{
			"RSE: time | mavg(ratios(close), 3)",
		}},
		// rolling in a time-series stage feeds the reactive stage
		{[]string{"mavg(rolling(sum, qty, 6000, 6000), 3)"}, []string{
			"TS: sum(qty)",
			"RSE: mavg(col_0_, 3)",
		}},
		// a reactive function of an input column after a cross-section goes
		// to the reactive stage already there; the raw column the
		// cross-section reads is carried through it
		{[]string{"sym", "rowSum(mavg(close, 2)) + rowMax(close)", "ratios(close) * rowMax(close)"}, []string{
			"RSE: mavg(close, 2) | close | ratios(close)",
			"CS: sym | sum(col_0_) + max(close) | col_1_ * max(close)",
		}},
		// a reactive function of a cross-section's result needs a stage
		// after it, where the other reactive function goes too; the
		// cross-section carries the input column on
		{[]string{"sym", "mavg(rowRank(close), 3) + ratios(close)"}, []string{
			"CS: rank(close) | close",
			"RSE: sym | mavg(col_0_, 3) + ratios(close)",
		}},
		// byRow applies its function over the cross-section
		{[]string{"byRow(sum, close)"}, []string{
			"CS: sum(close)",
		}},
	} {
		var ms []ast.Expr
		for _, m := range c.metrics {
			x, err := sqlparse.ParseExpr(m)
			require.NoError(t, err, m)
			ms = append(ms, x)
		}
		p := newPlan([]string{"sym", "time", "close", "qty", "SecurityID", "TradeTime"}, []string{"sym", "SecurityID"}, "time")
		p.finish(ms)
		require.NoError(t, p.err)
		var got []string
		for j, s := range p.stages {
			var xs []string
			if j == len(p.stages)-1 {
				for _, x := range s.finalExprs {
					xs = append(xs, unparse.Metacode(x))
				}
			} else {
				for _, col := range s.cols {
					xs = append(xs, unparse.Metacode(col.x))
				}
			}
			got = append(got, kinds[s.kind]+": "+strings.Join(xs, " | "))
		}
		require.Equal(t, c.want, got, strings.Join(c.metrics, ", "))
	}
}

// rolling needs its func, funcArgs and window.
func TestPlanRollingArguments(t *testing.T) {
	x, err := sqlparse.ParseExpr("rolling(sum, qty)")
	require.NoError(t, err)
	p := newPlan([]string{"qty"}, nil, "")
	p.finish([]ast.Expr{x})
	require.EqualError(t, p.err, "The argument [window] of rolling must be given in a metric of streamEngineParser.")
}
