package cepengine

import (
	"strconv"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/oop"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/sqlparse/unparse"
	"github.com/porpoisedb/porpoise/value"
)

// listener is an event listener a monitor added (addEventListener,
// stream/defining_event_listeners.md).
type listener struct {
	mon     *monitor
	name    string
	handler value.Value
	// eventType is the type matched, "any" for every event, "" for a
	// timer alone (at, wait).
	eventType string
	cond      ast.Expr
	bind      map[string]value.Value
	times     int64 // 0: all
	fired     int64
	// wait, within and exceed are the timer's durations in
	// milliseconds; deadline is when it next fires (wait, at, exceed)
	// or expires (within), 0 for no timer.
	wait, within, exceed int64
	at                   []int // seconds, minutes, hours, weekday, day, month; -1 any
	deadline             int64
	dead                 bool
}

// matches evaluates the listener's condition on ev: the event's type
// names the event, and self the monitor.
func (l *listener) matches(env funcs.Env, ev *oop.Object) (bool, error) {
	if l.cond == nil {
		return true, nil
	}
	bind := make(map[string]value.Value, len(l.bind)+2)
	for k, v := range l.bind {
		bind[k] = v
	}
	bind[ev.Class.Name] = ev
	bind["self"] = l.mon.obj
	v, err := env.Eval(l.cond, bind)
	if err != nil {
		return false, err
	}
	// a condition that is no boolean matches nothing
	sc, ok := v.(*value.Scalar)
	return ok && sc.T == value.Bool && !sc.Null && sc.I != 0, nil
}

// addEventListener(handler, [eventType], [condition], [times="all"],
// [at], [wait], [within], [exceedTime], [name]).
func addEventListener(env funcs.Env, args []value.Value) (value.Value, error) {
	m, err := current(env, "addEventListener")
	if err != nil {
		return nil, err
	}
	arg := func(i int) value.Value {
		if i < len(args) && args[i] != nil && !isNothing(args[i]) {
			return args[i]
		}
		return nil
	}
	l := &listener{mon: m, handler: args[0]}
	if !funcs.IsFunction(l.handler) {
		return nil, ddberr.Errorf("The argument [handler] of addEventListener must be a function.")
	}
	if v := arg(1); v != nil {
		if l.eventType, err = funcs.StrScalarArg("addEventListener", "eventType", v); err != nil {
			return nil, err
		}
	}
	if v := arg(2); v != nil {
		switch c := v.(type) {
		case *funcs.Code:
			l.cond = c.X
		case *funcs.Meta:
			l.cond, l.bind = c.X, c.Bind
		default:
			return nil, ddberr.Errorf("The argument [condition] of addEventListener must be metacode.")
		}
	}
	if v := arg(3); v != nil {
		if s, ok := funcs.StringArg(v); ok && s == "all" {
			l.times = 0
		} else if sc, ok := funcs.ScalarArg(v); ok && sc.T.Category() == value.CatIntegral && !sc.Null && sc.I > 0 {
			l.times = sc.I
		} else {
			return nil, ddberr.Errorf("The argument [times] of addEventListener must be a positive integer or \"all\".")
		}
	}
	for i, p := range []*int64{&l.wait, &l.within, &l.exceed} {
		v := arg(5 + i)
		if v == nil {
			continue
		}
		ms, ok := durationMillis(v)
		if !ok || ms <= 0 {
			return nil, ddberr.Errorf("The argument [%s] of addEventListener must be a positive DURATION.", []string{"wait", "within", "exceedTime"}[i])
		}
		*p = ms
	}
	if v := arg(4); v != nil {
		if l.at, err = readAt(v); err != nil {
			return nil, err
		}
	}
	timer := l.wait > 0 || l.at != nil
	if timer && l.eventType != "" {
		return nil, ddberr.Errorf("The argument [eventType] of addEventListener can't be specified together with at or wait.")
	}
	if !timer && l.eventType == "" {
		return nil, ddberr.Errorf("The argument [eventType] of addEventListener must be specified unless at or wait is.")
	}
	s := m.s
	now := s.now
	switch {
	case l.wait > 0:
		l.deadline = now + l.wait
	case l.at != nil:
		l.deadline = nextAt(l.at, now)
	case l.within > 0:
		l.deadline = now + l.within
	case l.exceed > 0:
		l.deadline = now + l.exceed
	}
	if v := arg(8); v != nil {
		if l.name, err = funcs.StrScalarArg("addEventListener", "name", v); err != nil {
			return nil, err
		}
	} else {
		switch {
		case l.cond != nil:
			l.name = unparse.Metacode(l.cond)
		case l.eventType != "":
			l.name = l.eventType
		default:
			l.name = "timer"
		}
		l.name = uniqueName(m, l.name)
	}
	s.listeners = append(s.listeners, l)
	s.publish()
	return nil, nil
}

