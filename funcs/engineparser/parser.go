package engineparser

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/rsengine"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	_ "github.com/porpoisedb/porpoise/funcs/tsengine" // the engines a pipeline is made of
	_ "github.com/porpoisedb/porpoise/funcs/xsengine"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
)

const fnName = "streamEngineParser"

// params are streamEngineParser's parameters in the order of its page.
var params = []string{"name", "metrics", "dummyTable", "outputTable", "keyColumn",
	"timeColumn", "useSystemTime", "snapshotDir", "snapshotIntervalInMsgCount", "raftGroup",
	"filter", "keepOrder", "keyPurgeFilter", "keyPurgeFreqInSecond",
	"triggeringPattern", "triggeringInterval", "lastBatchOnly", "contextByColumn",
	"updateTime", "useWindowStartTime", "roundTime", "forceTriggerTime",
	"sessionBegin", "sessionEnd", "mergeSessionEnd", "closed", "fill", "garbageSize",
	"forceTriggerSessionEndTime", "keyPurgeFreqInSec"}

// streamEngineParser builds the pipeline of reactive state,
// cross-sectional and time-series engines that computes metrics, names
// its engines name0, name1, ... from input to output and returns the
// first one's input table (funcs/s/streamEngineParser.md).
func streamEngineParser(env funcs.Env, args []value.Value) (value.Value, error) {
	arg := func(name string) value.Value {
		for i, p := range params {
			if p == name {
				return funcs.Arg(args, i)
			}
		}
		return nil
	}
	name, ok := funcs.StringArg(arg("name"))
	if !ok || name == "" {
		return nil, funcs.BadArg(fnName, "name", "a string")
	}
	dummy, ok := arg("dummyTable").(*value.Table)
	if !ok {
		return nil, funcs.BadArg(fnName, "dummyTable", "a table")
	}
	m, err := streamengine.ParseMetrics(fnName, arg("metrics"))
	if err != nil {
		return nil, err
	}
	keys, err := columnNames(arg("keyColumn"), dummy, "keyColumn")
	if err != nil {
		return nil, err
	}
	times, err := columnNames(arg("timeColumn"), dummy, "timeColumn")
	if err != nil {
		return nil, err
	}
	systemTime, err := funcs.BoolArg(fnName, "useSystemTime", arg("useSystemTime"), false)
	if err != nil {
		return nil, err
	}
	timeCol := ""
	if len(times) == 1 && !systemTime {
		timeCol = times[0]
	}
	metrics := m.Exprs
	if in, ok := rsengine.Inline(env, metrics); ok {
		metrics = in
	}
	ctx, err := columnNames(arg("contextByColumn"), dummy, "contextByColumn")
	if err != nil {
		return nil, err
	}
	// the keys, time and contextByColumn columns pass through every
	// stage by themselves
	p := newPlan(dummy.Names, append(slices.Clone(keys), ctx...), timeCol)
	p.finish(metrics)
	if p.err != nil {
		return nil, p.err
	}
	b := &builder{env: env, p: p, bind: m.Bind, arg: arg, name: name, keys: keys, times: times, timeCol: timeCol, systemTime: systemTime}
	return b.build(dummy)
}

// columnNames reads a column name or names of the input, spelled as the
// input spells them (names are not case-sensitive).
func columnNames(v value.Value, dummy *value.Table, param string) ([]string, error) {
	if funcs.NullOrAbsent(v) {
		return nil, nil
	}
	idx, err := streamengine.Columns(fnName, param, v, dummy)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(idx))
	for i, c := range idx {
		out[i] = dummy.Names[c]
	}
	return out, nil
}

// builder creates the engines of a plan.
type builder struct {
	env        funcs.Env
	p          *plan
	bind       map[string]value.Value
	arg        func(string) value.Value
	name       string
	keys       []string
	times      []string
	timeCol    string
	systemTime bool
}

