package cepengine

import (
	"context"
	"strconv"
	"sync"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/oop"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wallclock"
)

// engine is one CEP engine: its sub-engines, one per value of the
// dispatch key (a single one named after the engine without one).
type engine struct {
	name  string
	user  string
	bg    funcs.Env
	cfg   *config
	close context.CancelFunc

	// mu serializes the processing of events: script runs under it.
	mu sync.Mutex
	// smu guards what statistics read (subs and the counters), held
	// only briefly, never while script runs: a handler may ask for the
	// engine's statistics.
	smu      sync.Mutex
	subs     map[string]*sub
	order    []string
	received int64
	emitted  int64
	lastErr  string
	lastErrT int64
	// outq are the events emitEvent queued, written to the output
	// once the event being processed is done.
	outq []emitted
	// engines are the stream engines the monitors created, dropped
	// with the engine.
	engines []string
	// views are the DataView engines the monitors created.
	views []*dataView
}

type emitted struct {
	ev       *oop.Object
	timeName string
	at       int64
}

// sub is a sub-engine: its monitors, listeners and event queue.
type sub struct {
	e        *engine
	name     string
	top      []*monitor
	monitors int
	// queue is the events waiting to be processed, routed ones first.
	queue     []*oop.Object
	listeners []*listener
	// now is the sub-engine's clock in epoch milliseconds: the latest
	// event's time with useSystemTime=false, else the wall clock.
	now                                   int64
	routed, sent, received, consumed      int64
	lastEventTime                         int64
	lastErr                               string
	lastErrT                              int64
	stopped                               bool
	stat                                  subSnapshot
	started                               bool
	timersAdded, listenersN, timersActive int
}

// monitor is one monitor instance of a sub-engine.
type monitor struct {
	s        *sub
	obj      *oop.Object
	name     string
	parent   *monitor
	children []*monitor
	dead     bool
}

// owners maps each live monitor object to its monitor: the functions a
// monitor's methods call find their sub-engine through self.
var owners sync.Map

func ownerOf(env funcs.Env) *monitor {
	// self names the object whose method is running; elsewhere it is
	// no name at all
	v, err := env.Eval(&ast.Ident{Name: "self"}, nil)
	o, isObj := v.(*oop.Object)
	if err != nil || !isObj {
		return nil
	}
	m, ok := owners.Load(o)
	if !ok {
		return nil
	}
	return m.(*monitor)
}

// current is the monitor running env's method, or the error fn reports
// outside one. The pages give no text for it; ours.
func current(env funcs.Env, fn string) (*monitor, error) {
	if m := ownerOf(env); m != nil {
		return m, nil
	}
	return nil, ddberr.Errorf("%s can only be called within a monitor of a CEP engine.", fn)
}

