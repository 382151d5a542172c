package cepengine

import (
	"slices"
	"strings"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/value"
)

// cepArg is the CEP engine fn's argument names or is the handle of.
func cepArg(env funcs.Env, fn string, x value.Value) (*engine, error) {
	eng, _, err := streamengine.Find(env, fn, x)
	if err != nil {
		return nil, err
	}
	e, ok := eng.(*engine)
	if !ok {
		return nil, ddberr.Errorf("The argument [engine] of %s must be a CEP engine.", fn)
	}
	return e, nil
}

// getCEPEngineStat(engine): EngineStat, eventSchema, subEngineStat and
// dataViewEngines (stream/cep_viewing.md).
func getCEPEngineStat(env funcs.Env, args []value.Value) (value.Value, error) {
	e, err := cepArg(env, "getCEPEngineStat", args[0])
	if err != nil {
		return nil, err
	}
	names, vals := e.FullStat()
	engStat := funcs.DictOf(value.NewStrings(value.String, names), value.NewTuple(vals))
	keys := []string{"EngineStat", "eventSchema", "subEngineStat", "dataViewEngines"}
	return funcs.DictOf(value.NewStrings(value.String, keys), value.NewTuple([]value.Value{
		engStat, e.schemaTable(), e.subStat(), e.dataViewTable(),
	})), nil
}

// schemaTable describes each event type of the engine's eventSchema.
func (e *engine) schemaTable() *value.Table {
	var types, fields, ftypes []string
	var typeIDs, formIDs []int32
	var offs1, offs2 []int64
	for _, c := range e.cfg.schemaOrder {
		types = append(types, c.Name)
		fields = append(fields, strings.Join(c.AttrNames(), ","))
		var tn []string
		for _, decl := range c.AttrTypes() {
			name, vector := strings.CutSuffix(decl, " VECTOR")
			t, ok := value.TypeByName(name)
			if !ok {
				t = value.Any
			}
			tn = append(tn, t.String())
			typeIDs = append(typeIDs, int32(t))
			form := int32(0)
			if vector {
				form = 1
			}
			formIDs = append(formIDs, form)
		}
		ftypes = append(ftypes, strings.Join(tn, ","))
		offs1 = append(offs1, int64(len(typeIDs)))
		offs2 = append(offs2, int64(len(formIDs)))
	}
	return value.NewTable([]string{"eventType", "eventField", "fieldType", "fieldTypeId", "fieldFormId"}, []*value.Vector{
		value.NewStrings(value.String, types), value.NewStrings(value.String, fields), value.NewStrings(value.String, ftypes),
		{T: value.Int + value.ArrayOffset, I32: typeIDs, Offsets: offs1},
		{T: value.Int + value.ArrayOffset, I32: formIDs, Offsets: offs2},
	})
}

// subStat is a row per sub-engine (stream/cep_viewing.md).
func (e *engine) subStat() *value.Table {
	e.smu.Lock()
	defer e.smu.Unlock()
	n := len(e.order)
	names := make([]string, n)
	var onQueue, monitors, listeners, timers []int32
	var routed, sent, received, consumed []int64
	lastTime := value.NewVector(value.Timestamp, 0, n)
	errs := make([]string, n)
	errTime := value.NewVector(value.Timestamp, 0, n)
	for i, name := range e.order {
		s := e.subs[name]
		names[i] = name
		onQueue = append(onQueue, int32(s.stat.queued))
		monitors = append(monitors, int32(s.monitors))
		listeners, timers = append(listeners, int32(s.stat.listeners)), append(timers, int32(s.stat.timers))
		routed, sent = append(routed, s.routed), append(sent, s.sent)
		received, consumed = append(received, s.received), append(consumed, s.consumed)
		if s.received > 0 || s.routed > 0 || s.sent > 0 {
			lastTime.AppendScalar(timestamp(s.stat.lastEventTime))
		} else {
			lastTime.AppendNull()
		}
		errs[i] = s.lastErr
		errTime.AppendScalar(timestamp(s.lastErrT))
	}
	return value.NewTable([]string{"subEngineName", "eventsOnInputQueue", "monitorNumber", "listeners", "timers", "eventsRouted", "eventsSent", "eventsReceived", "eventsConsumed", "lastEventTime", "lastErrorMessage", "lastErrorTimestamp"},
		[]*value.Vector{value.NewStrings(value.String, names), value.NewInts(onQueue), value.NewInts(monitors), value.NewInts(listeners), value.NewInts(timers),
			value.NewLongs(routed), value.NewLongs(sent), value.NewLongs(received), value.NewLongs(consumed), lastTime, value.NewStrings(value.String, errs), errTime})
}

