package temporal

import (
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Calendar and clock parts of temporal values (year, monthOfYear, hour,
// millisecond ...) and the calendar predicates (isLeapYear, isMonthEnd
// ...). Each reads the raw counts once and fills an INT or BOOL vector;
// NULL stays NULL.
func init() {
	type part struct {
		name    string
		needDay bool // the value must carry a date (else a time of day)
		f       func(days, nanos int64) int64
	}
	civil := func(d int64) (int64, int64, int64) {
		y, m, dd := value.CivilFromDays(d)
		return int64(y), int64(m), int64(dd)
	}
	parts := []part{
		{"year", true, func(d, _ int64) int64 { y, _, _ := civil(d); return y }},
		{"monthOfYear", true, func(d, _ int64) int64 { _, m, _ := civil(d); return m }},
		{"dayOfMonth", true, func(d, _ int64) int64 { _, _, dd := civil(d); return dd }},
		{"dayOfWeek", true, func(d, _ int64) int64 { return weekdayOf(d) }},
		{"dayOfYear", true, func(d, _ int64) int64 { y, _, _ := civil(d); return d - value.DaysFromCivil(int(y), 1, 1) + 1 }},
		{"daysInMonth", true, func(d, _ int64) int64 { y, m, _ := civil(d); return int64(value.DaysInMonth(int(y), int(m))) }},
		{"quarterOfYear", true, func(d, _ int64) int64 { _, m, _ := civil(d); return (m-1)/3 + 1 }},
		{"weekOfYear", true, func(d, _ int64) int64 {
			y, m, dd := civil(d)
			_, w := time.Date(int(y), time.Month(m), int(dd), 0, 0, 0, 0, time.UTC).ISOWeek()
			return int64(w)
		}},
		{"hour", false, func(_, ns int64) int64 { return ns / nsPerHour }},
		{"minuteOfHour", false, func(_, ns int64) int64 { return ns / nsPerMinute % 60 }},
		{"secondOfMinute", false, func(_, ns int64) int64 { return ns / nsPerSecond % 60 }},
		{"millisecond", false, func(_, ns int64) int64 { return ns / 1_000_000 % 1000 }},
		{"microsecond", false, func(_, ns int64) int64 { return ns / 1000 % 1_000_000 }},
		{"nanosecond", false, func(_, ns int64) int64 { return ns % nsPerSecond }},
	}
	for _, p := range parts {
		p := p
		funcs.Register(funcs.Spec{Name: p.name, Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "temporal",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				return temporalParts(p.name, args[0], p.needDay, p.f)
			}})
	}
	funcs.Alias("hourOfDay", "hour")

	type pred struct {
		name string
		f    func(days int64) bool
	}
	preds := []pred{
		{"isLeapYear", func(d int64) bool { y, _, _ := civil(d); return value.DaysInMonth(int(y), 2) == 29 }},
		{"isMonthStart", func(d int64) bool { _, _, dd := civil(d); return dd == 1 }},
		{"isMonthEnd", func(d int64) bool { return monthLast(monthIndex(d)) == d }},
		{"isQuarterStart", func(d int64) bool { _, m, dd := civil(d); return dd == 1 && (m-1)%3 == 0 }},
		{"isQuarterEnd", func(d int64) bool { _, m, _ := civil(d); return m%3 == 0 && monthLast(monthIndex(d)) == d }},
		{"isYearStart", func(d int64) bool { _, m, dd := civil(d); return m == 1 && dd == 1 }},
		{"isYearEnd", func(d int64) bool { _, m, dd := civil(d); return m == 12 && dd == 31 }},
	}
	for _, p := range preds {
		p := p
		funcs.Register(funcs.Spec{Name: p.name, Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "temporal",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				in, err := TemporalInput(p.name, args[0])
				if err != nil {
					return nil, err
				}
				if !HasDate(in.T) {
					return nil, ddberr.Errorf("The argument of %s must carry a date.", p.name)
				}
				out := make([]int8, len(in.Raw))
				for i, x := range in.Raw {
					if x == value.NullInt64 {
						out[i] = value.NullInt8
						continue
					}
					if d, _ := splitTemporal(in.T, x); p.f(d) {
						out[i] = 1
					}
				}
				return in.Wrap(&value.Vector{T: value.Bool, I8: out}), nil
			}})
	}

	funcs.Register(funcs.Spec{Name: "weekday", Params: []string{"X", "startFromSunday"}, Min: 1, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "temporal",
		Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
			fromSunday, err := funcs.BoolArg("weekday", "startFromSunday", funcs.Arg(args, 1), true)
			if err != nil {
				return nil, err
			}
			shift := int64(0)
			if fromSunday {
				shift = 1
			}
			return temporalParts("weekday", args[0], true, func(d, _ int64) int64 { return (weekdayOf(d) + shift) % 7 })
		}})
}

// temporalParts maps each value of x to an INT computed from its day
// count and nanoseconds into the day.
func temporalParts(fn string, x value.Value, needDay bool, f func(days, nanos int64) int64) (value.Value, error) {
	in, err := TemporalInput(fn, x)
	if err != nil {
		return nil, err
	}
	if needDay && !HasDate(in.T) {
		return nil, ddberr.Errorf("The argument of %s must carry a date.", fn)
	}
	if !needDay && !hasClock(in.T) {
		return nil, ddberr.Errorf("The argument of %s must carry a time.", fn)
	}
	out := make([]int32, len(in.Raw))
	for i, x := range in.Raw {
		if x == value.NullInt64 {
			out[i] = value.NullInt32
			continue
		}
		d, ns := splitTemporal(in.T, x)
		out[i] = int32(f(d, ns))
	}
	return in.Wrap(value.NewInts(out)), nil
}
