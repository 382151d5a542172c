package cepengine

import (
	"slices"
	"strings"
	"sync"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wallclock"
)

// dataView is a DataView engine (stream/cep_monitoring.md): the latest
// row of each key, kept in view, a table scripts append to and query;
// each row it takes or changes is written to the output table too,
// with the time it changed in the time column.
type dataView struct {
	name   string
	user   string
	bg     funcs.Env
	output *value.Table
	// view holds the output's columns but the time column when the
	// engine stamps rows with the system time.
	view     *value.Table
	keyCols  []int
	keyNames []string
	timeCol  string
	sysTime  bool
	throttle int64
	cep      *engine // the CEP engine whose monitor made it, nil outside one

	mu    sync.Mutex
	index map[string]int
}

const fnDataView = "createDataViewEngine"

// createDataViewEngine(name, outputTable, keyColumns, timeColumn,
// [useSystemTime=true], [throttle]).
func createDataViewEngine(env funcs.Env, args []value.Value) (value.Value, error) {
	out, ok := args[1].(*value.Table)
	if !ok {
		return nil, ddberr.Errorf("The argument [outputTable] of %s must be a table.", fnDataView)
	}
	keys, ok := funcs.StringsArg(args[2])
	if !ok || len(keys) == 0 {
		return nil, ddberr.Errorf("The argument [keyColumns] of %s must be a string scalar or vector.", fnDataView)
	}
	timeCol, err := funcs.StrScalarArg(fnDataView, "timeColumn", args[3])
	if err != nil {
		return nil, err
	}
	d := &dataView{output: out, timeCol: timeCol, sysTime: true, index: map[string]int{}, user: env.SessionInfo().User}
	d.name, _ = funcs.StringArg(args[0])
	if len(args) > 4 && args[4] != nil && !isNothing(args[4]) {
		if d.sysTime, err = funcs.BoolArg(fnDataView, "useSystemTime", args[4], true); err != nil {
			return nil, err
		}
	}
	if len(args) > 5 && args[5] != nil && !isNothing(args[5]) {
		if d.throttle, ok = durationMillis(args[5]); !ok {
			return nil, ddberr.Errorf("The argument [throttle] of %s must be a DURATION.", fnDataView)
		}
	}
	if out.ColumnIndex(timeCol) < 0 {
		return nil, ddberr.Errorf("The timeColumn [%s] does not exist in the outputTable.", timeCol)
	}
	var names []string
	var cols []*value.Vector
	for i, n := range out.Names {
		if d.sysTime && strings.EqualFold(n, timeCol) {
			continue
		}
		c := out.Cols[i].Like(0)
		c.Scale = out.Cols[i].Scale
		names, cols = append(names, n), append(cols, c)
	}
	d.view = value.NewTable(names, cols)
	for _, k := range keys {
		i := d.view.ColumnIndex(k)
		if i < 0 {
			return nil, ddberr.Errorf("The key column [%s] does not exist in the outputTable.", k)
		}
		d.keyCols = append(d.keyCols, i)
		d.keyNames = append(d.keyNames, d.view.Names[i])
	}
	if m := ownerOf(env); m != nil {
		d.cep = m.s.e
	}
	dummy := d.view.EmptyLike(0)
	if _, err := streamengine.Create(env, "DataViewEngine", args[0], dummy, func(bg funcs.Env) (streamengine.Engine, error) {
		d.bg = bg
		return d, nil
	}); err != nil {
		return nil, err
	}
	d.view.Stream = d
	if d.cep != nil {
		d.cep.smu.Lock()
		d.cep.views = append(d.cep.views, d)
		d.cep.smu.Unlock()
	}
	return d.view, nil
}

// Handle implements streamengine's handle of an engine: getStreamEngine
// returns the view, whose rows scripts query.
func (d *dataView) Handle() *value.Table { return d.view }

// Published implements value.Publisher: the rows an append added to the
// view replace the rows of their keys, and go to the output.
func (d *dataView) Published(t *value.Table, from int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.merge(from)
}

// Undefining implements value.Publisher.
func (d *dataView) Undefining(*value.Table) error { return nil }

