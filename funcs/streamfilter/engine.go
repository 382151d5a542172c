package streamfilter

import (
	"fmt"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/value"
)

// filter is one of the engine's filters (funcs/s/streamFilter.md): the
// rows it keeps go to handler.
type filter struct {
	keys    map[string]bool // condition values (of conditionColumn, or heterogeneous keys); nil: any
	cond    *streamengine.Metrics
	ranges  [][2]*value.Scalar // timeRange: inclusive pairs; none: any time
	handler value.Value
	text    string
}

// engine is a streamFilter: heterogeneous when it has msgSchema, whose
// rows it parses by their key's table schema before filtering.
type engine struct {
	bg       funcs.Env
	filters  []*filter
	schemas  map[string]*value.Table // heterogeneous: key -> schema; nil otherwise
	timeCol  int
	condCol  int // -1: conditions on values are ignored (the page)
	numRows  int64
	textDesc string
}

func streamFilter(env funcs.Env, args []value.Value) (value.Value, error) {
	dummy, ok := args[1].(*value.Table)
	if !ok {
		return nil, ddberr.Errorf("The argument [dummyTable] of streamFilter must be a table.")
	}
	e := &engine{condCol: -1}
	timeGiven := false
	if x := funcs.Arg(args, 3); x != nil && !isNull(x) {
		d, ok := x.(*value.Dict)
		if !ok {
			return nil, ddberr.Errorf("The argument [msgSchema] of streamFilter must be a dictionary from each message key to a table.")
		}
		e.schemas = map[string]*value.Table{}
		for i := 0; i < d.Len(); i++ {
			t, ok := d.Vals.Elem(i).(*value.Table)
			if !ok {
				return nil, ddberr.Errorf("The argument [msgSchema] of streamFilter must be a dictionary from each message key to a table.")
			}
			e.schemas[keyText(d.Keys, i)] = t
		}
		if len(dummy.Cols) < 3 || dummy.Cols[1].T != value.Symbol && dummy.Cols[1].T != value.String || dummy.Cols[2].T != value.Blob {
			return nil, ddberr.Errorf("The dummyTable of a heterogeneous streamFilter must have a time column, a SYMBOL or STRING column and a BLOB column first.")
		}
	}
	if x := funcs.Arg(args, 4); x != nil && !isNull(x) {
		n, ok := funcs.StringArg(x)
		if !ok || dummy.ColumnIndex(n) < 0 {
			return nil, ddberr.Errorf("The argument [timeColumn] of streamFilter must be a column of dummyTable.")
		}
		e.timeCol = dummy.ColumnIndex(n)
		timeGiven = true
	}
	if x := funcs.Arg(args, 5); x != nil && !isNull(x) {
		n, ok := funcs.StringArg(x)
		if !ok || dummy.ColumnIndex(n) < 0 {
			return nil, ddberr.Errorf("The argument [conditionColumn] of streamFilter must be a column of dummyTable.")
		}
		e.condCol = dummy.ColumnIndex(n)
		if t := dummy.Cols[e.condCol].T; t != value.Symbol && t != value.String {
			return nil, ddberr.Errorf("The conditionColumn of streamFilter must be a STRING or SYMBOL column.")
		}
	}
	if e.schemas != nil && (timeGiven || e.condCol >= 0) {
		return nil, ddberr.Errorf("The arguments timeColumn and conditionColumn of streamFilter apply only without msgSchema.")
	}
	var specs []value.Value
	switch f := args[2].(type) {
	case *value.Dict:
		specs = []value.Value{f}
	case *value.Vector:
		if f.T == value.Any {
			specs = f.Any
		}
	}
	if len(specs) == 0 {
		return nil, ddberr.Errorf("The argument [filter] of streamFilter must be a dictionary or a tuple of dictionaries.")
	}
	var texts []string
	for _, s := range specs {
		f, err := e.readFilter(s)
		if err != nil {
			return nil, err
		}
		e.filters = append(e.filters, f)
		texts = append(texts, f.text)
	}
	e.textDesc = strings.Join(texts, ";")
	return streamengine.Create(env, "StreamFilter", args[0], dummy, func(bg funcs.Env) (streamengine.Engine, error) {
		e.bg = bg
		return e, nil
	})
}

func isNull(x value.Value) bool {
	s, ok := x.(*value.Scalar)
	return ok && s.Null
}

// keyText is the text of element i of keys, a message key.
func keyText(keys *value.Vector, i int) string {
	if keys.T == value.String || keys.T == value.Symbol {
		return keys.StrAt(i)
	}
	return fmt.Sprint(keys.Elem(i))
}