// uniqueName is name, numbered after when the monitor already has a
// listener of that name.
func uniqueName(m *monitor, name string) string {
	taken := map[string]bool{}
	for _, l := range m.s.listeners {
		if l.mon == m && !l.dead {
			taken[l.name] = true
		}
	}
	if !taken[name] {
		return name
	}
	for i := 1; ; i++ {
		if n := name + strconv.Itoa(i); !taken[n] {
			return n
		}
	}
}

func isNothing(v value.Value) bool {
	sc, ok := v.(*value.Scalar)
	return ok && sc.T == value.Void && sc.Null
}

// durationMillis reads a DURATION of fixed length in milliseconds.
func durationMillis(v value.Value) (int64, bool) {
	sc, ok := funcs.ScalarArg(v)
	if !ok || sc.T != value.Duration || sc.Null {
		return 0, false
	}
	unit := map[string]int64{"ms": 1, "s": 1000, "m": 60000, "H": 3600000, "d": 86400000, "w": 7 * 86400000}
	u, ok := unit[value.DurationUnit(sc)]
	if !ok {
		if value.DurationUnit(sc) == "us" || value.DurationUnit(sc) == "ns" {
			return sc.I / map[string]int64{"us": 1000, "ns": 1000000}[value.DurationUnit(sc)], true
		}
		return 0, false
	}
	return sc.I * u, true
}

// readAt reads at: a tuple (seconds, minutes, hours, day of the week,
// day of the month, month), seconds required, the rest empty for any.
func readAt(v value.Value) ([]int, error) {
	bad := ddberr.Errorf("The argument [at] of addEventListener must be a tuple of 6 elements (seconds, minutes, hours, days of the week, days of the month, month).")
	t, ok := v.(*value.Vector)
	if !ok || t.Len() != 6 {
		return nil, bad
	}
	at := make([]int, 6)
	for i := range at {
		at[i] = -1
		e := t.Elem(i)
		sc, ok := e.(*value.Scalar)
		if !ok {
			return nil, bad
		}
		if sc.Null {
			if i == 0 {
				return nil, bad
			}
			continue
		}
		if sc.T.Category() != value.CatIntegral {
			return nil, bad
		}
		at[i] = int(sc.I)
	}
	return at, nil
}

// nextAt is the first time after now (epoch milliseconds) matching at.
func nextAt(at []int, now int64) int64 {
	t := time.UnixMilli(now).UTC().Truncate(time.Second).Add(time.Second)
	// a year of seconds bounds the search; at's fields narrow it fast
	for range 400 * 24 * 60 {
		ok := (at[5] < 0 || int(t.Month()) == at[5]) && (at[4] < 0 || t.Day() == at[4]) && (at[3] < 0 || int(t.Weekday()) == at[3])
		if !ok {
			t = t.Truncate(24 * time.Hour).Add(24 * time.Hour)
			continue
		}
		if at[2] >= 0 && t.Hour() != at[2] {
			t = t.Truncate(time.Hour).Add(time.Hour)
			continue
		}
		if at[1] >= 0 && t.Minute() != at[1] {
			t = t.Truncate(time.Minute).Add(time.Minute)
			continue
		}
		if t.Second() != at[0] {
			if t.Second() < at[0] {
				t = t.Truncate(time.Minute).Add(time.Duration(at[0]) * time.Second)
			} else {
				t = t.Truncate(time.Minute).Add(time.Minute)
			}
			continue
		}
		return t.UnixMilli()
	}
	return 1<<62 - 1
}

// advance moves the sub-engine's clock to t, firing the timers it
// passes in time order.
func (s *sub) advance(t int64) {
	for range 1 << 20 {
		var next *listener
		for _, l := range s.listeners {
			if l.dead || l.mon.dead || l.deadline == 0 || l.deadline > t {
				continue
			}
			if next == nil || l.deadline < next.deadline {
				next = l
			}
		}
		if next == nil {
			break
		}
		s.now = next.deadline
		s.fire(next)
	}
	s.now = t
	s.prune()
}

// fire runs a timer that came due.
func (s *sub) fire(l *listener) {
	if l.within > 0 && l.exceed == 0 && l.wait == 0 && l.at == nil {
		// no event matched in time: the listener ends
		l.dead = true
		return
	}
	l.fired++
	switch {
	case l.times > 0 && l.fired >= l.times, l.exceed > 0:
		l.dead = true
	case l.wait > 0:
		l.deadline += l.wait
	case l.at != nil:
		l.deadline = nextAt(l.at, l.deadline)
	}
	if _, err := s.e.bg.Call(l.handler); err != nil {
		s.e.fail(s, err)
	}
}

// rebase moves the sub-engine's clock from 0 to t, the first event's
// time, and the timers added so far with it.
func (s *sub) rebase(t int64) {
	for _, l := range s.listeners {
		switch {
		case l.at != nil:
			l.deadline = nextAt(l.at, t)
		case l.deadline != 0:
			l.deadline += t
		}
	}
	s.now = t
}
