package cepengine

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/oop"
	"github.com/porpoisedb/porpoise/value"
)

// eventArg is the event argument of fn: an event class's object.
func eventArg(fn string, v value.Value) (*oop.Object, error) {
	o, ok := v.(*oop.Object)
	if !ok {
		return nil, ddberr.Errorf("The argument [event] of %s must be an event instance.", fn)
	}
	return o, nil
}

// sendEvent(event): to the back of the sub-engine's event queue.
func sendEvent(env funcs.Env, args []value.Value) (value.Value, error) {
	return nil, queue(env, "sendEvent", args[0], false)
}

// routeEvent(event): to the front of the sub-engine's event queue.
func routeEvent(env funcs.Env, args []value.Value) (value.Value, error) {
	return nil, queue(env, "routeEvent", args[0], true)
}

func queue(env funcs.Env, fn string, x value.Value, front bool) error {
	m, err := current(env, fn)
	if err != nil {
		return err
	}
	ev, err := eventArg(fn, x)
	if err != nil {
		return err
	}
	s := m.s
	s.e.smu.Lock()
	if front {
		s.routed++
	} else {
		s.sent++
	}
	s.e.smu.Unlock()
	if front {
		s.queue = append([]*oop.Object{ev}, s.queue...)
	} else {
		s.queue = append(s.queue, ev)
	}
	s.publish()
	return nil
}

// emitEvent(event, [eventTimeField]): to the engine's output queue.
func emitEvent(env funcs.Env, args []value.Value) (value.Value, error) {
	m, err := current(env, "emitEvent")
	if err != nil {
		return nil, err
	}
	ev, err := eventArg("emitEvent", args[0])
	if err != nil {
		return nil, err
	}
	e := m.s.e
	if e.cfg.output == nil {
		return nil, ddberr.Errorf("The CEP engine [%s] has no outputTable to emit events to.", e.name)
	}
	if t, ok := e.cfg.output.(*value.Table); !ok || !isSerializer(t) {
		return nil, ddberr.Errorf("The outputTable of a CEP engine that emits events must be the table streamEventSerializer returns.")
	}
	em := emitted{ev: ev, at: m.s.now}
	if e.cfg.useSystemTime {
		em.at = e.clock()
	}
	if len(args) > 1 && args[1] != nil && !isNothing(args[1]) {
		if em.timeName, err = funcs.StrScalarArg("emitEvent", "eventTimeField", args[1]); err != nil {
			return nil, err
		}
		if _, ok := ev.Fields[em.timeName]; !ok {
			return nil, ddberr.Errorf("The event [%s] doesn't have the field [%s].", ev.Class.Name, em.timeName)
		}
	}
	e.smu.Lock()
	e.outq = append(e.outq, em)
	e.smu.Unlock()
	return nil, nil
}

// within runs bg within the lock scope of caller, whose statement
// appends to the engine.
func within(bg, caller funcs.Env) func() {
	if w, ok := bg.(interface{ Within(funcs.Env) func() }); ok && caller != nil {
		return w.Within(caller)
	}
	return func() {}
}

// appendEvent(engine, events): events straight into a CEP engine's
// input queue, or through a serializer to its output.
func appendEvent(env funcs.Env, args []value.Value) (value.Value, error) {
	eng, _, err := streamengine.Find(env, "appendEvent", args[0])
	if err != nil {
		return nil, err
	}
	var list []value.Value
	if v, ok := args[1].(*value.Vector); ok && v.T == value.Any {
		list = v.Any
	} else {
		list = []value.Value{args[1]}
	}
	switch x := eng.(type) {
	case *serializer:
		for _, item := range list {
			ev, err := eventOf("appendEvent", x.schemas, item)
			if err != nil {
				return nil, err
			}
			if err := x.write(env, ev, 0); err != nil {
				return nil, err
			}
		}
		return nil, nil
	case *engine:
		evs := make([]*oop.Object, 0, len(list))
		for _, item := range list {
			ev, err := eventOf("appendEvent", x.cfg.schemas, item)
			if err != nil {
				return nil, err
			}
			evs = append(evs, ev)
		}
		if m := ownerOf(env); m != nil && m.s.e == x {
			// a monitor of the engine appends: the engine is at work
			// on this goroutine, and the events queue behind
			for _, ev := range evs {
				subs, err := x.route(ev)
				if err != nil {
					return nil, err
				}
				for _, s := range subs {
					s.queue = append(s.queue, ev)
				}
			}
			return nil, nil
		}
		x.mu.Lock()
		defer x.mu.Unlock()
		defer within(x.bg, env)()
		for _, ev := range evs {
			if err := x.accept(ev); err != nil {
				return nil, err
			}
		}
		return nil, nil
	}
	return nil, ddberr.Errorf("The argument [engine] of appendEvent must be a CEP engine or a stream event serializer.")
}