// Consume implements streamengine.Engine: rows of a heterogeneous
// stream table, each an event serialized by streamEventSerializer.
func (e *engine) Consume(batch *value.Table) error {
	evs, err := e.cfg.decodeRows(batch)
	if err != nil {
		return err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, ev := range evs {
		if err := e.accept(ev); err != nil {
			return err
		}
	}
	return nil
}

// Stat implements streamengine.Engine; FullStat gives the row.
func (e *engine) Stat() ([]string, []value.Value) { return nil, nil }

// FullStat implements streamengine.FullStater (stream/cep_viewing.md).
func (e *engine) FullStat() ([]string, []value.Value) {
	e.smu.Lock()
	defer e.smu.Unlock()
	status := "OK"
	if e.lastErr != "" {
		status = "ERROR"
	}
	return []string{"name", "user", "status", "lastErrorMessage", "lastErrorTimestamp", "useSystemTime", "numOfSubEngine", "queueDepth", "eventsReceived", "eventsEmitted", "eventsOnOutputQueue"},
		[]value.Value{value.NewString(e.name), value.NewString(e.user), value.NewString(status), value.NewString(e.lastErr), timestamp(e.lastErrT),
			value.NewBool(e.cfg.useSystemTime), value.NewInt(int32(len(e.subs))), value.NewInt(int32(e.cfg.queueDepth)),
			value.NewLong(e.received), value.NewLong(e.emitted), value.NewLong(int64(len(e.outq)))}
}

func timestamp(ms int64) *value.Scalar {
	if ms == 0 {
		return value.NullScalar(value.Timestamp)
	}
	return &value.Scalar{T: value.Timestamp, I: ms}
}

// Close implements streamengine.Engine: the monitors' onunload runs and
// the engines they created are dropped.
func (e *engine) Close() {
	e.close()
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, name := range e.order {
		s := e.subs[name]
		if !s.stopped {
			s.stop()
		}
	}
	if drop, ok := funcs.Lookup("dropStreamEngine"); ok {
		for _, n := range e.engines {
			_, _ = e.bg.Call(drop, value.NewString(n))
		}
	}
}

// Outputs implements streamengine.Engine.
func (e *engine) Outputs() []value.Value {
	if e.cfg.output != nil {
		return []value.Value{e.cfg.output}
	}
	return nil
}

// clock is the wall clock's time in epoch milliseconds.
func (e *engine) clock() int64 { return wallclock.Millis(streamengine.Now(e.bg)) }

// fail records an error of a monitor's script: DolphinDB reports it in
// the engine's statistics, not to whoever appended the event.
func (e *engine) fail(s *sub, err error) {
	t := e.clock()
	e.smu.Lock()
	e.lastErr, e.lastErrT = err.Error(), t
	if s != nil {
		s.lastErr, s.lastErrT = err.Error(), t
	}
	e.smu.Unlock()
}

// accept takes one event from outside the engine (appendEvent, or a
// deserialized row) to the sub-engines its dispatch key picks and
// processes it with all it leads to. e.mu is held.
func (e *engine) accept(ev *oop.Object) error {
	subs, err := e.route(ev)
	if err != nil {
		return err
	}
	e.smu.Lock()
	e.received++
	for _, s := range subs {
		s.received++
	}
	e.smu.Unlock()
	for _, s := range subs {
		if s.stopped {
			continue
		}
		s.queue = append(s.queue, ev)
		s.drain()
	}
	e.flush()
	return nil
}

// route is the sub-engines ev goes to: the one its dispatch key's value
// names (made, its monitors loaded, on the first such event), or every
// sub-engine when ev has no field of that name.
func (e *engine) route(ev *oop.Object) ([]*sub, error) {
	if e.cfg.dispatchKey == "" {
		return []*sub{e.subs[e.name]}, nil
	}
	v, ok := ev.Fields[e.cfg.dispatchKey]
	if !ok {
		all := make([]*sub, 0, len(e.order))
		for _, n := range e.order {
			all = append(all, e.subs[n])
		}
		return all, nil
	}
	key := keyText(v)
	if e.cfg.dispatchBucket > 0 {
		key = strconv.Itoa(int(hashString(key) % uint32(e.cfg.dispatchBucket)))
	}
	if s := e.subs[key]; s != nil {
		return []*sub{s}, nil
	}
	s, err := e.newSub(key)
	if err != nil {
		return nil, err
	}
	return []*sub{s}, nil
}

func hashString(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

// newSub makes a sub-engine: the monitors the engine's metacode builds,
// each one's onload run in order.
func (e *engine) newSub(name string) (*sub, error) {
	s := &sub{e: e, name: name, lastEventTime: 0}
	if !e.cfg.useSystemTime {
		s.now = 0
	} else {
		s.now = e.clock()
	}
	for _, code := range e.cfg.monitors {
		v, err := evalCode(e.bg, code)
		if err != nil {
			return nil, err
		}
		o, ok := v.(*oop.Object)
		if !ok {
			return nil, ddberr.Errorf("The argument [monitors] of createCEPEngine must be metacode of a monitor class's constructor call or a tuple of such metacode.")
		}
		m := &monitor{s: s, obj: o, name: o.Class.Name}
		owners.Store(o, m)
		s.top = append(s.top, m)
		s.monitors++
	}
	e.smu.Lock()
	e.subs[name] = s
	e.order = append(e.order, name)
	e.smu.Unlock()
	for _, m := range s.top {
		if err := e.runMethod(s, m, "onload"); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// runMethod runs the monitor's method name when its class has one,
// noting the stream engines it creates.
func (e *engine) runMethod(s *sub, m *monitor, name string, args ...value.Value) error {
	f := m.obj.Method(name)
	if f == nil || f.Def.Body == nil {
		return nil
	}
	before := e.engineNames()
	_, err := e.bg.Call(f, args...)
	e.noteEngines(before)
	return err
}

// engineNames are the stream engines that exist now.
func (e *engine) engineNames() map[string]bool {
	list, ok := funcs.Lookup("getStreamEngineList")
	if !ok {
		return nil
	}
	v, err := e.bg.Call(list)
	t, isTable := v.(*value.Table)
	if err != nil || !isTable {
		return nil
	}
	names := map[string]bool{}
	col := t.Column("engineName")
	for i := 0; i < col.Len(); i++ {
		names[col.StrAt(i)] = true
	}
	return names
}

func (e *engine) noteEngines(before map[string]bool) {
	if before == nil {
		return
	}
	for n := range e.engineNames() {
		if !before[n] && n != e.name {
			e.engines = append(e.engines, n)
		}
	}
}

// evalCode evaluates metacode in env.
func evalCode(env funcs.Env, code value.Value) (value.Value, error) {
	switch c := code.(type) {
	case *funcs.Code:
		return env.Eval(c.X, nil)
	case *funcs.Meta:
		return env.Eval(c.X, c.Bind)
	}
	return nil, ddberr.Errorf("The argument [monitors] of createCEPEngine must be metacode of a monitor class's constructor call or a tuple of such metacode.")
}

// drain processes the queued events in order: each one's handlers may
// queue more (sendEvent at the back, routeEvent at the front).
func (s *sub) drain() {
	for len(s.queue) > 0 && !s.stopped {
		ev := s.queue[0]
		s.queue = s.queue[1:]
		s.process(ev)
	}
}

// eventTime is ev's time: its eventTimeField with useSystemTime=false,
// else the wall clock's.
func (e *engine) eventTime(ev *oop.Object) int64 {
	if e.cfg.useSystemTime {
		return e.clock()
	}
	f := e.cfg.timeField(ev.Class.Name)
	if sc, ok := ev.Fields[f].(*value.Scalar); ok && !sc.Null {
		if ms, ok := toMillis(sc); ok {
			return ms
		}
	}
	return 0
}

// process matches one event against the sub-engine's listeners, the
// timers its time passes first.
func (s *sub) process(ev *oop.Object) {
	e := s.e
	t := e.eventTime(ev)
	if !e.cfg.useSystemTime && !s.started {
		// in event time the clock starts with the first event: the
		// timers added before count from it
		s.started = true
		s.rebase(t)
	}
	if t > s.now {
		s.advance(t)
	}
	s.lastEventTime = t
	matched := false
	for _, l := range append([]*listener(nil), s.listeners...) {
		if l.dead || l.mon.dead || l.eventType == "" {
			continue
		}
		if l.eventType != "any" && l.eventType != ev.Class.Name {
			continue
		}
		ok, err := l.matches(e.bg, ev)
		if err != nil {
			e.fail(s, err)
			continue
		}
		if !ok {
			continue
		}
		matched = true
		if l.exceed > 0 {
			// the event came in time: the timeout never fires
			l.dead = true
			continue
		}
		l.fired++
		if l.times > 0 && l.fired >= l.times {
			l.dead = true
		}
		before := e.engineNames()
		if _, err := e.bg.Call(l.handler, ev); err != nil {
			e.fail(s, err)
		}
		e.noteEngines(before)
	}
	e.smu.Lock()
	if matched {
		s.consumed++
	}
	e.smu.Unlock()
	s.prune()
}

// prune forgets the listeners that are done.
func (s *sub) prune() {
	kept := s.listeners[:0]
	for _, l := range s.listeners {
		if !l.dead && !l.mon.dead {
			kept = append(kept, l)
		}
	}
	clear(s.listeners[len(kept):])
	s.listeners = kept
	s.publish()
}

// publish copies what getCEPEngineStat reports of the sub-engine for
// readers on other goroutines. e.mu is held.
func (s *sub) publish() {
	nl, nt := 0, 0
	for _, l := range s.listeners {
		if l.dead || l.mon.dead {
			continue
		}
		nl++
		if l.deadline != 0 {
			nt++
		}
	}
	s.e.smu.Lock()
	s.stat = subSnapshot{listeners: nl, timers: nt, queued: len(s.queue), lastEventTime: s.lastEventTime}
	s.e.smu.Unlock()
}

// subSnapshot is what publish copies.
type subSnapshot struct {
	listeners, timers, queued int
	lastEventTime             int64
}

// stop closes the sub-engine: spawned monitors' onDestroy, then every
// monitor's onunload (stopSubEngine, dropping the engine).
func (s *sub) stop() {
	s.stopped = true
	var spawned func(ms []*monitor)
	spawned = func(ms []*monitor) {
		for _, m := range ms {
			spawned(m.children)
			if !m.dead {
				m.dead = true
				if err := s.e.runMethod(s, m, "onDestroy"); err != nil {
					s.e.fail(s, err)
				}
			}
		}
	}
	for _, m := range s.top {
		spawned(m.children)
	}
	for _, m := range s.top {
		if err := s.e.runMethod(s, m, "onunload"); err != nil {
			s.e.fail(s, err)
		}
		m.dead = true
	}
	s.forget(s.top)
	s.queue = nil
	s.prune()
}

// forget drops the monitors' objects from owners, children too.
func (s *sub) forget(ms []*monitor) {
	for _, m := range ms {
		s.forget(m.children)
		owners.Delete(m.obj)
	}
}

// flush writes the emitted events to the output table.
func (e *engine) flush() {
	for {
		e.smu.Lock()
		if len(e.outq) == 0 {
			e.smu.Unlock()
			return
		}
		em := e.outq[0]
		e.outq = e.outq[1:]
		e.smu.Unlock()
		if err := e.cfg.writeOut(e.bg, em); err != nil {
			e.fail(nil, err)
			continue
		}
		e.smu.Lock()
		e.emitted++
		e.smu.Unlock()
	}
}

// tick runs the timers the wall clock passed (useSystemTime=true).
func (e *engine) tick(now time.Time) {
	e.mu.Lock()
	defer e.mu.Unlock()
	ms := wallclock.Millis(now)
	for _, n := range e.order {
		if s := e.subs[n]; !s.stopped {
			s.advance(ms)
		}
	}
	e.flush()
}

// keyText is a dispatch key's value as a sub-engine's name.
func keyText(v value.Value) string {
	if s, ok := funcs.StringArg(v); ok {
		return s
	}
	return v.String()
}
