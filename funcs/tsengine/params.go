package tsengine

import (
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/astwalk"
	"github.com/porpoisedb/porpoise/value"
)

// tsParams are createTimeSeriesEngine's parameters, in DolphinDB's order.
var tsParams = []string{"name", "windowSize", "step", "metrics", "dummyTable", "outputTable", "timeColumn", "useSystemTime",
	"keyColumn", "garbageSize", "updateTime", "useWindowStartTime", "roundTime", "snapshotDir", "snapshotIntervalInMsgCount",
	"fill", "forceTriggerTime", "raftGroup", "keyPurgeFreqInSec", "closed", "outputElapsedMicroseconds", "subWindow",
	"parallelism", "acceptedDelay", "outputHandler", "msgAsTable"}

// fillKind is what a window without rows outputs.
type fillKind uint8

const (
	fillNone fillKind = iota
	fillNull
	fillPrev
	fillValue
)

// fillSpec is one metric's fill.
type fillSpec struct {
	kind fillKind
	val  *value.Scalar
}

// config is an engine's parsed arguments.
type config struct {
	fn      string
	windows []int64 // window sizes, one per metrics group
	wmax    int64
	step    int64
	// metrics[j] are the metrics computed over windows of windows[j]
	metrics []*streamengine.Metrics
	text    string
	nMetric int

	output     value.Value
	handler    value.Value
	msgAsTable bool

	timeCols  []int      // the time column, or a date and a time column
	timeType  value.Type // the output's time type
	systemCol bool       // useSystemTime
	keyCols   []int
	keyNames  []string

	garbageSize  int64
	updateTime   int64 // -1 when not set
	windowStart  bool
	roundTime    bool
	fill         []fillSpec // nil: 'none'
	forceTrigger int64      // -1 when not set
	purgeFreq    int64      // seconds, -1 when not set
	closedRight  bool
	elapsed      bool
	delay        int64
	snapshot     streamengine.Snapshot

	sessionEndForce int64 // createDailyTimeSeriesEngine's forceTriggerSessionEndTime

	// createSessionWindowEngine: sessionGap (0 for the other engines),
	// useSessionStartTime = false, and forceTriggerTime (-1 when not set)
	// subWindow: the part [subLo, subHi) of each window computed
	sub          bool
	subLo, subHi int64

	sessionGap     int64
	sessionEndTime bool
	sessionForce   int64
}

