package alertengine

import (
	"fmt"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/porpoisedb/porpoise/value"
)

const fnName = "createAnomalyDetectionEngine"

var adParams = []string{"name", "metrics", "dummyTable", "outputTable", "timeColumn", "keyColumn", "windowSize", "step",
	"garbageSize", "roundTime", "snapshotDir", "snapshotIntervalInMsgCount", "raftGroup", "anomalyDescription"}

// The kinds of metric, by the columns they read outside aggregates and
// the aggregates they call.
const (
	perRow    = iota // columns only: checked on every row
	perWindow        // aggregates only: checked on every closed window
	mixed            // both: every row against the last window's aggregates
)

// metric is one anomaly condition.
type metric struct {
	kind int
	text string   // what the output's metric column says
	expr ast.Expr // as evaluated: a mixed one's aggregates read aggCol columns
}

// config is an engine's arguments.
type config struct {
	metrics      []metric
	bind         map[string]value.Value
	aggs         []ast.Expr // the aggregate calls of mixed metrics, in aggCol order
	text         string
	output       value.Value
	timeCol      int
	timeType     value.Type
	keyCols      []int
	keyNames     []string
	window, step int64
	garbageSize  int64
	roundTime    bool
	snapshot     streamengine.Snapshot
	windowed     bool // some metric reads an aggregate
	history      bool // a per-row or mixed metric calls an order-sensitive function
}

// aggCol is the name the k-th aggregate of the mixed metrics is read by.
func aggCol(k int) string { return fmt.Sprintf("__adAgg%d", k) }

func parseConfig(env funcs.Env, args []value.Value) (*config, *value.Table, error) {
	c := &config{garbageSize: 2000}
	dummy, ok := funcs.Arg(args, 2).(*value.Table)
	if !ok {
		return nil, nil, funcs.BadArg(fnName, "dummyTable", "a table")
	}
	m, err := streamengine.ParseMetrics(fnName, funcs.Arg(args, 1))
	if err != nil {
		return nil, nil, err
	}
	c.bind = m.Bind
	out := funcs.Arg(args, 3)
	if _, ok := out.(*value.Table); !ok {
		return nil, nil, funcs.BadArg(fnName, "outputTable", "a table")
	}
	c.output = out
	tc := funcs.GivenArg(args, 4)
	if tc == nil {
		return nil, nil, funcs.BadArg(fnName, "timeColumn", "a column name")
	}
	cols, err := streamengine.Columns(fnName, "timeColumn", tc, dummy)
	if err != nil {
		return nil, nil, err
	}
	if len(cols) != 1 || !dummy.Cols[cols[0]].T.IsTemporal() {
		return nil, nil, funcs.BadArg(fnName, "timeColumn", "the name of a temporal column")
	}
	c.timeCol, c.timeType = cols[0], dummy.Cols[cols[0]].T
	if kc := funcs.GivenArg(args, 5); kc != nil {
		if c.keyCols, err = streamengine.Columns(fnName, "keyColumn", kc, dummy); err != nil {
			return nil, nil, err
		}
		for _, k := range c.keyCols {
			c.keyNames = append(c.keyNames, dummy.Names[k])
		}
	}
	for _, x := range m.Exprs {
		c.addMetric(env, x, dummy)
	}
	var texts []string
	for _, mt := range c.metrics {
		texts = append(texts, mt.text)
	}
	c.text = joinTexts(texts)
	if w := funcs.GivenArg(args, 6); w != nil || c.windowed {
		if c.window, err = funcs.PositiveIntArg(fnName, "windowSize", w, 0); err != nil || c.window <= 0 {
			return nil, nil, ddberr.Errorf("The argument [%s] of %s must be a positive integer.", "windowSize", fnName)
		}
	}
	if s := funcs.GivenArg(args, 7); s != nil || c.windowed {
		if c.step, err = funcs.PositiveIntArg(fnName, "step", s, 0); err != nil || c.step <= 0 {
			return nil, nil, ddberr.Errorf("The argument [%s] of %s must be a positive integer.", "step", fnName)
		}
	}
	if c.window > 0 && c.step > 0 && c.window%c.step != 0 {
		return nil, nil, ddberr.Errorf("The windowSize of %s must be a multiple of its step.", fnName)
	}
	if g := funcs.GivenArg(args, 8); g != nil {
		if c.garbageSize, err = funcs.PositiveIntArg(fnName, "garbageSize", g, 2000); err != nil {
			return nil, nil, err
		}
	}
	r := funcs.ReadArgs(fnName, args)
	if c.roundTime, c.snapshot = streamengine.ReadRoundAndSnapshot(r, 9); r.Err() != nil {
		return nil, nil, r.Err()
	}
	if d := funcs.GivenArg(args, 13); d != nil {
		v, ok := d.(*value.Vector)
		if !ok || (v.T != value.String && v.T != value.Symbol) || v.Len() != len(c.metrics) {
			return nil, nil, funcs.BadArg(fnName, "anomalyDescription", "a STRING vector with one element per metric")
		}
		for i := range c.metrics {
			c.metrics[i].text = v.StrAt(i)
		}
	}
	return c, dummy, nil
}

func joinTexts(ts []string) string {
	s := ""
	for i, t := range ts {
		if i > 0 {
			s += ", "
		}
		s += t
	}
	return s
}

// addMetric classifies x and, for a mixed one, replaces its aggregate
// calls by the columns the engine fills with the last window's values.
func (c *config) addMetric(env funcs.Env, x ast.Expr, dummy *value.Table) {
	mt := metric{text: unparse.Metacode(x), expr: x}
	hasAgg := false
	astwalk.Inspect(x, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && isAggCall(env, call) {
			hasAgg = true
			return false
		}
		return true
	})
	switch {
	case !hasAgg:
		mt.kind = perRow
	case streamengine.ReadsColumns(env, x, dummy):
		mt.kind = mixed
		mt.expr = c.replaceAggs(env, x)
	default:
		mt.kind = perWindow
	}
	if hasAgg {
		c.windowed = true
	}
	if mt.kind != perWindow && orderSensitive(env, mt.expr) {
		c.history = true
	}
	c.metrics = append(c.metrics, mt)
}

// replaceAggs is a copy of x whose outermost aggregate calls are
// identifiers aggCol(k), the calls appended to c.aggs.
func (c *config) replaceAggs(env funcs.Env, x ast.Expr) ast.Expr {
	return astwalk.Rewrite(x, func(n ast.Expr) (ast.Expr, bool) {
		if call, ok := n.(*ast.CallExpr); ok && isAggCall(env, call) {
			c.aggs = append(c.aggs, call)
			return &ast.Ident{At: call.At, Name: aggCol(len(c.aggs) - 1)}, true
		}
		return n, false
	})
}

// isAggCall reports whether call is a plain call of an aggregate function.
func isAggCall(env funcs.Env, call *ast.CallExpr) bool {
	id, isID := call.Fn.(*ast.Ident)
	return isID && !call.Method && streamengine.IsAggregate(env, id.Name)
}

// orderSensitive reports whether x calls a function whose result
// depends on earlier rows (prev, cumulative and moving functions) or a
// user function.
func orderSensitive(env funcs.Env, x ast.Expr) bool {
	found := false
	astwalk.Inspect(x, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, isID := call.Fn.(*ast.Ident); isID {
				if s, ok := funcs.Lookup(id.Name); ok {
					found = found || s.Props.Has(funcs.OrderSensitive)
				} else if _, ok := env.Function(id.Name); ok {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
