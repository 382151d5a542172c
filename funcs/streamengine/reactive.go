package streamengine

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// NamedMetrics is an engine of named metrics (the narrow reactive state
// engine) that addReactiveMetrics extends and getReactiveMetrics lists.
type NamedMetrics interface {
	// MetricCodes is each named metric's name and code, in order.
	MetricCodes() (names, codes []string)
	// AddNamedMetrics adds metrics m under names, one each; they are
	// computed from the next rows on.
	AddNamedMetrics(names []string, m *Metrics) error
}

// namedMetrics is the engine called name, which must have named
// metrics.
func namedMetrics(env funcs.Env, fn string, name value.Value) (*handle, NamedMetrics, error) {
	_, h, err := lookup(env, fn, name)
	if err != nil {
		return nil, nil, err
	}
	nm, ok := h.eng.(NamedMetrics)
	if !ok {
		return nil, nil, funcs.BadArg(fn, "name", "the name of a narrow reactive state engine")
	}
	return h, nm, nil
}

// addReactiveMetrics(name, metricNames, metrics) adds named metrics to
// a narrow reactive state engine (funcs/a/addreactivemetrics.md).
func addReactiveMetrics(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "addReactiveMetrics"
	h, nm, err := namedMetrics(env, fn, args[0])
	if err != nil {
		return nil, err
	}
	names, ok := funcs.NamesArg(args[1])
	if !ok || len(names) == 0 {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a STRING scalar or vector.", "metricNames", fn)
	}
	m, err := ParseMetrics(fn, args[2])
	if err != nil {
		return nil, err
	}
	if len(m.Exprs) != len(names) {
		return nil, ddberr.Errorf("The metrics of %s must hold one metric for each of metricNames.", fn)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	return nil, nm.AddNamedMetrics(names, m)
}

// getReactiveMetrics(name) is a table of a narrow reactive state
// engine's named metrics: metricName and metricCode
// (funcs/g/getreactivemetrics.md).
func getReactiveMetrics(env funcs.Env, args []value.Value) (value.Value, error) {
	h, nm, err := namedMetrics(env, "getReactiveMetrics", args[0])
	if err != nil {
		return nil, err
	}
	h.mu.Lock()
	names, codes := nm.MetricCodes()
	h.mu.Unlock()
	return value.NewTable([]string{"metricName", "metricCode"},
		[]*value.Vector{value.NewStrings(value.String, names), value.NewStrings(value.String, codes)}), nil
}