// parseConfig reads the arguments shared by the time-series engines.
func parseConfig(env funcs.Env, fn string, args []value.Value) (*config, *value.Table, error) {
	c := &config{fn: fn, updateTime: -1, forceTrigger: -1, purgeFreq: -1, garbageSize: 50000}
	dummy, ok := funcs.Arg(args, 4).(*value.Table)
	if !ok {
		return nil, nil, funcs.BadArg(fn, "dummyTable", "a table")
	}
	var err error
	if c.windows, err = positiveInts(fn, "windowSize", funcs.Arg(args, 1)); err != nil {
		return nil, nil, err
	}
	steps, err := positiveInts(fn, "step", funcs.Arg(args, 2))
	if err != nil || len(steps) != 1 {
		return nil, nil, ddberr.Errorf("The argument [%s] of %s must be a positive integer.", "step", fn)
	}
	c.step = steps[0]
	for _, w := range c.windows {
		if w%c.step != 0 {
			return nil, nil, ddberr.Errorf("The windowSize of %s must be a multiple of its step.", fn)
		}
		c.wmax = max(c.wmax, w)
	}
	if err := c.parseMetrics(env, funcs.Arg(args, 3), dummy); err != nil {
		return nil, nil, err
	}
	out := funcs.Arg(args, 5)
	c.handler = funcs.Arg(args, 24)
	if funcs.NullOrAbsent(c.handler) {
		c.handler = nil
		if _, ok := out.(*value.Table); !ok {
			return nil, nil, funcs.BadArg(fn, "outputTable", "a table")
		}
	} else if !funcs.IsFunction(c.handler) {
		return nil, nil, ddberr.Errorf("The argument [%s] of %s must be a function.", "outputHandler", fn)
	}
	c.output = out
	if c.msgAsTable, err = funcs.BoolArg(fn, "msgAsTable", funcs.GivenArg(args, 25), false); err != nil {
		return nil, nil, err
	}
	if c.systemCol, err = funcs.BoolArg(fn, "useSystemTime", funcs.GivenArg(args, 7), false); err != nil {
		return nil, nil, err
	}
	if err := c.parseTime(fn, funcs.GivenArg(args, 6), dummy); err != nil {
		return nil, nil, err
	}
	if kc := funcs.GivenArg(args, 8); kc != nil {
		if c.keyCols, err = streamengine.Columns(fn, "keyColumn", kc, dummy); err != nil {
			return nil, nil, err
		}
		for _, k := range c.keyCols {
			c.keyNames = append(c.keyNames, dummy.Names[k])
		}
	}
	if g := funcs.GivenArg(args, 9); g != nil {
		if c.garbageSize, err = funcs.PositiveIntArg(fn, "garbageSize", g, 50000); err != nil {
			return nil, nil, err
		}
	}
	if u := funcs.GivenArg(args, 10); u != nil {
		if c.updateTime, err = funcs.NonNegIntArg(fn, "updateTime", u, 0); err != nil {
			return nil, nil, err
		}
		if c.systemCol {
			return nil, nil, ddberr.Errorf("The arguments [%s] and [%s] of %s cannot be set together.", "updateTime", "useSystemTime", fn)
		}
		if c.updateTime > 0 && c.step%c.updateTime != 0 {
			return nil, nil, ddberr.Errorf("The step of %s must be a multiple of its updateTime.", fn)
		}
	}
	if c.windowStart, err = funcs.BoolArg(fn, "useWindowStartTime", funcs.GivenArg(args, 11), false); err != nil {
		return nil, nil, err
	}
	if c.windowStart && len(c.windows) > 1 {
		return nil, nil, ddberr.Errorf("The arguments [%s] and [%s] of %s cannot be set together.", "useWindowStartTime", "windowSize vector", fn)
	}
	r := funcs.ReadArgs(fn, args)
	if c.roundTime, c.snapshot = streamengine.ReadRoundAndSnapshot(r, 12); r.Err() != nil {
		return nil, nil, r.Err()
	}
	if err := c.parseFill(fn, funcs.GivenArg(args, 15)); err != nil {
		return nil, nil, err
	}
	if f := funcs.GivenArg(args, 16); f != nil {
		if c.forceTrigger, err = funcs.NonNegIntArg(fn, "forceTriggerTime", f, 0); err != nil {
			return nil, nil, err
		}
		if c.systemCol || c.updateTime >= 0 {
			return nil, nil, ddberr.Errorf("The arguments [%s] and [%s] of %s cannot be set together.", "forceTriggerTime", "updateTime or useSystemTime", fn)
		}
	}
	if p := funcs.GivenArg(args, 18); p != nil {
		if c.purgeFreq, err = funcs.PositiveIntArg(fn, "keyPurgeFreqInSec", p, 0); err != nil {
			return nil, nil, err
		}
		if c.forceTrigger < 0 || c.fill != nil {
			return nil, nil, ddberr.Errorf("The argument [keyPurgeFreqInSec] of %s needs forceTriggerTime and no fill.", fn)
		}
	}
	closed, ok := funcs.ChoiceArg(funcs.GivenArg(args, 19), "left", "right")
	if !ok {
		return nil, nil, ddberr.Errorf("The argument [%s] of %s must be 'left' or 'right'.", "closed", fn)
	}
	c.closedRight = closed == "right"
	if c.elapsed, err = funcs.BoolArg(fn, "outputElapsedMicroseconds", funcs.GivenArg(args, 20), false); err != nil {
		return nil, nil, err
	}
	if sw := funcs.GivenArg(args, 21); sw != nil {
		if err := c.parseSubWindow(fn, sw); err != nil {
			return nil, nil, err
		}
	}
	if p := funcs.GivenArg(args, 22); p != nil {
		n, err := funcs.PositiveIntArg(fn, "parallelism", p, 1)
		if err != nil {
			return nil, nil, err
		}
		if n > 63 {
			return nil, nil, ddberr.Errorf("The argument [%s] of %s must be between %d and %d.", "parallelism", fn, 1, 63)
		}
	}
	if d := funcs.GivenArg(args, 23); d != nil {
		if c.delay, err = funcs.NonNegIntArg(fn, "acceptedDelay", d, 0); err != nil {
			return nil, nil, err
		}
		if c.delay > 0 && (c.forceTrigger >= 0 || c.updateTime >= 0) {
			return nil, nil, ddberr.Errorf("The arguments [%s] and [%s] of %s cannot be set together.", "acceptedDelay", "forceTriggerTime or updateTime", fn)
		}
		if c.delay > c.wmax && c.systemCol {
			return nil, nil, ddberr.Errorf("The acceptedDelay of %s must not exceed its windowSize.", fn)
		}
	}
	return c, dummy, nil
}

