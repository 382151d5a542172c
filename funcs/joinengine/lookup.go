package joinengine

import (
	"sync"
	"time"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/ticker"
	"github.com/porpoisedb/porpoise/value"
)

const lookupFn = "createLookupJoinEngine"

// lookupEngine joins each left row, when it arrives, to the right rows
// of its key: the latest one (by rightTimeColumn, else by arrival), or
// with keepDuplicates all of them.
type lookupEngine struct {
	writer
	mu      sync.Mutex
	left    *value.Table
	lkey    []int
	rkey    []int
	rtime   int
	keepDup bool
	inner   bool
	elapsed bool

	right  keptRows
	keyBuf []byte

	source value.Value // rightTable, reloaded every checkTimes
	daily  []int64     // or at these nanoseconds of each day
	timer  ticker.Timer
}

func createLookupJoinEngine(env funcs.Env, args []value.Value) (value.Value, error) {
	arg := func(i int) value.Value { return funcs.Arg(args, i) }
	e := &lookupEngine{rtime: -1}
	left, ok := arg(1).(*value.Table)
	if !ok {
		return nil, funcs.BadArg(lookupFn, "leftTable", "a table")
	}
	e.left = left
	e.lname = tableName(env, left)
	if rt, ok := arg(2).(*value.Table); ok {
		e.rname = tableName(env, rt)
	}
	if funcs.NullOrAbsent(arg(3)) {
		return nil, funcs.BadArg(lookupFn, "outputTable", "a table")
	}
	e.out = arg(3)
	var err error
	if e.metrics, err = streamengine.ParseMetrics(lookupFn, arg(4)); err != nil {
		return nil, err
	}
	var every time.Duration
	if !funcs.NullOrAbsent(arg(7)) {
		d, ok := arg(7).(*value.Scalar)
		if ok && d.T == value.Duration && value.DurationNanos(value.DurationUnit(d)) > 0 && d.I > 0 {
			every = time.Duration(d.I * value.DurationNanos(value.DurationUnit(d)))
		} else if v, isVec := arg(7).(*value.Vector); isVec && (v.T == value.Second || v.T == value.Time || v.T == value.NanoTime) {
			// times of day: the right table is reloaded as the clock
			// passes each
			tick := value.TickNanos(v.T)
			for i := 0; i < v.Len(); i++ {
				if x, ok := v.At(i).Int64(); ok {
					e.daily = append(e.daily, x*tick)
				}
			}
		} else {
			return nil, funcs.BadArg(lookupFn, "checkTimes", "a positive DURATION or a SECOND, TIME or NANOTIME vector")
		}
		e.source = sessionBound(env, arg(2))
	}
	right, err := e.rightSchema(env, arg(2))
	if err != nil {
		return nil, err
	}
	if e.lkey, e.rkey, err = matching(lookupFn, arg(5), left, right); err != nil {
		return nil, err
	}
	if e.rtime, err = columnOpt(lookupFn, "rightTimeColumn", arg(6), right); err != nil {
		return nil, err
	}
	if e.elapsed, err = funcs.BoolArg(lookupFn, "outputElapsedMicroseconds", arg(8), false); err != nil {
		return nil, err
	}
	if e.keepDup, err = funcs.BoolArg(lookupFn, "keepDuplicates", arg(9), false); err != nil {
		return nil, err
	}
	if e.inner, err = funcs.BoolArg(lookupFn, "isInnerJoin", arg(10), false); err != nil {
		return nil, err
	}
	e.inner = e.inner || e.keepDup
	// snapshotDir and snapshotIntervalInMsgCount (11, 12) are accepted
	// and ignored.
	e.right = newKeptRows(right, e.keepDup)
	return streamengine.CreateJoin(env, "LookupJoinEngine", arg(0), left, right, func(bg funcs.Env) (streamengine.JoinEngine, error) {
		e.bg = bg
		if e.source != nil {
			if err := e.reload(); err != nil {
				return nil, err
			}
		}
		if every > 0 || len(e.daily) > 0 {
			period := every
			if len(e.daily) > 0 {
				period = 100 * time.Millisecond
			}
			// the refresh reads the right table, a shared one perhaps
			e.timer.Start(period, streamengine.Ticked(bg, []value.Value{e.source}, e.refresher()))
		}
		return e, nil
	})
}

// rightSchema is the right table, or for metacode or a table that is
// not in memory (a DFS table) its first evaluation's schema.
func (e *lookupEngine) rightSchema(env funcs.Env, v value.Value) (*value.Table, error) {
	if t, ok := v.(*value.Table); ok {
		return t, nil
	}
	if v == nil {
		return nil, funcs.BadArg(lookupFn, "rightTable", "a table or metacode of a query")
	}
	t, err := load(env, v)
	if err != nil {
		return nil, err
	}
	return t.EmptyLike(0), nil
}

// sessionBound is metacode v with the creator's variables bound, as
// the engine's background session reloads it (<select * from
// loadTable(dbPath, ...)>); other values are returned as they are.
func sessionBound(env funcs.Env, v value.Value) value.Value {
	var x ast.Expr
	var bind map[string]value.Value
	switch m := v.(type) {
	case *funcs.Meta:
		if m.Stmt != nil {
			return v
		}
		x, bind = m.X, m.Bind
	case *funcs.Code:
		x = m.X
	default:
		return v
	}
	b := map[string]value.Value{}
	for _, o := range env.Objects(false) {
		if !o.Shared && o.Value != nil {
			b[o.Name] = o.Value
		}
	}
	for k, val := range bind {
		b[k] = val
	}
	return &funcs.Meta{X: x, Bind: b}
}

