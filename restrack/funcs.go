package restrack

import (
	"time"

	"github.com/porpoisedb/porpoise/audit"
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wallclock"
)

func init() {
	span := []string{"from", "to"}
	funcs.Register(
		funcs.Spec{Name: "enableResourceTracking", Props: funcs.Session | funcs.Command, Category: "system", Fn: switchTo("enableResourceTracking", true)},
		funcs.Spec{Name: "disableResourceTracking", Props: funcs.Session | funcs.Command, Category: "system", Fn: switchTo("disableResourceTracking", false)},
		funcs.Spec{Name: "getUserHardwareUsage", Params: span, Min: 0, Max: 2, Props: funcs.Session, Category: "system", Fn: records("getUserHardwareUsage", hardwareUsage)},
		funcs.Spec{Name: "getUserTableAccessRecords", Params: span, Min: 0, Max: 2, Props: funcs.Session, Category: "system", Fn: records("getUserTableAccessRecords", tableAccess)},
	)
}

// tracker is the node's tracker for fn, which only administrators may
// call and only when resourceSamplingInterval is set.
func tracker(env funcs.Env, fn string) (*Tracker, error) {
	if err := funcs.RequireAdmin(env, fn); err != nil {
		return nil, err
	}
	t, _, ok := fromContext(env.Context())
	if !ok || !t.Configured() {
		return nil, ddberr.Errorf("Resource tracking is not configured. Set resourceSamplingInterval to a positive integer to use %s.", fn)
	}
	return t, nil
}

func switchTo(fn string, on bool) funcs.Impl {
	return func(env funcs.Env, _ []value.Value) (value.Value, error) {
		t, err := tracker(env, fn)
		if err != nil {
			return nil, err
		}
		t.SetOn(on)
		return nil, nil
	}
}

// records is fn, a listing of the tracker's records in [from, to), which
// f gives.
func records(fn string, f func(t *Tracker, from, to int64) value.Value) funcs.Impl {
	return func(env funcs.Env, args []value.Value) (value.Value, error) {
		t, err := tracker(env, fn)
		if err != nil {
			return nil, err
		}
		from, to, err := span(fn, args)
		if err != nil {
			return nil, err
		}
		return f(t, from, to), nil
	}
}

// span reads [from, to) of fn: from defaults to 0, to to now.
func span(fn string, args []value.Value) (int64, int64, error) {
	from, err := audit.TimeArg(fn, "from", funcs.Arg(args, 0), 0)
	if err != nil {
		return 0, 0, err
	}
	to, err := audit.TimeArg(fn, "to", funcs.Arg(args, 1), wallclock.Nanos(time.Now())+1)
	if err != nil {
		return 0, 0, err
	}
	if from > to {
		return 0, 0, ddberr.Errorf("The argument [from] of %s must be less than or equal to [to].", fn)
	}
	return from, to, nil
}

// hardwareUsage is getUserHardwareUsage's table.
func hardwareUsage(t *Tracker, from, to int64) value.Value {
	var at, mem, send, recv []int64
	var users []string
	var cpu []int32
	t.mu.Lock()
	for _, r := range t.hardware.Recs {
		if r.at >= from && r.at < to {
			at, users, cpu, mem = append(at, r.at), append(users, r.User), append(cpu, int32(r.Requests)), append(mem, r.Memory)
			send, recv = append(send, r.Send), append(recv, r.Recv)
		}
	}
	t.mu.Unlock()
	return value.NewTable([]string{"timestamp", "userId", "cpu", "memory", "send", "recv"},
		[]*value.Vector{{T: value.NanoTimestamp, I64: orEmpty(at)}, value.NewStrings(value.String, orEmpty(users)), value.NewInts(orEmpty(cpu)),
			value.NewLongs(orEmpty(mem)), value.NewLongs(orEmpty(send)), value.NewLongs(orEmpty(recv))})
}

// tableAccess is getUserTableAccessRecords's table.
func tableAccess(t *Tracker, from, to int64) value.Value {
	var at, vals []int64
	var roots, users, dbs, tables, kinds, scripts []string
	t.mu.Lock()
	for _, r := range t.access.Recs {
		if r.at >= from && r.at < to {
			at, vals = append(at, r.at), append(vals, r.value)
			roots, users, dbs = append(roots, r.rootID), append(users, r.user), append(dbs, r.db)
			tables, kinds, scripts = append(tables, r.table), append(kinds, r.kind), append(scripts, r.script)
		}
	}
	t.mu.Unlock()
	str := func(s []string) *value.Vector { return value.NewStrings(value.String, orEmpty(s)) }
	return value.NewTable([]string{"timestamp", "rootQueryId", "userId", "database", "table", "type", "value", "script"},
		[]*value.Vector{{T: value.NanoTimestamp, I64: orEmpty(at)}, str(roots), str(users), str(dbs), str(tables), str(kinds),
			value.NewLongs(orEmpty(vals)), str(scripts)})
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
