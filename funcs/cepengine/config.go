package cepengine

import (
	"context"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/oop"
	"github.com/porpoisedb/porpoise/value"
)

// config is what createCEPEngine was given.
type config struct {
	monitors       []value.Value // metacode, one constructor call each
	schemas        map[string]*oop.Class
	schemaOrder    []*oop.Class
	timeColumn     string
	queueDepth     int
	output         value.Value
	dispatchKey    string
	dispatchBucket int
	useSystemTime  bool
	// timeFields are the events' time fields by type (eventTimeField).
	timeFields map[string]string
	timeField0 string
	// the dummy table's eventType and blob columns
	typeCol, blobCol int
}

func (c *config) timeField(typ string) string {
	if f, ok := c.timeFields[typ]; ok {
		return f
	}
	return c.timeField0
}

const fnCreate = "createCEPEngine"

// createCEPEngine(name, monitors, dummyTable, eventSchema,
// [deserializeParallelism=1], [timeColumn], [eventQueueDepth=1024],
// [outputTable], [dispatchKey], [dispatchBucket], [useSystemTime=true],
// [eventTimeField="eventTime"]).
func createCEPEngine(env funcs.Env, args []value.Value) (value.Value, error) {
	arg := func(i int) value.Value {
		if i < len(args) && args[i] != nil && !isNothing(args[i]) {
			return args[i]
		}
		return nil
	}
	c := &config{queueDepth: 1024, useSystemTime: true, timeField0: "eventTime", schemas: map[string]*oop.Class{}, typeCol: -1, blobCol: -1}
	switch m := args[1].(type) {
	case *funcs.Code, *funcs.Meta:
		c.monitors = []value.Value{m}
	case *value.Vector:
		if m.T != value.Any {
			return nil, badMonitors()
		}
		for _, x := range m.Any {
			if !funcs.IsCode(x) {
				return nil, badMonitors()
			}
			c.monitors = append(c.monitors, x)
		}
	default:
		return nil, badMonitors()
	}
	dummy, ok := args[2].(*value.Table)
	if !ok {
		return nil, ddberr.Errorf("The argument [dummyTable] of %s must be a table.", fnCreate)
	}
	for i, col := range dummy.Cols {
		switch {
		case col.T == value.Blob && c.blobCol < 0:
			c.blobCol = i
		case (col.T == value.String || col.T == value.Symbol) && c.typeCol < 0:
			c.typeCol = i
		}
	}
	if i := dummy.ColumnIndex("eventType"); i >= 0 {
		c.typeCol = i
	}
	classes, err := readSchema(fnCreate, args[3])
	if err != nil {
		return nil, err
	}
	for _, cl := range classes {
		c.schemas[cl.Name] = cl
	}
	c.schemaOrder = classes
	if v := arg(5); v != nil {
		names, ok := funcs.StringsArg(v)
		if !ok || len(names) == 0 {
			return nil, ddberr.Errorf("The argument [timeColumn] of %s must be a string scalar or vector.", fnCreate)
		}
		c.timeColumn = names[0]
	}
	if v := arg(6); v != nil {
		n, err := funcs.IntArg(fnCreate, "eventQueueDepth", v, 1024)
		if err != nil {
			return nil, err
		}
		c.queueDepth = int(n)
	}
	if v := arg(7); v != nil {
		c.output = v
	}
	if v := arg(8); v != nil {
		if c.dispatchKey, err = funcs.StrScalarArg(fnCreate, "dispatchKey", v); err != nil {
			return nil, err
		}
	}
	if v := arg(9); v != nil {
		n, err := funcs.IntArg(fnCreate, "dispatchBucket", v, 0)
		if err != nil {
			return nil, err
		}
		c.dispatchBucket = int(n)
	}
	if v := arg(10); v != nil {
		if c.useSystemTime, err = funcs.BoolArg(fnCreate, "useSystemTime", v, true); err != nil {
			return nil, err
		}
	}
	if v := arg(11); v != nil {
		names, ok := funcs.StringsArg(v)
		if !ok || len(names) == 0 {
			return nil, ddberr.Errorf("The argument [eventTimeField] of %s must be a string scalar or vector.", fnCreate)
		}
		if len(names) == 1 {
			c.timeField0 = names[0]
		} else {
			if len(names) != len(classes) {
				return nil, ddberr.Errorf("The length of eventTimeField must be the same as the length of eventSchema.")
			}
			c.timeFields = map[string]string{}
			for i, cl := range classes {
				c.timeFields[cl.Name] = names[i]
			}
		}
	}
	e := &engine{cfg: c, user: env.SessionInfo().User, subs: map[string]*sub{}}
	e.name, _ = funcs.StringArg(args[0])
	return streamengine.Create(env, "CEPEngine", args[0], dummy, func(bg funcs.Env) (streamengine.Engine, error) {
		e.bg = bg
		ctx, cancel := context.WithCancel(bg.Context())
		e.close = cancel
		e.mu.Lock()
		defer e.mu.Unlock()
		if c.dispatchKey == "" {
			if _, err := e.newSub(e.name); err != nil {
				cancel()
				return nil, err
			}
			e.flush()
		}
		if c.useSystemTime {
			go e.ticker(ctx)
		}
		return e, nil
	})
}

// ticker runs the engine's timers by the wall clock until the engine is
// dropped.
func (e *engine) ticker(ctx context.Context) {
	tick := streamengine.Ticked(e.bg, e.Outputs(), e.tick)
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			tick(now)
		}
	}
}

func badMonitors() error {
	return ddberr.Errorf("The argument [monitors] of createCEPEngine must be metacode of a monitor class's constructor call or a tuple of such metacode.")
}

// readSchema reads eventSchema: a class or a vector of classes.
func readSchema(fn string, v value.Value) ([]*oop.Class, error) {
	bad := ddberr.Errorf("The argument [eventSchema] of %s must be an event class or a vector of event classes.", fn)
	switch x := v.(type) {
	case *oop.Class:
		return []*oop.Class{x}, nil
	case *value.Vector:
		if x.T != value.Any {
			return nil, bad
		}
		out := make([]*oop.Class, 0, len(x.Any))
		for _, e := range x.Any {
			cl, ok := e.(*oop.Class)
			if !ok {
				return nil, bad
			}
			out = append(out, cl)
		}
		return out, nil
	}
	return nil, bad
}

// toMillis reads a temporal scalar as epoch milliseconds.
func toMillis(sc *value.Scalar) (int64, bool) {
	switch sc.T {
	case value.Timestamp:
		return sc.I, true
	case value.NanoTimestamp:
		return sc.I / 1e6, true
	case value.DateTime:
		return sc.I * 1000, true
	case value.Date:
		return sc.I * 86400000, true
	case value.Long, value.Int:
		return sc.I, true
	}
	return 0, false
}
