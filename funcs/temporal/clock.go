package temporal

import (
	"time"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wallclock"
)

// Clock is the calling interpreter's clock, which an embedding program
// may pin (engine.Options.Now); an Env without one reads the system
// clock.
type Clock interface {
	Now() time.Time
}

func clockNow(env funcs.Env) time.Time {
	if c, ok := env.(Clock); ok {
		return c.Now()
	}
	return time.Now()
}

// xtoday is the local date of the clock.
func xtoday(env funcs.Env, _ []value.Value) (value.Value, error) {
	n := clockNow(env)
	return value.NewTyped(value.Date, value.DaysFromCivil(n.Year(), int(n.Month()), n.Day())), nil
}

// xnow is the local time of the clock, to the millisecond or, with
// nanoSecond, to the nanosecond.
func xnow(env funcs.Env, args []value.Value) (value.Value, error) {
	n := clockNow(env)
	if funcs.OptBool(funcs.Arg(args, 0), false) {
		return value.NewTyped(value.NanoTimestamp, wallclock.Nanos(n)), nil
	}
	return value.NewTyped(value.Timestamp, wallclock.Millis(n)), nil
}
