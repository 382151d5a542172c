package streamengine

import (
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/system"
	"github.com/porpoisedb/porpoise/value"
)

// MetricAdder is an engine addMetrics extends: the time-window engines.
type MetricAdder interface {
	// AddMetrics computes metrics m from the next windows on, over the
	// windows of windowSize (nil: the first), with fill (nil: as the
	// engine's); schema names and types their output columns, which
	// the engine adds to its output table.
	AddMetrics(m *Metrics, schema *value.Table, windowSize, fill value.Value) error
}

// addMetrics(engine, newMetrics, newMetricsSchema, [windowSize], [fill])
// (funcs/a/addMetrics.md, alias extendMetrics).
func addMetrics(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "addMetrics"
	t, _ := args[0].(*value.Table)
	var h *handle
	if t != nil {
		h, _ = t.Stream.(*handle)
	}
	if h == nil {
		return nil, funcs.BadArg(fn, "engine", "a stream engine")
	}
	adder, ok := h.eng.(MetricAdder)
	if !ok {
		return nil, funcs.BadArg(fn, "engine", "a time-series, daily time-series, session window or time-bucket engine")
	}
	m, err := ParseMetrics(fn, args[1])
	if err != nil {
		return nil, err
	}
	schema, ok := args[2].(*value.Table)
	if !ok || len(schema.Cols) != len(m.Exprs) {
		return nil, funcs.BadArg(fn, "newMetricsSchema", "a table of one column per new metric")
	}
	// the engine adds columns to its output: its lock first, as an
	// append takes it
	if sh, ok := env.(system.Host); ok {
		release, _, err := system.LockWrites(sh, h.Writes(), true)
		if err != nil {
			return nil, err
		}
		defer release()
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, nil
	}
	return nil, adder.AddMetrics(m, schema, funcs.Arg(args, 3), funcs.Arg(args, 4))
}
