package rsengine

import (
	"maps"
	"slices"

	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/porpoisedb/porpoise/value"
)

// narrowEngine is a narrow reactive state engine with the named metrics
// addReactiveMetrics added: each addition is an engine of its own over
// the same keys, which starts from the rows after it (the page: the
// metrics apply to the data injected afterwards); its rows follow the
// engine's own for each input row.
type narrowEngine struct {
	*engine
	added []*engine
	got   []*value.Table // each engine's output of the batch at hand
}

// MetricCodes implements streamengine.NamedMetrics.
func (n *narrowEngine) MetricCodes() (names, codes []string) {
	for _, e := range append([]*engine{n.engine}, n.added...) {
		for i, x := range namedExprs(e.cfg) {
			names = append(names, e.cfg.metricNames[i])
			codes = append(codes, unparse.Format(x))
		}
	}
	return names, codes
}

// AddNamedMetrics implements streamengine.NamedMetrics: the new engine
// computes the engine's other metrics too, as its rows hold them.
func (n *narrowEngine) AddNamedMetrics(names []string, m *streamengine.Metrics) error {
	if err := checkAggregates(n.bg, m.Exprs); err != nil {
		return err
	}
	base := n.cfg
	exprs := base.metrics.Exprs
	plain := exprs[:len(exprs)-base.narrow]
	bind := maps.Clone(base.metrics.Bind)
	for k, v := range m.Bind {
		bind[k] = v
	}
	cfg := *base
	cfg.sink = nil
	cfg.metrics = &streamengine.Metrics{Exprs: append(slices.Clone(plain), m.Exprs...), Bind: bind, Text: base.metrics.Text + "," + m.Text}
	cfg.inlined, cfg.inlinedFilter, cfg.canInline = inline(n.bg, cfg.metrics.Exprs, cfg.filter)
	cfg.narrow, cfg.metricNames = len(names), names
	n.added = append(n.added, newEngine(n.bg, &cfg, n.dummy))
	return nil
}

// Consume computes every engine's rows of the batch and writes them
// input row by input row.
func (n *narrowEngine) Consume(batch *value.Table) error {
	if len(n.added) == 0 {
		return n.engine.Consume(batch)
	}
	all := append([]*engine{n.engine}, n.added...)
	n.got = make([]*value.Table, len(all))
	for i, e := range all {
		e.cfg.sink = func(t *value.Table) error {
			n.got[i] = t
			return nil
		}
	}
	defer func() {
		for _, e := range all {
			e.cfg.sink = nil
		}
	}()
	for _, e := range all {
		if err := e.Consume(batch); err != nil {
			return err
		}
	}
	if n.warming || n.got[0] == nil {
		return nil
	}
	// every engine keeps the same input rows: its k rows of each follow
	// the engines' before it
	out := n.got[0].EmptyLike(0)
	var order []int
	kept := n.got[0].Rows() / n.cfg.narrow
	offs := 0
	var parts []*value.Table
	for i, e := range all {
		t := n.got[i]
		if t == nil || t.Rows() != kept*e.cfg.narrow || len(t.Cols) != len(out.Cols) {
			return nil
		}
		parts = append(parts, t)
	}
	starts := make([]int, len(parts))
	for i, t := range parts {
		starts[i] = offs
		offs += t.Rows()
		for c, col := range out.Cols {
			v := t.Cols[c]
			if v.T != col.T {
				// a handler's values take each engine's first metric's type
				var err error
				if v, err = insert.ConvertForVector(v, col.T, col.Scale); err != nil {
					return err
				}
			}
			col.AppendVector(v)
		}
	}
	for r := range kept {
		for i, e := range all {
			k := e.cfg.narrow
			for j := range k {
				order = append(order, starts[i]+r*k+j)
			}
		}
	}
	n.cfg.sink = nil
	return n.engine.emit(out.Gather(order))
}

// Warmup takes msgs into every engine's state without output.
func (n *narrowEngine) Warmup(msgs *value.Table) error {
	all := append([]*engine{n.engine}, n.added...)
	for _, e := range all {
		e.warming = true
	}
	defer func() {
		for _, e := range all {
			e.warming = false
		}
	}()
	return n.Consume(msgs)
}

var _ streamengine.NamedMetrics = (*narrowEngine)(nil)

// namedExprs is the metrics written under metricNames.
func namedExprs(cfg *config) []ast.Expr {
	exprs := cfg.metrics.Exprs
	return exprs[len(exprs)-cfg.narrow:]
}
