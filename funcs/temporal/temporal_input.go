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
	vec    *value.Vector // the values in their own width
}

// temporalInput reads a temporal scalar or vector.
func TemporalInput(fn string, x value.Value) (tempIn, error) {
	in, err := temporalVector(fn, x)
	if err == nil {
		in.Raw = RawInt64s(in.vec)
	}
	return in, err
}

// temporalVector is TemporalInput without Raw, for the loops that read
// the values in their own width (splitEach) rather than widened.
func temporalVector(fn string, x value.Value) (tempIn, error) {
	v, scalar := funcs.ScalarOrVector(x)
	if v == nil {
		return tempIn{}, temporalArgError(fn)
	}
	if !v.T.IsTemporal() || v.T.IsArray() {
		return tempIn{}, temporalArgError(fn)
	}
	return tempIn{T: v.T, scalar: scalar, vec: v}, nil
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
func splitTemporal(t value.Type, x int64) (days, nanos int64) { return newSplitter(t).split(x) }

// splitter is splitTemporal for one type, its units worked out once for
// a whole column.
type splitter struct {
	month, date bool
	u, per      int64 // nanoseconds a unit, units a day
}

func newSplitter(t value.Type) splitter {
	s := splitter{month: t == value.Month, date: HasDate(t), u: value.TickNanos(t)}
	if s.u > 0 {
		s.per = value.NsPerDay / s.u
	}
	return s
}

func (s splitter) split(x int64) (days, nanos int64) {
	switch {
	case s.month:
		y, m := value.FloorDiv(x, 12), value.FloorMod(x, 12)
		return value.DaysFromCivil(int(y), int(m)+1, 1), 0
	case !s.date:
		return 0, x * s.u
	case s.per == 1:
		return x, 0
	}
	d := value.FloorDiv(x, s.per)
	return d, (x - d*s.per) * s.u
}

// splitEach is f of the day count and the nanoseconds into the day of
// each value of in, null where in holds NULL.
func splitEach[T int8 | int32 | int64](in tempIn, null T, f func(days, nanos int64) int64) []T {
	v := in.vec
	if v.T.Storage() == value.StInt64 {
		return splitLoop(v.I64, value.NullInt64, newSplitter(v.T), null, f)
	}
	return splitLoop(v.I32, value.NullInt32, newSplitter(v.T), null, f)
}

func splitLoop[S int32 | int64, T int8 | int32 | int64](xs []S, srcNull S, sp splitter, null T, f func(days, nanos int64) int64) []T {
	out := make([]T, len(xs))
	for i, x := range xs {
		if x == srcNull {
			out[i] = null
			continue
		}
		out[i] = T(f(sp.split(int64(x))))
	}
	return out
}

// joinTemporal is the inverse of splitTemporal for the date-carrying
// types.
func joinTemporal(t value.Type, days, nanos int64) int64 { return newSplitter(t).join(days, nanos) }

// join is joinTemporal for the splitter's type.
func (s splitter) join(days, nanos int64) int64 {
	switch {
	case s.month:
		y, m, _ := value.CivilFromDays(days)
		return int64(y)*12 + int64(m) - 1
	case !s.date:
		return nanos / s.u
	case nanos == 0:
		return days * s.per
	}
	return days*s.per + nanos/s.u
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
