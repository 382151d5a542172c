package xsengine

import (
	"strings"
	"sync"
	"time"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/ticker"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wallclock"
)

const fnName = "createCrossSectionalEngine"

// Triggering patterns (createCrossSectionalEngine.md).
const (
	perBatch     = "perBatch"
	perRow       = "perRow"
	interval     = "interval"
	keyCount     = "keyCount"
	dataInterval = "dataInterval"
)

// crossEngine keeps the latest row of each key (its cross-section) and
// computes the metrics over it when its triggering pattern says so.
type crossEngine struct {
	mu     sync.Mutex
	bg     funcs.Env
	input  *value.Table // the handle scripts query; a copy of state after each append
	state  *value.Table // the latest row per key, in the order keys arrived
	index  map[string]int
	keyBuf []byte

	keyCols   []int
	timeCol   int // -1: system time
	metrics   *streamengine.Metrics
	output    value.Value
	filter    *streamengine.Metrics
	contextBy []int
	// grouped is whether contextBy groups aggregate (group by) or not
	// (context by): context by for metrics reading columns outside
	// aggregates, else unknown until the first computation tries group
	// by (a user function may return a vector).
	grouped, groupedKnown bool
	updatedOnly           bool
	updated               map[string]bool
	elapsed               bool
	lastBatchOnly         bool

	pattern  string
	interval int64 // triggeringInterval: ms, a key count or a data-time length

	// keyCount: the newest timestamp, its row count and whether it fired
	curTS     int64
	haveTS    bool
	curCount  int64
	triggered bool
	// keyCount (c1, c2): the rows of a newer timestamp held back while
	// the current one waits, and c2
	held   *value.Table
	heldTS int64
	second int64
	// dataInterval: the end of the current window
	winEnd    int64
	winOrigin int64
	haveWin   bool
	// interval: rows arrived since the last computation
	dirty bool
	timer ticker.Timer
}

func argErr(param, what string) error {
	return funcs.BadArg(fnName, param, what)
}