// build creates the stages from the last, each writing to the input of
// the next, and returns the first one's input. An engine that fails
// drops the ones made before it.
func (b *builder) build(dummy *value.Table) (value.Value, error) {
	stages := b.p.stages
	inputs := make([]*value.Table, len(stages))
	inputs[0] = dummy
	for j := 0; j+1 < len(stages); j++ {
		out, err := b.outputSchema(stages[j], inputs[j])
		if err != nil {
			return nil, err
		}
		inputs[j+1] = out
	}
	var made []string
	next := b.arg("outputTable")
	for j := len(stages) - 1; j >= 0; j-- {
		engine := b.name + strconv.Itoa(j)
		in, err := b.create(stages[j], j, engine, inputs[j], next, j == len(stages)-1)
		if err != nil {
			if drop, ok := funcs.Lookup("dropStreamEngine"); ok {
				for _, n := range made {
					_, _ = drop.Fn(b.env, []value.Value{value.NewString(n)})
				}
			}
			return nil, err
		}
		made = append(made, engine)
		next = in
	}
	return next, nil
}

// metrics are stage s's metrics as metacode.
func (b *builder) metrics(s *stage, last bool) value.Value {
	var xs []ast.Expr
	if last {
		xs = s.finalExprs
	} else {
		xs = b.intermediate(s)
	}
	return &funcs.Meta{X: &ast.ArrayExpr{Elems: xs}, Bind: maps.Clone(b.bind)}
}

// intermediate is the metrics of a stage that feeds another: the time
// column the reactive state engine does not output by itself, the keys
// the cross-sectional engine does not, then the stage's columns.
func (b *builder) intermediate(s *stage) []ast.Expr {
	var xs []ast.Expr
	switch s.kind {
	case reactive:
		if b.timeCol != "" {
			xs = append(xs, &ast.Ident{Name: b.timeCol})
		}
		for _, c := range b.contextCols() {
			xs = append(xs, &ast.Ident{Name: c})
		}
	case cross:
		for _, k := range b.keys {
			if !b.contextBy(k) {
				xs = append(xs, &ast.Ident{Name: k})
			}
		}
	}
	for _, c := range s.cols {
		xs = append(xs, c.x)
	}
	return xs
}

// contextCols are the contextByColumn columns that are not keys: a
// reactive stage carries them on to the cross-section that groups by
// them.
func (b *builder) contextCols() []string {
	names, _ := funcs.StringsArg(b.arg("contextByColumn"))
	var out []string
	for _, n := range names {
		key := false
		for _, k := range b.keys {
			key = key || strings.EqualFold(k, n)
		}
		if !key && !strings.EqualFold(n, b.timeCol) {
			out = append(out, n)
		}
	}
	return out
}

func (b *builder) contextBy(col string) bool {
	v := b.arg("contextByColumn")
	names, _ := funcs.StringsArg(v)
	for _, n := range names {
		if strings.EqualFold(n, col) {
			return true
		}
	}
	return false
}

// outputSchema is the empty table stage s writes for the next stage:
// reactive: keys, time, columns; cross-sectional: time ("datatime" by
// system time), contextByColumn, keys, columns; time-series: time, keys,
// columns (funcs/s/streamEngineParser.md names the columns col_0_,
// col_1_, ...). A computed column's type is that of its metric over the
// input, DOUBLE when that can't tell.
func (b *builder) outputSchema(s *stage, in *value.Table) (*value.Table, error) {
	var names []string
	var cols []*value.Vector
	addInput := func(name string) {
		if i := in.ColumnIndex(name); i >= 0 {
			names = append(names, in.Names[i])
			cols = append(cols, in.Cols[i].Like(0))
		}
	}
	timeFirst := func() {
		if b.timeCol != "" {
			addInput(b.timeCol)
			return
		}
		names = append(names, "datatime")
		cols = append(cols, value.NewTableColumn(value.Timestamp, 0, 0))
	}
	switch s.kind {
	case reactive:
		for _, k := range b.keys {
			addInput(k)
		}
		if b.timeCol != "" {
			addInput(b.timeCol)
		}
		for _, c := range b.contextCols() {
			addInput(c)
		}
	case cross:
		timeFirst()
		ctx, _ := funcs.StringsArg(b.arg("contextByColumn"))
		for _, c := range ctx {
			addInput(c)
		}
		for _, k := range b.keys {
			if !b.contextBy(k) {
				addInput(k)
			}
		}
	case window:
		timeFirst()
		for _, k := range b.keys {
			addInput(k)
		}
	}
	for _, c := range s.cols {
		names = append(names, c.name)
		cols = append(cols, b.columnType(c.x, in))
	}
	return value.NewTable(names, cols), nil
}