// dataViewTable is the dataViewEngines table: the DataView engines the
// engine's monitors made.
func (e *engine) dataViewTable() *value.Table {
	e.smu.Lock()
	views := slices.Clone(e.views)
	e.smu.Unlock()
	names := []string{"name", "user", "status", "lastErrorMessage"}
	var t *value.Table
	for _, d := range views {
		statNames, vals := d.Stat()
		row := append([]value.Value{value.NewString(d.name), value.NewString(d.user), value.NewString("OK"), value.NewString("")}, vals...)
		if t == nil {
			cols := make([]*value.Vector, len(row))
			for i, v := range row {
				cols[i] = value.NewVector(v.Type(), 0, len(views))
			}
			t = value.NewTable(append(names, statNames...), cols)
		}
		for i, v := range row {
			t.Cols[i].AppendScalar(v.(*value.Scalar))
		}
	}
	if t != nil {
		return t
	}
	return value.NewTable(append(names, "lastErrorTimestamp", "keyColumns", "outputTableName", "useSystemTime", "throttle", "numItems", "memoryUsed"),
		[]*value.Vector{value.NewStrings(value.String, nil), value.NewStrings(value.String, nil), value.NewStrings(value.String, nil), value.NewStrings(value.String, nil),
			value.NewVector(value.Timestamp, 0, 0), value.NewStrings(value.String, nil), value.NewStrings(value.String, nil), value.NewVector(value.Bool, 0, 0),
			value.NewVector(value.Long, 0, 0), value.NewVector(value.Long, 0, 0), value.NewVector(value.Long, 0, 0)})
}

// getCEPEngineMonitor(engine, subEngineName, [monitorName]): a top
// monitor, or a dictionary of them all by name.
func getCEPEngineMonitor(env funcs.Env, args []value.Value) (value.Value, error) {
	e, s, err := subArg(env, "getCEPEngineMonitor", args)
	if err != nil {
		return nil, err
	}
	if len(args) > 2 && args[2] != nil && !isNothing(args[2]) {
		name, err := funcs.StrScalarArg("getCEPEngineMonitor", "monitorName", args[2])
		if err != nil {
			return nil, err
		}
		for _, m := range s.top {
			if m.name == name {
				return m.obj, nil
			}
		}
		return nil, ddberr.Errorf("The monitor [%s] does not exist in the sub-engine [%s] of the CEP engine [%s].", name, s.name, e.name)
	}
	return monitorDict(s.top, false), nil
}

// getCEPEngineSubMonitor(engine, subEngineName, monitorName): the
// monitors a top monitor spawned at every level, or those a spawned one
// spawned itself.
func getCEPEngineSubMonitor(env funcs.Env, args []value.Value) (value.Value, error) {
	e, s, err := subArg(env, "getCEPEngineSubMonitor", args)
	if err != nil {
		return nil, err
	}
	name, err := funcs.StrScalarArg("getCEPEngineSubMonitor", "monitorName", args[2])
	if err != nil {
		return nil, err
	}
	for _, m := range s.top {
		if m.name == name {
			return monitorDict(m.children, true), nil
		}
	}
	if m := s.monitorNamed(name); m != nil {
		return monitorDict(m.children, false), nil
	}
	return nil, ddberr.Errorf("The monitor [%s] does not exist in the sub-engine [%s] of the CEP engine [%s].", name, s.name, e.name)
}

func monitorDict(ms []*monitor, deep bool) *value.Dict {
	var names []string
	var objs []value.Value
	var add func(ms []*monitor)
	add = func(ms []*monitor) {
		for _, m := range ms {
			if m.dead {
				continue
			}
			names, objs = append(names, m.name), append(objs, m.obj)
			if deep {
				add(m.children)
			}
		}
	}
	add(ms)
	return funcs.DictOf(value.NewStrings(value.String, names), value.NewTuple(objs))
}

func subArg(env funcs.Env, fn string, args []value.Value) (*engine, *sub, error) {
	e, err := cepArg(env, fn, args[0])
	if err != nil {
		return nil, nil, err
	}
	name, err := funcs.StrScalarArg(fn, "subEngineName", args[1])
	if err != nil {
		return nil, nil, err
	}
	e.smu.Lock()
	s := e.subs[name]
	e.smu.Unlock()
	if s == nil {
		return nil, nil, ddberr.Errorf("The sub-engine [%s] does not exist in the CEP engine [%s].", name, e.name)
	}
	return e, s, nil
}