func createCrossSectionalEngine(env funcs.Env, args []value.Value) (value.Value, error) {
	arg := func(i int) value.Value { return funcs.Arg(args, i) }
	dummy, ok := arg(2).(*value.Table)
	if !ok {
		return nil, argErr("dummyTable", "a table")
	}
	e := &crossEngine{index: map[string]int{}, timeCol: -1, updated: map[string]bool{}}
	var err error
	var snap streamengine.Snapshot
	if !funcs.NullOrAbsent(arg(1)) {
		if e.metrics, err = streamengine.ParseMetrics(fnName, arg(1)); err != nil {
			return nil, err
		}
	}
	if !funcs.NullOrAbsent(arg(3)) {
		if _, isTable := arg(3).(*value.Table); !isTable {
			return nil, argErr("outputTable", "a table")
		}
		e.output = arg(3)
	}
	if funcs.NullOrAbsent(arg(4)) {
		return nil, argErr("keyColumn", "a column name or a vector of column names")
	}
	if e.keyCols, err = streamengine.Columns(fnName, "keyColumn", arg(4), dummy); err != nil {
		return nil, err
	}
	e.pattern, ok = funcs.ChoiceArg(arg(5), perBatch, perRow, interval, keyCount, dataInterval)
	if !ok {
		return nil, argErr("triggeringPattern", "'perBatch', 'perRow', 'interval', 'keyCount' or 'dataInterval'")
	}
	if err := e.readInterval(arg(6)); err != nil {
		return nil, err
	}
	// keyCount and dataInterval go by the data's time: given a
	// timeColumn, they take it without useSystemTime=false, as
	// tutorials/reactive_state_engine.md's keyCount engine does
	sysDefault := funcs.NullOrAbsent(arg(8)) || e.pattern != keyCount && e.pattern != dataInterval
	useSystemTime, err := funcs.BoolArg(fnName, "useSystemTime", arg(7), sysDefault)
	if err != nil {
		return nil, err
	}
	if !funcs.NullOrAbsent(arg(8)) {
		tc, err := streamengine.Columns(fnName, "timeColumn", arg(8), dummy)
		if err != nil {
			return nil, err
		}
		if len(tc) != 1 || !dummy.Cols[tc[0]].T.IsTemporal() {
			return nil, argErr("timeColumn", "the name of a temporal column")
		}
		if !useSystemTime {
			e.timeCol = tc[0]
		}
	}
	if !useSystemTime && e.timeCol < 0 {
		return nil, argErr("timeColumn", "given when useSystemTime is false")
	}
	if (e.pattern == keyCount || e.pattern == dataInterval) && e.timeCol < 0 {
		return nil, argErr("useSystemTime", "false, with a timeColumn, when triggeringPattern is 'keyCount' or 'dataInterval'")
	}
	if e.lastBatchOnly, err = funcs.BoolArg(fnName, "lastBatchOnly", arg(9), false); err != nil {
		return nil, err
	}
	if e.lastBatchOnly && e.pattern != keyCount {
		return nil, argErr("triggeringPattern", "'keyCount' when lastBatchOnly is true")
	}
	if !funcs.NullOrAbsent(arg(10)) {
		if e.metrics == nil || e.output == nil {
			return nil, argErr("contextByColumn", "given with metrics and outputTable")
		}
		if e.contextBy, err = streamengine.Columns(fnName, "contextByColumn", arg(10), dummy); err != nil {
			return nil, err
		}
		// metrics that are not all aggregates compute as context by
		// (contextByColumn); a group by of one-row groups would pass
		// where the next computation's larger groups fail
		for _, x := range e.metrics.Exprs {
			if streamengine.ReadsColumns(env, x, dummy) {
				e.grouped, e.groupedKnown = false, true
			}
		}
	}
	// raftGroup (13) is accepted and ignored
	r := funcs.ReadArgs(fnName, args)
	if snap = streamengine.ReadSnapshot(r, 11); r.Err() != nil {
		return nil, r.Err()
	}
	if e.elapsed, err = funcs.BoolArg(fnName, "outputElapsedMicroseconds", arg(14), false); err != nil {
		return nil, err
	}
	if _, err = funcs.BoolArg(fnName, "roundTime", arg(15), true); err != nil {
		return nil, err
	}
	if !funcs.NullOrAbsent(arg(16)) {
		if e.filter, err = streamengine.ParseMetrics(fnName, arg(16)); err != nil || len(e.filter.Exprs) != 1 {
			return nil, argErr("keyFilter", "metacode of one expression")
		}
	}
	if e.updatedOnly, err = funcs.BoolArg(fnName, "updatedContextGroupsOnly", arg(17), false); err != nil {
		return nil, err
	}
	e.state = dummy.EmptyLike(0)
	for i, c := range dummy.Cols {
		if c.Syms != nil {
			e.state.Cols[i] = value.NewTableColumn(c.T, 0, 0)
			e.state.Cols[i].Scale = c.Scale
		}
	}
	in, err := streamengine.CreateWithSnapshot(env, "CrossSectionalEngine", arg(0), dummy, snap, func(bg funcs.Env) (streamengine.Engine, error) {
		e.bg = bg
		if e.pattern == interval {
			e.timer.Start(time.Duration(e.interval)*time.Millisecond, streamengine.Ticked(bg, e.Outputs(), e.tick))
		}
		return e, nil
	})
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	e.input = in.(*value.Table)
	// a restored cross-section shows at once
	e.mirror()
	e.mu.Unlock()
	return in, nil
}

// readInterval reads triggeringInterval: a positive integer, or for
// keyCount a tuple whose first element is the key count.
func (e *crossEngine) readInterval(v value.Value) error {
	e.interval = 1000
	if funcs.NullOrAbsent(v) {
		return nil
	}
	if t, ok := v.(*value.Vector); ok && t.T == value.Any && e.pattern == keyCount && t.Len() == 2 {
		v = t.Any[0]
		// an integer c2 holds a newer timestamp back until it has c2
		// rows; a duration c2 is taken as firing at once
		if c2, ok := t.Any[1].(*value.Scalar); ok && c2.T.Category() == value.CatIntegral && !c2.Null {
			e.second = max(c2.I, 1)
		}
	}
	n, err := funcs.PositiveIntArg(fnName, "triggeringInterval", v, 1000)
	if err != nil {
		return err
	}
	e.interval = n
	return nil
}

