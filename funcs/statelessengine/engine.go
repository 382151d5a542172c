package statelessengine

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

const fnName = "createReactiveStatelessEngine"

// cell is one value's place: a product and one of its metrics.
type cell struct{ product, metric string }

// metric is one dependency of the engine: out = formula(vars).
type metric struct {
	out     cell
	formula ast.Expr
	bind    map[string]value.Value // the metacode's embedded values
	vars    map[string]cell        // formula variable -> the cell it reads
}

// engine holds the latest value of every cell it was given or computed.
type engine struct {
	bg      funcs.Env
	output  value.Value
	metrics []*metric
	readers map[cell][]int // cell -> the metrics that read it
	values  map[cell]float64
	numRows int64
}

func createReactiveStatelessEngine(env funcs.Env, args []value.Value) (value.Value, error) {
	specs, ok := args[1].(*value.Vector)
	if !ok || specs.T != value.Any {
		if d, isDict := args[1].(*value.Dict); isDict {
			specs = value.NewTuple([]value.Value{d})
		} else {
			return nil, ddberr.Errorf("The argument [metrics] of createReactiveStatelessEngine must be a dictionary or a tuple of dictionaries.")
		}
	}
	if _, ok := args[2].(*value.Table); !ok {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a table.", "outputTable", fnName)
	}
	e := &engine{output: args[2], readers: map[cell][]int{}, values: map[cell]float64{}}
	for _, s := range specs.Any {
		m, err := readMetric(s)
		if err != nil {
			return nil, err
		}
		for _, c := range m.vars {
			e.readers[c] = append(e.readers[c], len(e.metrics))
		}
		e.metrics = append(e.metrics, m)
	}
	dummy := value.NewTable([]string{"productName", "metricName", "value"},
		[]*value.Vector{value.NewStrings(value.String, nil), value.NewStrings(value.String, nil), value.NewDoubles(nil)})
	return streamengine.Create(env, "ReactiveStatelessEngine", args[0], dummy, func(bg funcs.Env) (streamengine.Engine, error) {
		e.bg = bg
		return e, nil
	})
}

// readMetric reads one dependency: outputName and each variable a pair
// product:metric, formula metacode.
func readMetric(v value.Value) (*metric, error) {
	d, ok := v.(*value.Dict)
	if !ok || d.Keys.T != value.String && d.Keys.T != value.Symbol {
		return nil, ddberr.Errorf("The argument [metrics] of createReactiveStatelessEngine must be a dictionary or a tuple of dictionaries.")
	}
	m := &metric{vars: map[string]cell{}}
	hasOut := false
	for i := 0; i < d.Len(); i++ {
		key, val := d.Keys.StrAt(i), d.Vals.Elem(i)
		if key == "formula" {
			switch c := val.(type) {
			case *funcs.Code:
				m.formula = c.X
			case *funcs.Meta:
				m.formula, m.bind = c.X, c.Bind
			default:
				return nil, ddberr.Errorf("The formula of a metric of createReactiveStatelessEngine must be metacode.")
			}
			continue
		}
		p, ok := val.(*value.Pair)
		if !ok || p.V.T != value.String && p.V.T != value.Symbol {
			return nil, ddberr.Errorf("The value of key %s in a metric of createReactiveStatelessEngine must be a pair of strings productName:metricName.", key)
		}
		c := cell{p.V.StrAt(0), p.V.StrAt(1)}
		if key == "outputName" {
			m.out, hasOut = c, true
		} else {
			m.vars[key] = c
		}
	}
	if !hasOut || m.formula == nil {
		return nil, ddberr.Errorf("A metric of createReactiveStatelessEngine must have an outputName and a formula.")
	}
	return m, nil
}

