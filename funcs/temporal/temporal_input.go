package temporal

import (
	"math"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Nanosecond counts of the clock units temporal functions convert
// between.
const (
	nsPerSecond = int64(1_000_000_000)
	nsPerMinute = 60 * nsPerSecond
	nsPerHour   = 60 * nsPerMinute
)

// tempIn is a temporal argument read as raw int64 counts (NULL as
// value.NullInt64), with its type and whether it was a scalar.
type tempIn struct {
	Raw    []int64
	T      value.Type
	scalar bool
}

// temporalInput reads a temporal scalar or vector.
func TemporalInput(fn string, x value.Value) (tempIn, error) {
	v, scalar := funcs.ScalarOrVector(x)
	if v == nil {
		return tempIn{}, temporalArgError(fn)
	}
	if !v.T.IsTemporal() || v.T.IsArray() {
		return tempIn{}, temporalArgError(fn)
	}
	return tempIn{Raw: RawInt64s(v), T: v.T, scalar: scalar}, nil
}

func temporalArgError(fn string) error {
	return ddberr.Errorf("The argument of %s must be a temporal value.", fn)
}

// rawInt64s widens a 32- or 64-bit integer-backed vector to int64 with
// NULLs as value.NullInt64.
func RawInt64s(v *value.Vector) []int64 {
	if v.I64 != nil || v.T.Storage() == value.StInt64 {
		return v.I64
	}
	out := make([]int64, len(v.I32))
	for i, x := range v.I32 {
		if x == value.NullInt32 {
			out[i] = value.NullInt64
		} else {
			out[i] = int64(x)
		}
	}
	return out
}

// wrap returns r, or its only element for a scalar input.
func (a tempIn) Wrap(r *value.Vector) value.Value {
	if a.scalar {
		return r.At(0)
	}
	return r
}

// typedVector builds a vector of an integer-backed type t from int64
// values (NullInt64 for NULL).
func TypedVector(t value.Type, xs []int64) *value.Vector {
	if t.Storage() == value.StInt64 {
		return &value.Vector{T: t, I64: xs}
	}
	out := make([]int32, len(xs))
	for i, x := range xs {
		// A value past the 32-bit type's range (temporalParse of a year
		// after 2038 as DATETIME) is NULL, not wrapped into another date.
		if x == value.NullInt64 || x <= math.MinInt32 || x > math.MaxInt32 {
			out[i] = value.NullInt32
		} else {
			out[i] = int32(x)
		}
	}
	return &value.Vector{T: t, I32: out}
}

// hasDate reports whether values of t carry a calendar date.
func HasDate(t value.Type) bool {
	switch t {
	case value.Date, value.Month, value.DateTime, value.Timestamp, value.NanoTimestamp, value.DateHour, value.DateMinute:
		return true
	}
	return false
}

// hasClock reports whether values of t carry a time of day.
func hasClock(t value.Type) bool {
	switch t {
	case value.Minute, value.Second, value.Time, value.NanoTime, value.DateTime, value.Timestamp, value.NanoTimestamp, value.DateHour, value.DateMinute:
		return true
	}
	return false
}

// splitTemporal turns a raw value of t into days since 1970.01.01 and
// nanoseconds into the day (a time-only value has day 0).
func splitTemporal(t value.Type, x int64) (days, nanos int64) {
	if t == value.Month {
		y, m := value.FloorDiv(x, 12), value.FloorMod(x, 12)
		return value.DaysFromCivil(int(y), int(m)+1, 1), 0
	}
	u := value.TickNanos(t)
	if !HasDate(t) {
		return 0, x * u
	}
	per := value.NsPerDay / u
	return value.FloorDiv(x, per), value.FloorMod(x, per) * u
}

// splitEach is f of the day count and the nanoseconds into the day of
// each value of in, null where in holds NULL.
func splitEach[T int8 | int32 | int64](in tempIn, null T, f func(days, nanos int64) int64) []T {
	out := make([]T, len(in.Raw))
	for i, x := range in.Raw {
		if x == value.NullInt64 {
			out[i] = null
			continue
		}
		out[i] = T(f(splitTemporal(in.T, x)))
	}
	return out
}

// joinTemporal is the inverse of splitTemporal for the date-carrying
// types.
func joinTemporal(t value.Type, days, nanos int64) int64 {
	if t == value.Month {
		y, m, _ := value.CivilFromDays(days)
		return int64(y)*12 + int64(m) - 1
	}
	u := value.TickNanos(t)
	if !HasDate(t) {
		return nanos / u
	}
	return days*(value.NsPerDay/u) + nanos/u
}

// optInt reads an optional integral parameter: absent, empty or a VOID
// NULL gives def.
func optInt(fn, param string, x value.Value, def int64) (int64, error) {
	if s, ok := x.(*value.Scalar); ok && s.T == value.Void {
		return def, nil
	}
	return funcs.IntArg(fn, param, x, def)
}

// weekdayOf is the day of the week of a day count, 0 for Monday
// (1970.01.01 was a Thursday).
func weekdayOf(days int64) int64 { return value.FloorMod(days+3, 7) }

// monthIndex is year*12 + month-1 of a day count.
func monthIndex(days int64) int64 {
	y, m, _ := value.CivilFromDays(days)
	return int64(y)*12 + int64(m) - 1
}

// monthFirst and monthLast are the first and last day of a month index.
func monthFirst(mi int64) int64 {
	return value.DaysFromCivil(int(value.FloorDiv(mi, 12)), int(value.FloorMod(mi, 12))+1, 1)
}

func monthLast(mi int64) int64 { return monthFirst(mi+1) - 1 }

// firstBusinessDay and lastBusinessDay move a day forward or back to the
// nearest Monday-to-Friday day.
func firstBusinessDay(d int64) int64 {
	switch weekdayOf(d) {
	case 5:
		return d + 2
	case 6:
		return d + 1
	}
	return d
}

func lastBusinessDay(d int64) int64 {
	switch weekdayOf(d) {
	case 5:
		return d - 1
	case 6:
		return d - 2
	}
	return d
}

// businessIndex numbers Monday-to-Friday days consecutively; a weekend
// day shares the number of the Friday before it.
func businessIndex(d int64) int64 {
	w, wd := value.FloorDiv(d+3, 7), weekdayOf(d)
	return w*5 + min(wd, 4)
}

// businessDate is the day numbered b by businessIndex.
func businessDate(b int64) int64 {
	return value.FloorDiv(b, 5)*7 + value.FloorMod(b, 5) - 3
}

func ceilDiv(a, b int64) int64 { return -value.FloorDiv(-a, b) }