// Consume implements streamengine.Engine.
func (e *crossEngine) Consume(batch *value.Table) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	defer e.mirror()
	start := time.Now()
	n := batch.Rows()
	switch e.pattern {
	case perBatch:
		e.applyRows(batch, 0, n)
		return e.compute(e.timeAt(batch, n-1), start, n)
	case perRow:
		for i := 0; i < n; i++ {
			e.applyRows(batch, i, i+1)
			if err := e.compute(e.timeAt(batch, i), start, 1); err != nil {
				return err
			}
		}
		return nil
	case interval:
		e.applyRows(batch, 0, n)
		e.dirty = true
		return nil
	case keyCount:
		return e.consumeKeyCount(batch, start)
	default:
		return e.consumeDataInterval(batch, start)
	}
}

// mirror copies the cross-section into the engine's handle, which
// scripts query (select * from engine); the append holds its lock.
func (e *crossEngine) mirror() {
	if e.input == nil {
		return
	}
	for i, c := range e.state.Cols {
		e.input.Cols[i] = c.Clone()
	}
}

// consumeKeyCount takes the rows of one timestamp at a time: older
// rows are dropped, a newer timestamp fires the current one if it has
// not fired, and a timestamp fires once triggeringInterval rows of it
// have arrived. With triggeringInterval=(c1, c2) a newer timestamp t2
// arriving before the current t1 fired is held back: t1 fires (over a
// cross-section without t2's rows) once c2 rows of t2 have arrived, a
// timestamp newer than t2 arrives, or t1 reaches c1 rows after all.
func (e *crossEngine) consumeKeyCount(batch *value.Table, start time.Time) error {
	tcol := batch.Cols[e.timeCol]
	n := batch.Rows()
	for i := 0; i < n; {
		ts, ok := tcol.At(i).Int64()
		j := i + 1
		for j < n {
			t2, ok2 := tcol.At(j).Int64()
			if ok2 != ok || t2 != ts {
				break
			}
			j++
		}
		if err := e.keyCountRun(batch, i, j, ts, ok, start); err != nil {
			return err
		}
		i = j
	}
	return nil
}

// keyCountRun takes rows [i, j) of batch, all of time ts.
func (e *crossEngine) keyCountRun(batch *value.Table, i, j int, ts int64, ok bool, start time.Time) error {
	switch {
	case !ok:
		return nil
	case e.held != nil && ts == e.curTS:
		// more rows of the waiting timestamp
	case e.haveTS && ts < e.curTS || e.held != nil && ts < e.heldTS:
		// late rows are discarded
		return nil
	case e.held != nil && ts == e.heldTS:
		e.hold(batch, i, j)
		if int64(e.held.Rows()) >= e.second {
			return e.release(start)
		}
		return nil
	case e.held != nil:
		// a timestamp newer than the held one fires the current
		if err := e.release(start); err != nil {
			return err
		}
		return e.keyCountRun(batch, i, j, ts, ok, start)
	case e.haveTS && ts > e.curTS && !e.triggered && e.curCount > 0 && e.second > 0:
		e.heldTS = ts
		e.held = e.state.EmptyLike(0)
		e.hold(batch, i, j)
		if int64(e.held.Rows()) >= e.second {
			return e.release(start)
		}
		return nil
	case !e.haveTS || ts > e.curTS:
		if err := e.advance(ts, start); err != nil {
			return err
		}
	}
	e.applyRows(batch, i, j)
	e.curCount += int64(j - i)
	if !e.triggered && e.curCount >= e.interval {
		e.triggered = true
		if err := e.compute(e.scalarTime(e.curTS), start, int(e.curCount)); err != nil {
			return err
		}
		if e.held != nil {
			return e.release(start)
		}
	}
	return nil
}

// advance makes ts the current timestamp, firing the current one if it
// has not fired.
func (e *crossEngine) advance(ts int64, start time.Time) error {
	if e.haveTS && !e.triggered && e.curCount > 0 {
		if err := e.compute(e.scalarTime(e.curTS), start, int(e.curCount)); err != nil {
			return err
		}
	}
	if e.lastBatchOnly {
		e.clear()
	}
	e.curTS, e.haveTS, e.curCount, e.triggered = ts, true, 0, false
	return nil
}

