package tsengine

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/value"
)

// AddMetrics implements streamengine.MetricAdder: the metrics are a
// group of their own over windows of windowSize, whose columns follow
// the others' in the output, as the columns addMetrics adds to the
// output table do; windows output before the addition leave them NULL
// (funcs/a/addMetrics.md).
func (e *engine) AddMetrics(m *streamengine.Metrics, schema *value.Table, windowSize, fill value.Value) error {
	const fn = "addMetrics"
	e.mu.Lock()
	defer e.mu.Unlock()
	c := e.c
	w := c.windows[0]
	if !funcs.NullOrAbsent(windowSize) {
		n, err := funcs.PositiveIntArg(fn, "windowSize", windowSize, 0)
		if err != nil {
			return err
		}
		known := false
		for _, x := range c.windows {
			known = known || x == n
		}
		if !known {
			return funcs.BadArg(fn, "windowSize", "one of the engine's window sizes")
		}
		w = n
	}
	for _, x := range m.Exprs {
		if !aggregateOnly(e.bg, x, e.dummy) {
			return ddberr.Errorf("The time-series engine only accepts aggregate functions as metrics. RefId: S03014")
		}
	}
	// the new metrics' fills, read as createTimeSeriesEngine reads fill
	fc := &config{fn: fn, nMetric: len(m.Exprs)}
	if funcs.NullOrAbsent(fill) {
		fill = nil
	}
	if err := fc.parseFill(fn, fill); err != nil {
		return err
	}
	switch {
	case fc.fill == nil && c.fill != nil:
		// an engine that fills fills the new metrics with NULL
		fc.fill = make([]fillSpec, len(m.Exprs))
		for i := range fc.fill {
			fc.fill[i] = fillSpec{kind: fillNull}
		}
	case fc.fill != nil && c.fill == nil:
		// its windows without rows output nothing to fill
		return funcs.BadArg(fn, "fill", "left out for an engine created without fill")
	}
	if out, ok := c.output.(*value.Table); ok && c.handler == nil {
		types := make([]string, len(schema.Cols))
		for i, col := range schema.Cols {
			types[i] = col.T.String()
		}
		add, _ := funcs.Lookup("addColumn")
		args := []value.Value{out, value.NewStrings(value.String, schema.Names), value.NewStrings(value.String, types)}
		// addMetrics holds the output's lock
		if _, err := e.bg.Call(add, args...); err != nil {
			return err
		}
	}
	at := map[*group]int{}
	for _, g := range e.groups.All {
		at[g] = g.dropped + len(g.times)
	}
	if e.addedAt == nil {
		e.addedAt = map[int]map[*group]int{}
	}
	e.addedAt[len(c.windows)] = at
	c.windows = append(c.windows, w)
	c.metrics = append(c.metrics, m)
	if c.fill != nil {
		c.fill = append(c.fill, fc.fill...)
	}
	c.nMetric += len(m.Exprs)
	c.text = strings.Join([]string{c.text, m.Text}, ",")
	return nil
}

// cutoff is the first of g's rows the metrics group j reads: rows taken
// before addMetrics added it count in none of its windows, as the page's
// example shows (the first window after the addition averages the new
// rows only).
func (e *engine) cutoff(j int, g *group) int {
	at, ok := e.addedAt[j][g]
	if !ok {
		return 0
	}
	return max(0, at-g.dropped)
}

// each is x for each metrics group: a session window's rows are every
// group's.
func (e *engine) each(x int) []int {
	out := make([]int, len(e.c.windows))
	for i := range out {
		out[i] = x
	}
	return out
}
