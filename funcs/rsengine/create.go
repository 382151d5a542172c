package rsengine

import (
	"strconv"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

// kind is the engine's type name in getStreamEngineStat and
// getStreamEngineList.
const kind = "ReactiveStreamEngine"

// createReactiveStateEngine(name, metrics, dummyTable, outputTable,
// [keyColumn], [filter], [snapshotDir], [snapshotIntervalInMsgCount],
// [keepOrder], [keyPurgeFilter], [keyPurgeFreqInSecond=0], [raftGroup],
// [outputElapsedMicroseconds=false], [keyCapacity=1024], [parallelism=1],
// [outputHandler=NULL], [msgAsTable=false])
// (funcs/c/createReactiveStateEngine.md).
func createReactiveStateEngine(env funcs.Env, args []value.Value) (value.Value, error) {
	return create(env, "createReactiveStateEngine", args[0], args[1], nil, args[2:])
}

// createNarrowReactiveStateEngine(name, metrics, metricNames,
// dummyTable, outputTable, keyColumn, ...): the reactive state engine
// writing each named metric as a row of its own
// (funcs/c/createnarrowreactivestateengine.md).
func createNarrowReactiveStateEngine(env funcs.Env, args []value.Value) (value.Value, error) {
	names, ok := funcs.NamesArg(args[2])
	if !ok || len(names) == 0 {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a STRING scalar or vector.", "metricNames", "createNarrowReactiveStateEngine")
	}
	return create(env, "createNarrowReactiveStateEngine", args[0], args[1], names, args[3:])
}

// create reads the arguments after metrics (and metricNames): rest
// starts at dummyTable.
func create(env funcs.Env, fn string, name, metricsArg value.Value, metricNames []string, rest []value.Value) (value.Value, error) {
	if n, ok := funcs.StringArg(name); !ok || n == "" {
		return nil, ddberr.Errorf("The name of a stream engine must be a non-empty string.")
	}
	cfg, dummy, err := newConfig(env, fn, metricsArg, metricNames, rest)
	if err != nil {
		return nil, err
	}
	return streamengine.CreateWithSnapshot(env, kind, name, dummy, cfg.snapshot, func(bg funcs.Env) (streamengine.Engine, error) {
		e := newEngine(bg, cfg, dummy)
		if cfg.narrow > 0 {
			return &narrowEngine{engine: e}, nil
		}
		return e, nil
	})
}

// newConfig reads an engine's arguments as create does.
func newConfig(env funcs.Env, fn string, metricsArg value.Value, metricNames []string, rest []value.Value) (*config, *value.Table, error) {
	arg := func(i int) value.Value { return funcs.Arg(rest, i) }
	m, err := streamengine.ParseMetrics(fn, metricsArg)
	if err != nil {
		return nil, nil, err
	}
	objectMethods(env, m)
	if err := checkAggregates(env, m.Exprs); err != nil {
		return nil, nil, err
	}
	dummy, ok := arg(0).(*value.Table)
	if !ok {
		return nil, nil, ddberr.Errorf("The argument [%s] of %s must be a table.", "dummyTable", fn)
	}
	cfg := &config{metrics: m, output: arg(1)}
	if h := arg(13); !funcs.NullOrAbsent(h) {
		if !funcs.IsFunction(h) {
			return nil, nil, ddberr.Errorf("The argument [%s] of %s must be a function.", "outputHandler", fn)
		}
		if t, ok := cfg.output.(*value.Table); ok {
			cfg.shape = t
		}
		cfg.output, cfg.handler = h, true
		if cfg.msgAsTable, err = funcs.BoolArg(fn, "msgAsTable", arg(14), false); err != nil {
			return nil, nil, err
		}
	} else if _, ok := cfg.output.(*value.Table); !ok {
		return nil, nil, ddberr.Errorf("The argument [%s] of %s must be a table.", "outputTable", fn)
	}
	if cfg.keys, err = streamengine.Columns(fn, "keyColumn", funcs.GivenArg(rest, 2), dummy); err != nil {
		return nil, nil, err
	}
	if f := arg(3); !funcs.NullOrAbsent(f) {
		fm, err := oneExpr(fn, "filter", f)
		if err != nil {
			return nil, nil, err
		}
		cfg.filter = fm.Exprs[0]
		for k, v := range fm.Bind {
			if _, dup := m.Bind[k]; !dup {
				m.Bind[k] = v
			}
		}
	}
	r := funcs.ReadArgs(fn, rest)
	if cfg.snapshot = streamengine.ReadSnapshot(r, 4); r.Err() != nil {
		return nil, nil, r.Err()
	}
	timeKey := false
	for _, k := range cfg.keys {
		if dummy.Cols[k].T.IsTemporal() {
			timeKey = true
		}
	}
	if cfg.keepOrder, err = funcs.BoolArg(fn, "keepOrder", funcs.GivenArg(rest, 6), timeKey); err != nil {
		return nil, nil, err
	}
	if p := arg(7); !funcs.NullOrAbsent(p) {
		pm, err := oneExpr(fn, "keyPurgeFilter", p)
		if err != nil {
			return nil, nil, err
		}
		if len(cfg.keys) == 0 {
			return nil, nil, ddberr.Errorf("The keyPurgeFilter of %s requires keyColumn.", fn)
		}
		cfg.purge = pm
	}
	secs, err := funcs.IntArg(fn, "keyPurgeFreqInSecond", funcs.GivenArg(rest, 8), 0)
	if err != nil {
		return nil, nil, err
	}
	cfg.purgeFreq = time.Duration(secs) * time.Second
	if cfg.elapsed, err = funcs.BoolArg(fn, "outputElapsedMicroseconds", funcs.GivenArg(rest, 10), false); err != nil {
		return nil, nil, err
	}
	if _, err = funcs.IntArg(fn, "keyCapacity", funcs.GivenArg(rest, 11), 1024); err != nil {
		return nil, nil, err
	}
	par, err := funcs.IntArg(fn, "parallelism", funcs.GivenArg(rest, 12), 1)
	if err != nil {
		return nil, nil, err
	}
	if par < 1 || par > 63 {
		return nil, nil, ddberr.Errorf("The parallelism of %s must be a positive integer no greater than 63.", fn)
	}
	m.Exprs = expandTuples(env, m, dummy)
	cfg.inlined, cfg.inlinedFilter, cfg.canInline = inline(env, m.Exprs, cfg.filter)
	if metricNames != nil {
		if len(metricNames) > len(m.Exprs) {
			return nil, nil, ddberr.Errorf("The metrics of %s must hold one metric for each of metricNames.", fn)
		}
		cfg.narrow, cfg.metricNames = len(metricNames), metricNames
	}
	return cfg, dummy, nil
}

// expandTuples splits each metric whose value is a tuple (a function
// returning several values, as @state functions may) into one metric per
// element: context by takes a vector per select item. Which metrics give
// tuples is found by evaluating each over the dummy's columns, empty.
func expandTuples(env funcs.Env, m *streamengine.Metrics, dummy *value.Table) []ast.Expr {
	bind := make(map[string]value.Value, len(m.Bind)+len(dummy.Cols))
	for k, v := range m.Bind {
		bind[k] = v
	}
	for i, c := range dummy.Cols {
		e := c.Like(0)
		e.Scale = c.Scale
		bind[dummy.Names[i]] = e
	}
	var out []ast.Expr
	for _, x := range m.Exprs {
		if _, ok := x.(*ast.CallExpr); !ok {
			out = append(out, x)
			continue
		}
		v, err := env.EvalSession(x, bind)
		t, ok := v.(*value.Vector)
		if err != nil || !ok || t.T != value.Any || len(t.Any) < 2 {
			out = append(out, x)
			continue
		}
		for i := range t.Any {
			out = append(out, &ast.IndexExpr{X: x, Index: &ast.Literal{Kind: ast.LitInt, Text: strconv.Itoa(i)}})
		}
	}
	return out
}

// oneExpr reads param, metacode of one expression.
func oneExpr(fn, param string, v value.Value) (*streamengine.Metrics, error) {
	m, err := streamengine.ParseMetrics(fn, v)
	if err != nil || len(m.Exprs) != 1 {
		return nil, ddberr.Errorf("The %s of %s must be metacode of one expression.", param, fn)
	}
	return m, nil
}