// merge folds the view's rows from on into the rows of their keys. d.mu
// is held.
func (d *dataView) merge(from int) {
	v := d.view
	rows := v.Rows()
	keep := from
	var changed []int
	for r := from; r < rows; r++ {
		k := d.key(r)
		at, ok := d.index[k]
		if !ok {
			at = keep
			d.index[k] = at
			keep++
		}
		if at != r {
			for _, c := range v.Cols {
				c.SetFrom(at, c, r)
			}
		}
		if !slices.Contains(changed, at) {
			changed = append(changed, at)
		}
	}
	for _, c := range v.Cols {
		c.Truncate(keep)
	}
	d.emit(changed)
}

// key is row r's key in the view.
func (d *dataView) key(r int) string {
	var b strings.Builder
	for _, i := range d.keyCols {
		b.WriteString(d.view.Cols[i].Elem(r).String())
		b.WriteByte(0)
	}
	return b.String()
}

// emit writes the view's rows to the output, stamped with the system
// time when the engine keeps it.
func (d *dataView) emit(rows []int) {
	if len(rows) == 0 {
		return
	}
	t := d.view.Gather(rows)
	if d.sysTime {
		col := value.NewVector(value.Timestamp, 0, len(rows))
		now := timestamp(d.clock())
		for range rows {
			col.AppendScalar(now)
		}
		names := make([]string, 0, len(d.output.Names))
		cols := make([]*value.Vector, 0, len(d.output.Names))
		for _, n := range d.output.Names {
			names = append(names, n)
			if strings.EqualFold(n, d.timeCol) {
				cols = append(cols, col)
			} else {
				cols = append(cols, t.Cols[t.ColumnIndex(n)])
			}
		}
		t = value.NewTable(names, cols)
	}
	_ = streamengine.Emit(d.bg, d.output, t)
}

func (d *dataView) clock() int64 {
	if d.cep != nil {
		return d.cep.clock()
	}
	return wallclock.Millis(streamengine.Now(d.bg))
}

// Consume implements streamengine.Engine: rows appended to the engine
// by name go to the view.
func (d *dataView) Consume(batch *value.Table) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	from := d.view.Rows()
	for i, c := range batch.Cols {
		d.view.Cols[i].AppendVector(c)
	}
	d.merge(from)
	return nil
}

// Stat implements streamengine.Engine (stream/cep_viewing.md's
// dataViewEngines columns after the first four).
func (d *dataView) Stat() ([]string, []value.Value) {
	d.mu.Lock()
	defer d.mu.Unlock()
	throttle := value.NullScalar(value.Long)
	if d.throttle > 0 {
		throttle = value.NewLong(d.throttle)
	}
	return []string{"lastErrorTimestamp", "keyColumns", "outputTableName", "useSystemTime", "throttle", "numItems", "memoryUsed"},
		[]value.Value{value.NullScalar(value.Timestamp), value.NewString(strings.Join(d.keyNames, " ")), value.NewString(d.output.Shared),
			value.NewBool(d.sysTime), throttle, value.NewLong(int64(d.view.Rows())), value.NewLong(int64(d.view.Rows() * len(d.view.Cols) * 8))}
}

// Close implements streamengine.Engine.
func (d *dataView) Close() {}

// Outputs implements streamengine.Engine.
func (d *dataView) Outputs() []value.Value { return []value.Value{d.output} }

// dataViewArg is the DataView engine x names or is.
func dataViewArg(env funcs.Env, fn string, x value.Value) (*dataView, error) {
	if t, ok := x.(*value.Table); ok {
		if d, ok := t.Stream.(*dataView); ok {
			return d, nil
		}
	}
	eng, _, err := streamengine.Find(env, fn, x)
	if err != nil {
		return nil, err
	}
	d, ok := eng.(*dataView)
	if !ok {
		return nil, ddberr.Errorf("The argument [engine] of %s must be a DataView engine.", fn)
	}
	return d, nil
}

// getDataViewEngine([CEPEngine], dataViewEngineName): the view.
func getDataViewEngine(env funcs.Env, args []value.Value) (value.Value, error) {
	name := args[len(args)-1]
	d, err := dataViewArg(env, "getDataViewEngine", name)
	if err != nil {
		return nil, err
	}
	return d.view, nil
}

