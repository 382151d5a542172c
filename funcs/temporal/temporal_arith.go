package temporal

import (
	"time"
	_ "time/tzdata" // convertTZ must know the zones on hosts without a tz database

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Temporal arithmetic: concatDateTime, temporalAdd, temporalDiff,
// temporalDeltas and the time-zone conversions.

// concatDateTime joins a DATE with a SECOND, TIME or NANOTIME into a
// DATETIME, TIMESTAMP or NANOTIMESTAMP.
func concatDateTime(_ funcs.Env, args []value.Value) (value.Value, error) {
	d, err := TemporalInput("concatDateTime", args[0])
	if err != nil || d.T != value.Date {
		return nil, ddberr.Errorf("The argument [date] of concatDateTime must be a DATE scalar or vector.")
	}
	t, err := TemporalInput("concatDateTime", args[1])
	var rt value.Type
	if err == nil {
		switch t.T {
		case value.Second:
			rt = value.DateTime
		case value.Time:
			rt = value.Timestamp
		case value.NanoTime:
			rt = value.NanoTimestamp
		}
	}
	if rt == 0 {
		return nil, ddberr.Errorf("The argument [time] of concatDateTime must be a SECOND, TIME or NANOTIME scalar or vector.")
	}
	n := max(len(d.Raw), len(t.Raw))
	if (!d.scalar && len(d.Raw) != n) || (!t.scalar && len(t.Raw) != n) {
		return nil, ddberr.Errorf("The arguments [date] and [time] of concatDateTime must have the same length.")
	}
	perDay := value.NsPerDay / value.TickNanos(t.T)
	out := make([]int64, n)
	for i := range out {
		dv, tv := d.Raw[min(i, len(d.Raw)-1)], t.Raw[min(i, len(t.Raw)-1)]
		if dv == value.NullInt64 || tv == value.NullInt64 {
			out[i] = value.NullInt64
			continue
		}
		out[i] = dv*perDay + tv
	}
	r := TypedVector(rt, out)
	if d.scalar && t.scalar {
		return r.At(0), nil
	}
	return r, nil
}

// durationArg reads temporalAdd's duration: a DURATION, or an integer
// with a unit string.
func durationArg(fn string, dur, unit value.Value) (*Duration, error) {
	if d, ok := AsDuration(dur); ok {
		return d, nil
	}
	if s, ok := funcs.ScalarArg(dur); ok && s.T.Category() == value.CatLiteral {
		return parseDuration(s.S)
	}
	n, err := funcs.IntArg(fn, "duration", dur, 0)
	if err != nil {
		return nil, ddberr.Errorf("The argument [duration] of %s must be a DURATION or an integer.", fn)
	}
	if unit == nil {
		return nil, ddberr.Errorf("The argument [unit] of %s must be given when [duration] is an integer.", fn)
	}
	u, err := funcs.StrScalarArg(fn, "unit", unit)
	if err != nil {
		return nil, err
	}
	if !durationUnits[u] && !isCalendarCode(u) {
		return nil, ddberr.Errorf("Invalid unit %s for %s.", u, fn)
	}
	return &Duration{N: n, Unit: u}, nil
}

// temporalAdd adds a duration to temporal values: years and months keep
// the day of month where it exists and otherwise take the month's last
// day (2020.02.29 - 1y is 2019.02.28); B counts Monday-to-Friday days.
func temporalAdd(env funcs.Env, args []value.Value) (value.Value, error) {
	in, err := TemporalInput("temporalAdd", args[0])
	if err != nil {
		return nil, err
	}
	// An integer vector of durations adds element by element.
	var counts []int64
	var countOK []bool
	durArg := args[1]
	if v, ok := args[1].(*value.Vector); ok && v.T.Category() == value.CatIntegral {
		if counts, countOK, err = funcs.IntsArg("temporalAdd", "duration", v, v.Len()); err != nil {
			return nil, err
		}
		durArg = value.NewLong(0)
	}
	dur, err := durationArg("temporalAdd", durArg, funcs.Arg(args, 2))
	if err != nil {
		return nil, err
	}
	t := in.T
	var step func(x, n int64) int64
	switch u := dur.Unit; {
	case u == "y" || u == "M":
		perUnit := int64(1)
		if u == "y" {
			perUnit = 12
		}
		if !HasDate(t) {
			return nil, ddberr.Errorf("The unit %s of temporalAdd needs a value with a date.", u)
		}
		if t == value.Month {
			step = func(x, n int64) int64 { return x + n*perUnit }
			break
		}
		step = func(x, n int64) int64 {
			d, ns := splitTemporal(t, x)
			y, m, dd := value.CivilFromDays(d)
			mi := int64(y)*12 + int64(m) - 1 + n*perUnit
			ny, nm := int(value.FloorDiv(mi, 12)), int(value.FloorMod(mi, 12))+1
			dd = min(dd, value.DaysInMonth(ny, nm))
			return joinTemporal(t, value.DaysFromCivil(ny, nm, dd), ns)
		}
	case u == "w" || u == "d":
		if !HasDate(t) || t == value.Month {
			return nil, ddberr.Errorf("The unit %s of temporalAdd needs a value with a date.", u)
		}
		delta := value.DurationNanos(u) / value.TickNanos(t)
		step = func(x, n int64) int64 { return x + n*delta }
	case u == "B":
		if !HasDate(t) || t == value.Month {
			return nil, ddberr.Errorf("The unit B of temporalAdd needs a value with a date.")
		}
		step = func(x, n int64) int64 {
			d, ns := splitTemporal(t, x)
			return joinTemporal(t, businessDate(businessIndex(d)+n), ns)
		}
	case value.DurationNanos(u) > 0: // w and d are above
		if t == value.Month {
			return nil, ddberr.Errorf("The unit %s of temporalAdd needs a value with a time.", u)
		}
		per, unit := value.DurationNanos(u), value.TickNanos(t)
		step = func(x, n int64) int64 { return x + n*per/unit }
	default:
		cal, err := lookupMarket(env, u)
		if err != nil {
			return nil, err
		}
		if !HasDate(t) || t == value.Month {
			return nil, ddberr.Errorf("The unit %s of temporalAdd needs a value with a date.", u)
		}
		step = func(x, n int64) int64 {
			d, ns := splitTemporal(t, x)
			r, ok := cal.add(d, n)
			if !ok {
				return value.NullInt64
			}
			return joinTemporal(t, r, ns)
		}
	}
	n := len(in.Raw)
	if counts != nil {
		if !in.scalar && len(counts) != n {
			return nil, ddberr.Errorf("The arguments [obj] and [duration] of temporalAdd must have the same length.")
		}
		n = len(counts)
	}
	out := make([]int64, n)
	for i := range out {
		x := in.Raw[min(i, len(in.Raw)-1)]
		k := dur.N
		if counts != nil {
			if !countOK[i] {
				out[i] = value.NullInt64
				continue
			}
			k = counts[i]
		}
		if x == value.NullInt64 {
			out[i] = value.NullInt64
			continue
		}
		out[i] = step(x, k)
	}
	r := TypedVector(t, out)
	if in.scalar && counts == nil {
		return r.At(0), nil
	}
	return r, nil
}

// diffUnit returns the counter of units between two days for temporalDiff
// and temporalDeltas' unit argument ("d" or "B").
func diffUnit(env funcs.Env, fn string, t value.Type, unit value.Value) (func(int64) int64, error) {
	if unit == nil {
		return nil, nil
	}
	u, err := funcs.StrScalarArg(fn, "unit", unit)
	if err != nil {
		return nil, err
	}
	if t != value.Date {
		return nil, ddberr.Errorf("The argument [X] of %s must be of DATE type when [unit] is given.", fn)
	}
	switch u {
	case "d":
		return func(d int64) int64 { return d }, nil
	case "B":
		return businessIndex, nil
	}
	cal, err := lookupMarket(env, u)
	if err != nil {
		return nil, err
	}
	return cal.index, nil
}

// temporalDiff is X - Y in X's unit (days or business days with unit).
func temporalDiff(env funcs.Env, args []value.Value) (value.Value, error) {
	x, err := TemporalInput("temporalDiff", args[0])
	if err != nil {
		return nil, err
	}
	y, err := TemporalInput("temporalDiff", args[1])
	if err != nil || y.T != x.T {
		return nil, ddberr.Errorf("The arguments [X] and [Y] of temporalDiff must have the same temporal type.")
	}
	if !y.scalar && len(y.Raw) != len(x.Raw) {
		return nil, ddberr.Errorf("The arguments [X] and [Y] of temporalDiff must have the same length.")
	}
	count, err := diffUnit(env, "temporalDiff", x.T, funcs.Arg(args, 2))
	if err != nil {
		return nil, err
	}
	out := make([]int64, len(x.Raw))
	for i, a := range x.Raw {
		b := y.Raw[min(i, len(y.Raw)-1)]
		switch {
		case a == value.NullInt64 || b == value.NullInt64:
			out[i] = value.NullInt64
		case count != nil:
			out[i] = count(a) - count(b)
		default:
			out[i] = a - b
		}
	}
	rt := value.Long
	if x.T.Storage() == value.StInt32 {
		rt = value.Int
	}
	r := TypedVector(rt, out)
	if x.scalar && y.scalar {
		return r.At(0), nil
	}
	return r, nil
}

// temporalDeltas is each element minus the one before it (NULL first);
// a table has each temporal column replaced.
func temporalDeltas(env funcs.Env, args []value.Value) (value.Value, error) {
	if tb, ok := args[0].(*value.Table); ok {
		cols := make([]*value.Vector, len(tb.Cols))
		for i, c := range tb.Cols {
			cols[i] = c
			if !c.T.IsTemporal() || c.T.IsArray() {
				continue
			}
			d, err := deltas(env, c, funcs.Arg(args, 1))
			if err != nil {
				return nil, err
			}
			cols[i] = d
		}
		return value.NewTable(tb.Names, cols), nil
	}
	v, ok := args[0].(*value.Vector)
	if !ok {
		return nil, ddberr.Errorf("The argument [X] of temporalDeltas must be a temporal vector or a table.")
	}
	return deltas(env, v, funcs.Arg(args, 1))
}

func deltas(env funcs.Env, v *value.Vector, unit value.Value) (*value.Vector, error) {
	if !v.T.IsTemporal() || v.T.IsArray() {
		return nil, ddberr.Errorf("The argument [X] of temporalDeltas must be a temporal vector or a table.")
	}
	count, err := diffUnit(env, "temporalDeltas", v.T, unit)
	if err != nil {
		return nil, err
	}
	raw := RawInt64s(v)
	out := make([]int64, len(raw))
	for i, a := range raw {
		if i == 0 || a == value.NullInt64 || raw[i-1] == value.NullInt64 {
			out[i] = value.NullInt64
			continue
		}
		if count != nil {
			out[i] = count(a) - count(raw[i-1])
		} else {
			out[i] = a - raw[i-1]
		}
	}
	if v.T.Storage() == value.StInt32 {
		return TypedVector(value.Int, out), nil
	}
	return TypedVector(value.Long, out), nil
}

func zoneArg(fn, param string, x value.Value) (*time.Location, error) {
	name, err := funcs.StrScalarArg(fn, param, x)
	if err != nil {
		return nil, err
	}
	loc, err := time.LoadLocation(name)
	if err != nil || name == "" {
		return nil, ddberr.Errorf("Invalid time zone %s", name)
	}
	return loc, nil
}

// shiftZone reads each DATETIME, TIMESTAMP or NANOTIMESTAMP as a wall
// clock in src and returns the same instant's wall clock in dst.
func shiftZone(fn string, x value.Value, src, dst *time.Location) (value.Value, error) {
	in, err := TemporalInput(fn, x)
	if err != nil {
		return nil, err
	}
	switch in.T {
	case value.DateTime, value.Timestamp, value.NanoTimestamp:
	default:
		return nil, ddberr.Errorf("The argument of %s must be a DATETIME, TIMESTAMP or NANOTIMESTAMP.", fn)
	}
	u := value.TickNanos(in.T)
	out := make([]int64, len(in.Raw))
	for i, r := range in.Raw {
		if r == value.NullInt64 {
			out[i] = value.NullInt64
			continue
		}
		d, ns := splitTemporal(in.T, r)
		y, m, dd := value.CivilFromDays(d)
		wall := time.Date(y, time.Month(m), dd, 0, 0, 0, int(ns), src)
		_, off1 := wall.Zone()
		_, off2 := wall.In(dst).Zone()
		out[i] = r + int64(off2-off1)*nsPerSecond/u
	}
	return in.Wrap(TypedVector(in.T, out)), nil
}

func convertTZFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	src, err := zoneArg("convertTZ", "srcTZ", args[1])
	if err != nil {
		return nil, err
	}
	dst, err := zoneArg("convertTZ", "destTZ", args[2])
	if err != nil {
		return nil, err
	}
	return shiftZone("convertTZ", args[0], src, dst)
}