// positiveInts reads a positive integer or a vector of them.
func positiveInts(fn, param string, v value.Value) ([]int64, error) {
	bad := funcs.BadArg(fn, param, "a positive integer or a vector of positive integers")
	var out []int64
	switch x := v.(type) {
	case *value.Scalar:
		if x.T.Category() != value.CatIntegral || x.Null || x.I <= 0 {
			return nil, bad
		}
		out = []int64{x.I}
	case *value.Vector:
		if x.T.Category() != value.CatIntegral || x.T.IsArray() || x.Len() == 0 {
			return nil, bad
		}
		for i := 0; i < x.Len(); i++ {
			s := x.At(i)
			if s.Null || s.I <= 0 {
				return nil, bad
			}
			out = append(out, s.I)
		}
	default:
		return nil, bad
	}
	return out, nil
}

// parseMetrics reads metrics: one group for a scalar windowSize, one
// per window size (a tuple of metacode or of tuples of metacode) for a
// vector.
func (c *config) parseMetrics(env funcs.Env, v value.Value, dummy *value.Table) error {
	if len(c.windows) == 1 {
		m, err := streamengine.ParseMetrics(c.fn, v)
		if err != nil {
			return err
		}
		c.metrics = []*streamengine.Metrics{m}
	} else {
		t, ok := v.(*value.Vector)
		if !ok || t.T != value.Any || t.Len() != len(c.windows) {
			return ddberr.Errorf("When windowSize of %s is a vector, metrics must be a tuple with one element per window size.", c.fn)
		}
		for _, e := range t.Any {
			m, err := streamengine.ParseMetrics(c.fn, e)
			if err != nil {
				return err
			}
			c.metrics = append(c.metrics, m)
		}
	}
	var texts []string
	for _, m := range c.metrics {
		for _, x := range m.Exprs {
			if !aggregateOnly(env, x, dummy) {
				return ddberr.Errorf("The time-series engine only accepts aggregate functions as metrics. RefId: S03014")
			}
		}
		c.nMetric += len(m.Exprs)
		texts = append(texts, m.Text)
	}
	c.text = strings.Join(texts, ",")
	return nil
}

// aggregateOnly reports whether every column x reads is read inside a
// call of an aggregate function (a built-in one or a user function,
// which a defg defines).
func aggregateOnly(env funcs.Env, x ast.Expr, dummy *value.Table) bool {
	ok := true
	astwalk.Inspect(x, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			if id, isID := n.Fn.(*ast.Ident); isID && !n.Method && streamengine.IsAggregate(env, id.Name) {
				return false
			}
			if !n.Method {
				// the function's name is not a column
				for _, a := range n.Args {
					if !aggregateOnly(env, a, dummy) {
						ok = false
					}
				}
				return false
			}
		case *ast.Ident:
			if dummy.ColumnIndex(n.Name) >= 0 {
				ok = false
			}
		}
		return ok
	})
	return ok
}

// parseTime reads timeColumn: one temporal column, or a DATE column and
// a TIME, SECOND or NANOTIME column that concatDateTime joins.
func (c *config) parseTime(fn string, v value.Value, dummy *value.Table) error {
	if c.systemCol {
		c.timeType = value.Timestamp
		return nil
	}
	if v == nil {
		return ddberr.Errorf("The argument [timeColumn] of %s must be given when useSystemTime is false.", fn)
	}
	cols, err := streamengine.Columns(fn, "timeColumn", v, dummy)
	if err != nil {
		return err
	}
	bad := ddberr.Errorf("The timeColumn of %s must be a temporal column, or a DATE column and a TIME, SECOND or NANOTIME column.", fn)
	switch len(cols) {
	case 1:
		t := dummy.Cols[cols[0]].T
		if !t.IsTemporal() || t.IsArray() {
			return bad
		}
		c.timeType = t
	case 2:
		if dummy.Cols[cols[0]].T != value.Date {
			return bad
		}
		switch dummy.Cols[cols[1]].T {
		case value.Second:
			c.timeType = value.DateTime
		case value.Time:
			c.timeType = value.Timestamp
		case value.NanoTime:
			c.timeType = value.NanoTimestamp
		default:
			return bad
		}
	default:
		return bad
	}
	c.timeCols = cols
	return nil
}