// readFilter reads one filter dictionary: condition, timeRange, handler.
func (e *engine) readFilter(v value.Value) (*filter, error) {
	d, ok := v.(*value.Dict)
	if !ok || d.Keys.T != value.String && d.Keys.T != value.Symbol {
		return nil, ddberr.Errorf("The argument [filter] of streamFilter must be a dictionary or a tuple of dictionaries.")
	}
	f := &filter{}
	var parts []string
	for i := 0; i < d.Len(); i++ {
		val := d.Vals.Elem(i)
		switch k := d.Keys.StrAt(i); k {
		case "condition":
			parts = append(parts, "condition="+fmt.Sprint(val))
			switch c := val.(type) {
			case *funcs.Code, *funcs.Meta:
				if e.schemas != nil {
					return nil, ddberr.Errorf("The condition of a heterogeneous streamFilter must be a key of msgSchema.")
				}
				m, err := streamengine.ParseMetrics("streamFilter", c)
				if err != nil {
					return nil, err
				}
				f.cond = m
			default:
				names, ok := funcs.StringsArg(c)
				if !ok {
					return nil, ddberr.Errorf("The condition of streamFilter must be a string, a string vector or metacode.")
				}
				f.keys = map[string]bool{}
				for _, n := range names {
					if e.schemas != nil && e.schemas[n] == nil {
						return nil, ddberr.Errorf("The condition %s of streamFilter is not a key of msgSchema.", n)
					}
					f.keys[n] = true
				}
			}
		case "timeRange":
			parts = append(parts, "timeRange="+fmt.Sprint(val))
			var pairs []value.Value
			if t, ok := val.(*value.Vector); ok && t.T == value.Any {
				pairs = t.Any
			} else {
				pairs = []value.Value{val}
			}
			for _, p := range pairs {
				pr, ok := p.(*value.Pair)
				if !ok || !pr.V.T.IsTemporal() || pr.V.Len() != 2 {
					return nil, ddberr.Errorf("The timeRange of streamFilter must be a pair of times or a tuple of them.")
				}
				lo, _ := pr.V.Elem(0).(*value.Scalar)
				hi, _ := pr.V.Elem(1).(*value.Scalar)
				f.ranges = append(f.ranges, [2]*value.Scalar{lo, hi})
			}
		case "handler":
			if _, isTable := val.(*value.Table); !isTable && !funcs.IsFunction(val) {
				return nil, ddberr.Errorf("The handler of streamFilter must be a table or a unary function.")
			}
			f.handler = val
		default:
			return nil, ddberr.Errorf("The filter of streamFilter takes only the keys condition, timeRange and handler, not %s.", k)
		}
	}
	if f.handler == nil {
		return nil, ddberr.Errorf("Each filter of streamFilter must have a handler.")
	}
	if e.schemas != nil && f.keys == nil {
		return nil, ddberr.Errorf("Each filter of a heterogeneous streamFilter must have a condition.")
	}
	f.text = strings.Join(parts, ",")
	return f, nil
}

// Consume dispatches one append. A heterogeneous stream's rows are
// parsed once per key; when a handler is an engine, a function or a
// stream table, whose consumers see the order of what reaches them, the
// rows go out in runs of one key in the stream's order, otherwise
// (handlers that are plain tables) each filter's rows go out at once.
func (e *engine) Consume(batch *value.Table) error {
	e.numRows += int64(batch.Rows())
	if e.schemas == nil {
		return e.dispatch(batch, batch.Cols[e.timeCol], batch.Cols[max(e.condCol, 0)], e.condCol >= 0)
	}
	n := batch.Rows()
	keys := batch.Cols[1]
	type part struct {
		rows []int        // the batch's rows of the key
		t    *value.Table // those rows parsed
	}
	parts := map[string]*part{}
	var order []string // keys, in order of first appearance
	runKey := make([]*part, 0, 8)
	runEnd := make([]int, 0, 8) // end, in the key's rows, of each run
	for i := 0; i < n; i++ {
		k := keys.StrAt(i)
		p := parts[k]
		if p == nil {
			if e.schemas[k] == nil {
				// a key msgSchema leaves out is a source no filter
				// wants: stock_market_replay.md replays order, trade
				// and snapshot but parses only trade and snapshot
				continue
			}
			p = &part{}
			parts[k] = p
			order = append(order, k)
		}
		p.rows = append(p.rows, i)
		if len(runKey) > 0 && runKey[len(runKey)-1] == p {
			runEnd[len(runEnd)-1]++
		} else {
			runKey, runEnd = append(runKey, p), append(runEnd, len(p.rows))
		}
	}
	bodies := batch.Cols[2]
	for _, k := range order {
		p := parts[k]
		t, err := DecodeRows(e.schemas[k], bodies.Gather(p.rows).Strings())
		if err != nil {
			return err
		}
		p.t = t
	}
	if !e.ordered() {
		for _, k := range order {
			p := parts[k]
			if err := e.dispatch(p.t, batch.Cols[0].Gather(p.rows), constant(k, len(p.rows)), true); err != nil {
				return err
			}
		}
		return nil
	}
	starts := map[*part]int{}
	for r, p := range runKey {
		lo, hi := starts[p], runEnd[r]
		starts[p] = hi
		key := keys.StrAt(p.rows[lo])
		if err := e.dispatch(p.t.Slice(lo, hi), batch.Cols[0].Gather(p.rows[lo:hi]), constant(key, hi-lo), true); err != nil {
			return err
		}
	}
	return nil
}