// columnType is an empty column of the type metric x gives over the
// empty input.
func (b *builder) columnType(x ast.Expr, in *value.Table) *value.Vector {
	if id, ok := x.(*ast.Ident); ok {
		if i := in.ColumnIndex(id.Name); i >= 0 {
			return in.Cols[i].Like(0)
		}
	}
	const from = "__streamEngineParserInput"
	bind := maps.Clone(b.bind)
	if bind == nil {
		bind = map[string]value.Value{}
	}
	bind[from] = in.EmptyLike(0)
	sel := &ast.SelectExpr{Cols: []ast.Expr{x}, From: &ast.Ident{Name: from}}
	if v, err := b.env.EvalSession(sel, bind); err == nil {
		if t, ok := v.(*value.Table); ok && len(t.Cols) == 1 {
			if c := t.Cols[0]; c.T != value.Void && c.T != value.Any && !c.T.IsArray() {
				return value.NewTableColumn(c.T, 0, 0)
			}
		}
	}
	return value.NewTableColumn(value.Double, 0, 0)
}

// create makes stage j's engine: the engine function of its kind, given
// the parameters of streamEngineParser that function takes.
func (b *builder) create(s *stage, j int, engine string, in *value.Table, out value.Value, last bool) (value.Value, error) {
	named := map[string]value.Value{
		"name":                       value.NewString(engine),
		"metrics":                    b.metrics(s, last),
		"dummyTable":                 in,
		"outputTable":                out,
		"keyColumn":                  b.arg("keyColumn"),
		"snapshotDir":                b.arg("snapshotDir"),
		"snapshotIntervalInMsgCount": b.arg("snapshotIntervalInMsgCount"),
		"raftGroup":                  b.arg("raftGroup"),
	}
	var fn string
	switch s.kind {
	case reactive:
		fn = "createReactiveStateEngine"
		// filter and keyPurgeFilter read the pipeline's input columns
		// (or the named intermediate ones): the first reactive stage
		if j == b.firstOf(reactive) {
			named["filter"] = b.arg("filter")
			named["keyPurgeFilter"] = b.arg("keyPurgeFilter")
		}
		for _, p := range []string{"keepOrder", "keyPurgeFreqInSecond"} {
			named[p] = b.arg(p)
		}
	case cross:
		fn = "createCrossSectionalEngine"
		for _, p := range []string{"triggeringPattern", "triggeringInterval", "lastBatchOnly", "contextByColumn", "roundTime"} {
			named[p] = b.arg(p)
		}
		named["useSystemTime"] = value.NewBool(b.systemTime)
		if b.timeCol != "" {
			named["timeColumn"] = value.NewString(b.timeCol)
		}
	case window:
		fn = "createTimeSeriesEngine"
		if !funcs.NullOrAbsent(b.arg("sessionBegin")) || !funcs.NullOrAbsent(b.arg("sessionEnd")) {
			fn = "createDailyTimeSeriesEngine"
			for _, p := range []string{"sessionBegin", "sessionEnd", "mergeSessionEnd", "forceTriggerSessionEndTime"} {
				named[p] = b.arg(p)
			}
		}
		for _, p := range []string{"useSystemTime", "updateTime", "useWindowStartTime", "roundTime", "forceTriggerTime", "closed", "fill", "garbageSize", "keyPurgeFreqInSec"} {
			named[p] = b.arg(p)
		}
		if !b.systemTime {
			named["timeColumn"] = b.arg("timeColumn")
		}
		size, err := b.env.Eval(s.win.size, b.bind)
		if err != nil {
			return nil, err
		}
		named["windowSize"] = size
		named["step"] = value.NewInt(1) // rolling's default (funcs/ho_funcs/rolling.md)
		if s.win.step != nil {
			if named["step"], err = b.env.Eval(s.win.step, b.bind); err != nil {
				return nil, err
			}
		}
		if s.win.fill != nil {
			if named["fill"], err = b.env.Eval(s.win.fill, b.bind); err != nil {
				return nil, err
			}
		}
	}
	spec, _ := funcs.Lookup(fn) // registered by the packages imported
	args := make([]value.Value, len(spec.Params))
	for i, p := range spec.Params {
		args[i] = named[p]
	}
	return spec.Fn(b.env, args)
}

// firstOf is the index of the first stage of kind k.
func (b *builder) firstOf(k kind) int {
	for j, s := range b.p.stages {
		if s.kind == k {
			return j
		}
	}
	return -1
}