// load evaluates the right table: metacode's query, or every row of a
// table.
func load(env funcs.Env, v value.Value) (*value.Table, error) {
	switch x := v.(type) {
	case *funcs.Meta:
		if x.Stmt == nil {
			r, err := env.EvalSession(x.X, x.Bind)
			if err != nil {
				return nil, err
			}
			if t, ok := r.(*value.Table); ok {
				return t, nil
			}
		}
	case *funcs.Code:
		r, err := env.EvalSession(x.X, nil)
		if err != nil {
			return nil, err
		}
		if t, ok := r.(*value.Table); ok {
			return t, nil
		}
	default:
		q := &ast.SelectExpr{Cols: []ast.Expr{&ast.StarExpr{}}, From: &ast.Ident{Name: "__lookupRight"}}
		r, err := env.EvalSession(q, map[string]value.Value{"__lookupRight": v})
		if err != nil {
			return nil, err
		}
		if t, ok := r.(*value.Table); ok {
			return t, nil
		}
	}
	return nil, funcs.BadArg(lookupFn, "rightTable", "a table or metacode of a query")
}

// reload replaces the right rows with the right table's.
func (e *lookupEngine) reload() error {
	t, err := load(e.bg, e.source)
	if err != nil {
		return err
	}
	e.right.reset()
	if len(t.Cols) != len(e.right.store.Cols) {
		return nil
	}
	for i, c := range t.Cols {
		if c.T.Storage() != e.right.store.Cols[i].T.Storage() {
			return nil
		}
	}
	e.addRight(t)
	return nil
}

// refresher is the timer's tick: it reloads the right table every
// checkTimes, or as the clock passes each of its times of day.
func (e *lookupEngine) refresher() func(time.Time) {
	last := timeOfDay(streamengine.Now(e.bg))
	return func(time.Time) {
		due := len(e.daily) == 0
		if !due {
			now := timeOfDay(streamengine.Now(e.bg))
			for _, t := range e.daily {
				// passed since the last check, across midnight too
				if last < now && last < t && t <= now || now < last && (t > last || t <= now) {
					due = true
				}
			}
			last = now
		}
		if due {
			e.mu.Lock()
			_ = e.reload()
			e.mu.Unlock()
		}
	}
}

// timeOfDay is t's nanoseconds since its local midnight.
func timeOfDay(t time.Time) int64 {
	return int64(t.Hour()*3600+t.Minute()*60+t.Second())*1e9 + int64(t.Nanosecond())
}

// ConsumeRight implements streamengine.JoinEngine.
func (e *lookupEngine) ConsumeRight(batch *value.Table) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.addRight(batch)
	return nil
}

// addRight keeps batch's rows: all of them with keepDuplicates, else
// each key's latest (a row whose rightTimeColumn is earlier than the
// kept one's is dropped).
func (e *lookupEngine) addRight(batch *value.Table) {
	var older func(at int) bool
	r := 0
	if e.rtime >= 0 {
		// the kept row stays when the new one's time is earlier (or NULL)
		older = func(at int) bool {
			nt, ok1 := batch.Cols[e.rtime].At(r).Int64()
			ot, ok2 := e.right.store.Cols[e.rtime].At(at).Int64()
			return ok2 && (!ok1 || nt < ot)
		}
	}
	for n := batch.Rows(); r < n; r++ {
		e.keyBuf = streamengine.RowKey(e.keyBuf[:0], batch, e.rkey, r)
		e.right.put(string(e.keyBuf), batch, r, older)
	}
}

// ConsumeLeft implements streamengine.JoinEngine: the batch's rows are
// joined and the metrics computed in one query.
func (e *lookupEngine) ConsumeLeft(batch *value.Table) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	start := time.Now()
	var li, ri []int
	for r, n := 0, batch.Rows(); r < n; r++ {
		e.keyBuf = streamengine.RowKey(e.keyBuf[:0], batch, e.lkey, r)
		if e.keepDup {
			for _, j := range e.right.all[string(e.keyBuf)] {
				li, ri = append(li, r), append(ri, j)
			}
			continue
		}
		if j, ok := e.right.latest[string(e.keyBuf)]; ok {
			li, ri = append(li, r), append(ri, j)
		} else if !e.inner {
			li, ri = append(li, r), append(ri, -1)
		}
	}
	if len(li) == 0 {
		return nil
	}
	t, res, err := e.compute(batch, li, e.right.store, ri)
	if err != nil {
		return err
	}
	return streamengine.Emit(e.bg, e.out, output(columnsOf(t, e.lkey), res, e.elapsed, start, batch.Rows()))
}

// Stat implements streamengine.JoinEngine: getStreamEngineStat's
// LookupJoinEngine columns.
func (e *lookupEngine) Stat() ([]string, []value.Value) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return []string{"leftTableNumRows", "rightTableNumRows", "numMetrics", "metrics", "memoryUsed"},
		[]value.Value{value.NewLong(0), value.NewLong(int64(e.right.store.Rows())), value.NewInt(int32(len(e.metrics.Exprs))),
			value.NewString(e.metrics.Text), memoryUsed(e.right.store)}
}

// Close implements streamengine.JoinEngine.
func (e *lookupEngine) Close() { e.timer.Stop() }