// hold keeps rows [i, j) of batch back until the current timestamp
// fires.
func (e *crossEngine) hold(batch *value.Table, i, j int) {
	for c, col := range e.held.Cols {
		for r := i; r < j; r++ {
			col.AppendFrom(batch.Cols[c], r)
		}
	}
}

// release fires the current timestamp and takes the held rows.
func (e *crossEngine) release(start time.Time) error {
	held := e.held
	e.held = nil
	if err := e.advance(e.heldTS, start); err != nil {
		return err
	}
	return e.keyCountRun(held, 0, held.Rows(), e.heldTS, true, start)
}

// consumeDataInterval fires the current window, over the cross-section
// its rows left, when the first row at or after its end arrives; the
// output's time is the window's end.
func (e *crossEngine) consumeDataInterval(batch *value.Table, start time.Time) error {
	tcol := batch.Cols[e.timeCol]
	for i, n := 0, batch.Rows(); i < n; i++ {
		ts, ok := tcol.At(i).Int64()
		if !ok {
			continue
		}
		if !e.haveWin {
			// windows of triggeringInterval on a grid from the first
			// row's time rounded down to a multiple of it
			e.winOrigin = streamengine.FloorDiv(ts, e.interval) * e.interval
			e.winEnd = e.winOrigin + e.interval
			e.haveWin = true
		} else if ts >= e.winEnd {
			if err := e.compute(e.scalarTime(e.winEnd), start, 1); err != nil {
				return err
			}
			e.winEnd = e.winOrigin + (streamengine.FloorDiv(ts-e.winOrigin, e.interval)+1)*e.interval
		}
		e.applyRows(batch, i, i+1)
	}
	return nil
}

// applyRows writes rows [lo, hi) of batch into the cross-section: a
// present key's row is overwritten in place, a new key appended.
func (e *crossEngine) applyRows(batch *value.Table, lo, hi int) {
	for r := lo; r < hi; r++ {
		e.keyBuf = streamengine.RowKey(e.keyBuf[:0], batch, e.keyCols, r)
		if at, ok := e.index[string(e.keyBuf)]; ok {
			for c, col := range e.state.Cols {
				insert.SetRow(col, at, batch.Cols[c], r)
			}
		} else {
			e.index[string(e.keyBuf)] = e.state.Rows()
			for c, col := range e.state.Cols {
				col.AppendFrom(batch.Cols[c], r)
			}
		}
		if e.updatedOnly && len(e.contextBy) > 0 {
			e.updated[string(streamengine.RowKey(nil, batch, e.contextBy, r))] = true
		}
	}
}

// clear empties the cross-section (lastBatchOnly's new timestamp).
func (e *crossEngine) clear() {
	for _, c := range e.state.Cols {
		c.Truncate(0)
	}
	clear(e.index)
}

// timeAt is the output time of a computation row i of batch fires.
func (e *crossEngine) timeAt(batch *value.Table, i int) *value.Scalar {
	if e.timeCol < 0 || i < 0 {
		return e.now()
	}
	return batch.Cols[e.timeCol].At(i)
}

func (e *crossEngine) scalarTime(ts int64) *value.Scalar {
	return value.NewTyped(e.state.Cols[e.timeCol].T, ts)
}

func (e *crossEngine) now() *value.Scalar {
	return value.NewTyped(value.Timestamp, wallclock.Millis(streamengine.Now(e.bg)))
}