// ordered reports whether some handler sees the order of what reaches
// it: anything but a plain table.
func (e *engine) ordered() bool {
	for _, f := range e.filters {
		if t, ok := f.handler.(*value.Table); !ok || t.Stream != nil || t.Shared != "" {
			return true
		}
	}
	return false
}

// constant is a STRING vector of n copies of s.
func constant(s string, n int) *value.Vector {
	v := value.NewStrings(value.String, make([]string, n))
	for i := range v.Str {
		v.Str[i] = s
	}
	return v
}

// dispatch hands each filter's rows of t (times and condition values
// given per row) to its handler.
func (e *engine) dispatch(t *value.Table, times, conds *value.Vector, useConds bool) error {
	n := t.Rows()
	keep := make([]bool, n)
	ticks := make([]int64, n)
	streamengine.ReadTimes(times, ticks)
	for _, f := range e.filters {
		for i := range keep {
			keep[i] = true
		}
		if f.keys != nil && useConds {
			for i := range keep {
				keep[i] = f.keys[conds.StrAt(i)]
			}
		}
		if len(f.ranges) > 0 {
			inRanges(f.ranges, times.T, ticks, keep)
		}
		if f.cond != nil {
			r, err := streamengine.Run(e.bg, streamengine.Select(f.cond.Exprs), t, f.cond.Bind)
			if err != nil {
				return err
			}
			if len(r.Cols) != 1 || r.Cols[0].T != value.Bool || r.Cols[0].Len() != n {
				return ddberr.Errorf("The condition of streamFilter must give a boolean per row.")
			}
			for i, b := range r.Cols[0].I8 {
				keep[i] = keep[i] && b == 1
			}
		}
		idx := make([]int, 0, n)
		for i, k := range keep {
			if k {
				idx = append(idx, i)
			}
		}
		if len(idx) == 0 {
			continue
		}
		if err := streamengine.Emit(e.bg, f.handler, t.Gather(idx)); err != nil {
			return err
		}
	}
	return nil
}

// inRanges clears keep for the rows whose time (ticks of type tt) falls
// in none of the inclusive ranges. A range of another type compares the
// times converted to it, a time-of-day type (TIME, SECOND, MINUTE,
// NANOTIME) their time of day: the page lets a heterogeneous stream's
// ranges differ from its time column's type.
func inRanges(ranges [][2]*value.Scalar, tt value.Type, ticks []int64, keep []bool) {
	unit := value.TickNanos(tt)
	for i, x := range ticks {
		if !keep[i] {
			continue
		}
		in := false
		for _, r := range ranges {
			rt := r[0].T
			v := x
			if rt != tt && unit > 0 && value.TickNanos(rt) > 0 {
				ns := x * unit
				if timeOfDay(rt) {
					ns %= value.NsPerDay
					if ns < 0 {
						ns += value.NsPerDay
					}
				}
				v = ns / value.TickNanos(rt)
			}
			if x != streamengine.NullTime && v >= r[0].I && v <= r[1].I {
				in = true
				break
			}
		}
		keep[i] = in
	}
}

func timeOfDay(t value.Type) bool {
	return t == value.Time || t == value.Second || t == value.Minute || t == value.NanoTime
}

// Stat implements streamengine.Engine: StreamFilter's columns of
// getStreamEngineStat (funcs/g/getStreamEngineStat.md).
func (e *engine) Stat() ([]string, []value.Value) {
	return []string{"numRows", "filters"}, []value.Value{value.NewLong(e.numRows), value.NewString(e.textDesc)}
}

// Close implements streamengine.Engine; the engine runs nothing.
func (e *engine) Close() {}

// Outputs implements streamengine.Engine: the filters' handlers.
func (e *engine) Outputs() []value.Value {
	all := make([]value.Value, len(e.filters))
	for i, f := range e.filters {
		all[i] = f.handler
	}
	return all
}