// parseFill reads fill: 'none', 'null', 'ffill' or a value, or a vector
// of one of the last three per metric.
func (c *config) parseFill(fn string, v value.Value) error {
	if v == nil {
		return nil
	}
	one := func(s *value.Scalar, inVector bool) (fillSpec, bool, error) {
		if s.T == value.String || s.T == value.Symbol {
			switch s.S {
			case "none":
				if inVector {
					return fillSpec{}, false, ddberr.Errorf("The fill of %s must be 'none', 'null', 'ffill' or a value, and a vector of fills must not hold 'none'.", fn)
				}
				return fillSpec{}, true, nil
			case "null":
				return fillSpec{kind: fillNull}, false, nil
			case "ffill":
				return fillSpec{kind: fillPrev}, false, nil
			}
			return fillSpec{}, false, ddberr.Errorf("The fill of %s must be 'none', 'null', 'ffill' or a value, and a vector of fills must not hold 'none'.", fn)
		}
		if s.Null {
			return fillSpec{kind: fillNull}, false, nil
		}
		return fillSpec{kind: fillValue, val: s}, false, nil
	}
	switch x := v.(type) {
	case *value.Scalar:
		f, none, err := one(x, false)
		if err != nil || none {
			return err
		}
		c.fill = make([]fillSpec, c.nMetric)
		for i := range c.fill {
			c.fill[i] = f
		}
	case *value.Vector:
		if x.Len() != c.nMetric {
			return ddberr.Errorf("When the fill parameter is a vector, its size must be consistent with the number of elements specified in metrics. RefId: S03015")
		}
		for i := 0; i < x.Len(); i++ {
			e := x.Elem(i)
			s, ok := e.(*value.Scalar)
			if !ok {
				return ddberr.Errorf("The fill of %s must be 'none', 'null', 'ffill' or a value, and a vector of fills must not hold 'none'.", fn)
			}
			f, _, err := one(s, true)
			if err != nil {
				return err
			}
			c.fill = append(c.fill, f)
		}
	default:
		return ddberr.Errorf("The fill of %s must be 'none', 'null', 'ffill' or a value, and a vector of fills must not hold 'none'.", fn)
	}
	return nil
}

// parseSubWindow reads subWindow: a pair of integers (the time column's
// units) or of DURATIONs, within the window; windowSize must equal step.
func (c *config) parseSubWindow(fn string, v value.Value) error {
	bad := funcs.BadArg(fn, "subWindow", "a pair of integers or DURATIONs within the window")
	p, ok := v.(*value.Pair)
	if !ok || p.V.Len() != 2 {
		return bad
	}
	if len(c.windows) != 1 || c.windows[0] != c.step {
		return ddberr.Errorf("The arguments [%s] and [%s] of %s cannot be set together.", "subWindow", "windowSize other than step", fn)
	}
	if c.systemCol || c.updateTime > 0 {
		return ddberr.Errorf("The arguments [%s] and [%s] of %s cannot be set together.", "subWindow", "updateTime or useSystemTime", fn)
	}
	var xs [2]int64
	for i := range xs {
		s := p.V.At(i)
		switch {
		case s.Null:
			return bad
		case s.T.Category() == value.CatIntegral:
			xs[i] = s.I
		case s.T == value.Duration:
			unit, tick := value.DurationNanos(value.DurationUnit(s)), value.TickNanos(c.timeType)
			if unit == 0 || tick == 0 || s.I*unit%tick != 0 {
				return bad
			}
			xs[i] = s.I * unit / tick
		default:
			return bad
		}
	}
	if xs[0] < 0 || xs[0] >= xs[1] || xs[1] > c.step {
		return bad
	}
	c.sub, c.subLo, c.subHi = true, xs[0], xs[1]
	// the output's time is the sub-window's end, as the page prints it
	// with useWindowStartTime=true
	c.windowStart = false
	return nil
}