// compute runs the metrics over the cross-section (its rows keyFilter
// keeps; with updatedContextGroupsOnly, those of groups updated since
// the last computation) and writes the time, the context-by columns,
// the metrics and, with outputElapsedMicroseconds, the elapsed time
// and the row count to the output.
func (e *crossEngine) compute(at *value.Scalar, start time.Time, count int) error {
	e.dirty = false
	if e.metrics == nil || e.output == nil || e.state.Rows() == 0 {
		return nil
	}
	t := e.state
	if e.updatedOnly && len(e.contextBy) > 0 {
		var idx []int
		for r := 0; r < t.Rows(); r++ {
			if e.updated[string(streamengine.RowKey(nil, t, e.contextBy, r))] {
				idx = append(idx, r)
			}
		}
		clear(e.updated)
		if len(idx) == 0 {
			return nil
		}
		t = t.Gather(idx)
	}
	res, err := e.run(t)
	if err != nil {
		return err
	}
	n := res.Rows()
	if n == 0 {
		return nil
	}
	tv := value.NewVector(at.T, 0, n)
	for i := 0; i < n; i++ {
		tv.AppendScalar(at)
	}
	names := append([]string{"time"}, res.Names...)
	cols := append([]*value.Vector{tv}, res.Cols...)
	if e.elapsed {
		us, cnt := streamengine.Elapsed(start, n, count)
		names = append(names, "elapsed", "count")
		cols = append(cols, us, cnt)
	}
	seen := map[string]bool{}
	for i := range names {
		for seen[strings.ToLower(names[i])] {
			names[i] += "_"
		}
		seen[strings.ToLower(names[i])] = true
	}
	return streamengine.Emit(e.bg, e.output, value.NewTable(names, cols))
}

// run is the query of the metrics over t: grouped by contextByColumn
// when every metric aggregates, context by it (with its columns first)
// otherwise.
func (e *crossEngine) run(t *value.Table) (*value.Table, error) {
	bind := e.metrics.Bind
	sel := streamengine.Select(e.metrics.Exprs)
	if e.filter != nil {
		sel.Where = []ast.Expr{e.filter.Exprs[0]}
		if len(e.filter.Bind) > 0 {
			b := make(map[string]value.Value, len(bind)+len(e.filter.Bind))
			for k, v := range e.filter.Bind {
				b[k] = v
			}
			for k, v := range bind {
				b[k] = v
			}
			bind = b
		}
	}
	if len(e.contextBy) == 0 {
		return streamengine.Run(e.bg, sel, t, bind)
	}
	keys := make([]ast.Expr, len(e.contextBy))
	for i, c := range e.contextBy {
		keys[i] = &ast.Ident{Name: t.Names[c]}
	}
	if !e.groupedKnown || e.grouped {
		g := *sel
		g.GroupBy = keys
		res, err := streamengine.Run(e.bg, &g, t, bind)
		if err == nil || e.groupedKnown || !strings.Contains(err.Error(), "S02022") {
			if err == nil {
				e.grouped, e.groupedKnown = true, true
			}
			return res, err
		}
		e.grouped, e.groupedKnown = false, true
	}
	c := *sel
	c.Cols = append(append([]ast.Expr{}, keys...), sel.Cols...)
	c.ContextBy = keys
	return streamengine.Run(e.bg, &c, t, bind)
}

// tick fires the interval pattern: every triggeringInterval
// milliseconds, a computation if rows arrived since the last one.
func (e *crossEngine) tick(time.Time) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.dirty {
		_ = e.compute(e.now(), time.Now(), e.state.Rows())
	}
}

// Stat implements streamengine.Engine: getStreamEngineStat's
// CrossSectionalEngine columns.
func (e *crossEngine) Stat() ([]string, []value.Value) {
	e.mu.Lock()
	defer e.mu.Unlock()
	numMetrics, text := 0, ""
	if e.metrics != nil {
		numMetrics, text = len(e.metrics.Exprs), e.metrics.Text
	}
	mem := int64(0)
	for _, c := range e.state.Cols {
		mem += int64(c.Len()) * 8
	}
	return []string{"numRows", "numMetrics", "metrics", "triggeringPattern", "triggeringInterval", "memoryUsed"},
		[]value.Value{value.NewLong(int64(e.state.Rows())), value.NewInt(int32(numMetrics)), value.NewString(text),
			value.NewString(e.pattern), value.NewLong(e.interval), value.NewLong(mem)}
}

// Close implements streamengine.Engine.
func (e *crossEngine) Close() { e.timer.Stop() }

// Outputs implements streamengine.Engine.
func (e *crossEngine) Outputs() []value.Value { return []value.Value{e.output} }
