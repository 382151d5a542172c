package rsengine

import (
	"time"

	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/value"
)

// narrowTable is the output rows of createNarrowReactiveStateEngine:
// for each input row, one row per named metric holding the key
// columns, the elapsed time and batch size when asked for, the other
// metrics, the metric's name and its value
// (funcs/c/createnarrowreactivestateengine.md).
func (e *engine) narrowTable(batch *value.Table, metrics []*value.Vector, at, rows []int, start time.Time, n int) *value.Table {
	k := e.cfg.narrow
	plain := metrics[:len(metrics)-k]
	named := metrics[len(metrics)-k:]
	rep := func(xs []int) []int {
		out := make([]int, 0, len(xs)*k)
		for _, x := range xs {
			for range k {
				out = append(out, x)
			}
		}
		return out
	}
	rowsK := rep(rows)
	names, cols := e.outputColumns(batch, plain, rep(at), rowsK, start, n)
	mn := make([]string, 0, len(rowsK))
	for range at {
		mn = append(mn, e.cfg.metricNames...)
	}
	names = append(names, "metricName")
	cols = append(cols, value.NewStrings(value.String, mn))
	// the values share the type of the output's last column, else of
	// the first named metric
	t := named[0].T
	if o, ok := e.cfg.output.(*value.Table); ok && len(o.Cols) > 0 {
		t = o.Cols[len(o.Cols)-1].T
	}
	conv := make([]*value.Vector, k)
	for j, m := range named {
		conv[j] = m
		if m.T != t {
			if c, err := insert.ConvertForVector(m, t, 0); err == nil {
				conv[j] = c
			}
		}
	}
	vals := value.NewVector(conv[0].T, 0, len(rowsK))
	for _, p := range at {
		for j := range k {
			if conv[j].T == vals.T {
				vals.AppendFrom(conv[j], p)
			} else {
				vals.AppendNull()
			}
		}
	}
	names = append(names, "value")
	cols = append(cols, vals)
	return value.NewTable(names, cols)
}