// keyRows are the view's rows of the keys given as keys (a scalar, a
// vector, or a tuple of one vector per key column).
func (d *dataView) keyRows(fn string, keys value.Value) ([]int, error) {
	var parts []value.Value
	if t, ok := keys.(*value.Vector); ok && t.T == value.Any && len(d.keyCols) > 1 {
		parts = t.Any
	} else {
		parts = []value.Value{keys}
	}
	if len(parts) != len(d.keyCols) {
		return nil, ddberr.Errorf("The number of key columns of the argument [keys] of %s must be %d.", fn, len(d.keyCols))
	}
	n := 1
	if v, ok := parts[0].(*value.Vector); ok {
		n = v.Len()
	}
	rows := make([]int, 0, n)
	for i := range n {
		var b strings.Builder
		for _, p := range parts {
			e := p
			if v, ok := p.(*value.Vector); ok {
				e = v.Elem(i)
			}
			b.WriteString(e.String())
			b.WriteByte(0)
		}
		at, ok := d.index[b.String()]
		if !ok {
			return nil, ddberr.Errorf("The key [%s] does not exist in the DataView engine [%s].", strings.TrimSuffix(strings.ReplaceAll(b.String(), "\x00", " "), " "), d.name)
		}
		rows = append(rows, at)
	}
	return rows, nil
}

// updateDataViewItems(engine, keys, valueNames, newValues).
func updateDataViewItems(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "updateDataViewItems"
	d, err := dataViewArg(env, fn, args[0])
	if err != nil {
		return nil, err
	}
	names, ok := funcs.StringsArg(args[2])
	if !ok {
		return nil, ddberr.Errorf("The argument [valueNames] of %s must be a string scalar or vector.", fn)
	}
	var vals []value.Value
	if t, ok := args[3].(*value.Vector); ok && t.T == value.Any && len(names) > 1 {
		vals = t.Any
	} else if v, ok := args[3].(*value.Vector); ok && len(names) > 1 && v.Len() == len(names) {
		for i := range v.Len() {
			vals = append(vals, v.Elem(i))
		}
	} else {
		vals = []value.Value{args[3]}
	}
	if len(vals) != len(names) {
		return nil, ddberr.Errorf("The number of newValues of %s must be the same as the number of valueNames.", fn)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	rows, err := d.keyRows(fn, args[1])
	if err != nil {
		return nil, err
	}
	for i, n := range names {
		ci := d.view.ColumnIndex(n)
		if ci < 0 {
			return nil, ddberr.Errorf("The column [%s] does not exist in the DataView engine [%s].", n, d.name)
		}
		col := d.view.Cols[ci]
		for j, r := range rows {
			e := vals[i]
			if v, ok := e.(*value.Vector); ok {
				if j >= v.Len() {
					return nil, ddberr.Errorf("The number of newValues of %s must be the same as the number of keys.", fn)
				}
				e = v.Elem(j)
			}
			sc, ok := e.(*value.Scalar)
			if !ok {
				return nil, ddberr.Errorf("The argument [newValues] of %s must be scalars, vectors or a tuple of them.", fn)
			}
			conv, err := convertScalar(sc, col.T, col.Scale)
			if err != nil {
				return nil, err
			}
			col.Set(r, conv)
		}
	}
	d.emit(rows)
	return nil, nil
}

// convertScalar casts sc to a column of type t, as appending it would.
func convertScalar(sc *value.Scalar, t value.Type, scale int32) (*value.Scalar, error) {
	if sc.T == t {
		return sc, nil
	}
	one := value.NewVector(sc.T, 0, 1)
	one.Scale = sc.Scale
	one.AppendScalar(sc)
	v, err := insert.ConvertForVector(one, t, scale)
	if err != nil {
		return nil, err
	}
	out, _ := v.Elem(0).(*value.Scalar)
	return out, nil
}

// deleteDataViewItems(engine, keys).
func deleteDataViewItems(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "deleteDataViewItems"
	d, err := dataViewArg(env, fn, args[0])
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	rows, err := d.keyRows(fn, args[1])
	if err != nil {
		return nil, err
	}
	var keep []int
	for r := 0; r < d.view.Rows(); r++ {
		if !slices.Contains(rows, r) {
			keep = append(keep, r)
		}
	}
	t := d.view.Gather(keep)
	for i := range d.view.Cols {
		d.view.Cols[i].Truncate(0)
		d.view.Cols[i].AppendVector(t.Cols[i])
	}
	d.index = map[string]int{}
	for r := 0; r < d.view.Rows(); r++ {
		d.index[d.key(r)] = r
	}
	return nil, nil
}