// Consume stores the append's cells (a later row of a cell overriding an
// earlier one) and outputs, once each, every metric reading one of them
// directly or through other metrics, a metric after those it reads and
// otherwise in the order of metrics; a cell never given is NULL.
func (e *engine) Consume(batch *value.Table) error {
	n := batch.Rows()
	e.numRows += int64(n)
	products, names, vals := batch.Cols[0], batch.Cols[1], batch.Cols[2]
	affected := make([]bool, len(e.metrics))
	var queue []int
	touch := func(c cell) {
		for _, m := range e.readers[c] {
			if !affected[m] {
				affected[m] = true
				queue = append(queue, m)
			}
		}
	}
	for i := 0; i < n; i++ {
		c := cell{products.StrAt(i), names.StrAt(i)}
		e.values[c] = vals.F64[i]
		touch(c)
	}
	for len(queue) > 0 {
		m := queue[0]
		queue = queue[1:]
		touch(e.metrics[m].out)
	}
	order := e.order(affected)
	outProducts := make([]string, 0, len(order))
	outMetrics := make([]string, 0, len(order))
	outValues := make([]float64, 0, len(order))
	for _, i := range order {
		m := e.metrics[i]
		x, err := e.eval(m)
		if err != nil {
			return err
		}
		e.values[m.out] = x
		outProducts = append(outProducts, m.out.product)
		outMetrics = append(outMetrics, m.out.metric)
		outValues = append(outValues, x)
	}
	out := value.NewTable([]string{"productName", "metricName", "value"},
		[]*value.Vector{value.NewStrings(value.String, outProducts), value.NewStrings(value.String, outMetrics), value.NewDoubles(outValues)})
	return streamengine.Emit(e.bg, e.output, out)
}

// order lists the affected metrics so that each comes after the affected
// metrics whose outputs it reads, the lowest-numbered ready one first; a
// metric on a cycle is left out, as no order computes it.
func (e *engine) order(affected []bool) []int {
	pending := make([]int, len(e.metrics)) // affected metrics each one waits on
	for i, m := range e.metrics {
		if !affected[i] {
			continue
		}
		for _, c := range m.vars {
			for j, w := range e.metrics {
				if affected[j] && w.out == c {
					pending[i]++
				}
			}
		}
	}
	done := make([]bool, len(e.metrics))
	var out []int
	for {
		next := -1
		for i := range e.metrics {
			if affected[i] && !done[i] && pending[i] == 0 {
				next = i
				break
			}
		}
		if next < 0 {
			return out
		}
		done[next] = true
		out = append(out, next)
		for i, m := range e.metrics {
			if !affected[i] || done[i] {
				continue
			}
			for _, c := range m.vars {
				if c == e.metrics[next].out {
					pending[i]--
				}
			}
		}
	}
}

// eval computes a metric's formula from the latest values of its cells.
func (e *engine) eval(m *metric) (float64, error) {
	bind := make(map[string]value.Value, len(m.bind)+len(m.vars))
	for k, v := range m.bind {
		bind[k] = v
	}
	for name, c := range m.vars {
		x, ok := e.values[c]
		if !ok {
			x = value.NullFloat64
		}
		bind[name] = value.NewDouble(x)
	}
	v, err := e.bg.EvalSession(m.formula, bind)
	if err != nil {
		return 0, err
	}
	s, ok := v.(*value.Scalar)
	if !ok || !s.T.IsNumeric() && s.T != value.Void {
		return 0, ddberr.Errorf("The formula of a metric of createReactiveStatelessEngine must give a numeric scalar.")
	}
	if s.Null {
		return value.NullFloat64, nil
	}
	return s.Float64(), nil
}

// Stat implements streamengine.Engine.
func (e *engine) Stat() ([]string, []value.Value) {
	return []string{"numRows", "numMetrics"}, []value.Value{value.NewLong(e.numRows), value.NewLong(int64(len(e.metrics)))}
}

// Close implements streamengine.Engine.
func (e *engine) Close() {}

// Outputs implements streamengine.Engine.
func (e *engine) Outputs() []value.Value { return []value.Value{e.output} }