// eventOf is an event given to appendEvent: an event object, or a
// dictionary of its eventType and fields.
func eventOf(fn string, schemas map[string]*oop.Class, v value.Value) (*oop.Object, error) {
	switch x := v.(type) {
	case *oop.Object:
		if _, ok := schemas[x.Class.Name]; !ok {
			return nil, ddberr.Errorf("The event type [%s] is not declared in the eventSchema.", x.Class.Name)
		}
		return x, nil
	case *value.Dict:
		typ := ""
		for i := 0; i < x.Len(); i++ {
			if x.Keys.StrAt(i) == "eventType" {
				typ, _ = funcs.StringArg(x.Vals.Elem(i))
			}
		}
		c, ok := schemas[typ]
		if !ok {
			return nil, ddberr.Errorf("The event type [%s] is not declared in the eventSchema.", typ)
		}
		// a field the dictionary lacks stays NULL: the page's example
		// leaves out Orders' eventTime
		o, _ := c.NewObject()
		for _, n := range c.AttrNames() {
			for i := 0; i < x.Len(); i++ {
				if x.Keys.StrAt(i) == n {
					o.Fields[n] = x.Vals.Elem(i)
				}
			}
		}
		return o, nil
	}
	return nil, ddberr.Errorf("The argument [events] of %s must be an event instance or a dictionary.", fn)
}

// stopSubEngine(): closes the sub-engine of the calling monitor.
func stopSubEngine(env funcs.Env, _ []value.Value) (value.Value, error) {
	m, err := current(env, "stopSubEngine")
	if err != nil {
		return nil, err
	}
	m.s.stop()
	return nil, nil
}

// spawnMonitor(name, handler, arguments...): a deep copy of the calling
// monitor, named name, on which handler runs with arguments.
func spawnMonitor(env funcs.Env, args []value.Value) (value.Value, error) {
	m, err := current(env, "spawnMonitor")
	if err != nil {
		return nil, err
	}
	name, err := funcs.StrScalarArg("spawnMonitor", "name", args[0])
	if err != nil {
		return nil, err
	}
	var method string
	switch h := args[1].(type) {
	case *oop.Method:
		method = h.Def.Name
	default:
		if s, ok := funcs.StringArg(h); ok {
			method = s
		} else {
			return nil, ddberr.Errorf("The argument [handler] of spawnMonitor must be a method of the monitor.")
		}
	}
	s := m.s
	if s.monitorNamed(name) != nil {
		return nil, ddberr.Errorf("The monitor [%s] already exists.", name)
	}
	o := &oop.Object{Class: m.obj.Class, Fields: make(map[string]value.Value, len(m.obj.Fields))}
	for k, v := range m.obj.Fields {
		if _, isObj := v.(*oop.Object); isObj {
			o.Fields[k] = v
		} else {
			o.Fields[k] = value.DeepCopy(v)
		}
	}
	child := &monitor{s: s, obj: o, name: name, parent: m}
	m.children = append(m.children, child)
	owners.Store(o, child)
	s.e.smu.Lock()
	s.monitors++
	s.e.smu.Unlock()
	f := o.Method(method)
	if f == nil {
		return nil, ddberr.Errorf("The class [%s] doesn't have a method named %s.", o.Class.Name, method)
	}
	_, err = env.Call(f, args[2:]...)
	return nil, err
}

// monitorNamed is the sub-engine's monitor called name, at any level.
func (s *sub) monitorNamed(name string) *monitor {
	var find func(ms []*monitor) *monitor
	find = func(ms []*monitor) *monitor {
		for _, m := range ms {
			if m.name == name && !m.dead {
				return m
			}
			if f := find(m.children); f != nil {
				return f
			}
		}
		return nil
	}
	return find(s.top)
}

// destroyMonitor(): ends the calling monitor after its onDestroy; its
// listeners are removed at the next match.
func destroyMonitor(env funcs.Env, _ []value.Value) (value.Value, error) {
	m, err := current(env, "destroyMonitor")
	if err != nil {
		return nil, err
	}
	if m.dead {
		return nil, nil
	}
	if err := m.s.e.runMethod(m.s, m, "onDestroy"); err != nil {
		return nil, err
	}
	var kill func(x *monitor)
	kill = func(x *monitor) {
		x.dead = true
		for _, c := range x.children {
			kill(c)
		}
	}
	kill(m)
	m.s.e.smu.Lock()
	m.s.monitors--
	m.s.e.smu.Unlock()
	return nil, nil
}
