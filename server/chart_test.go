package server_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/internal/testkit"
	"github.com/porpoisedb/porpoise/server"
	"github.com/porpoisedb/porpoise/value/chart"
)

// plot's chart reaches a client as a chart object (form 7).
func TestPlotReachesClientAsChart(t *testing.T) {
	ts := server.RunT(t)
	c := ts.Dial(t)
	v := testkit.Query(t, c, "plot(table(1 2 3 as x, 3 2 1 as y), , `prices, BAR)")
	ch, ok := v.(*chart.Chart)
	require.True(t, ok, "%T", v)
	require.Equal(t, "1", ch.Get("chartType").String())
	require.Equal(t, `["prices"]`, ch.Get("title").String())
}
