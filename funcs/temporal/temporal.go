package temporal

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/value"
)

// Calendar and clock parts of temporal values (year, monthOfYear, hour,
// millisecond ...) and the calendar predicates (isLeapYear, isMonthEnd
// ...). Each reads the raw counts once and fills an INT or BOOL vector;
// NULL stays NULL.

// temporalParts maps each value of x to an INT computed from its day
// count and nanoseconds into the day.
func temporalParts(fn string, x value.Value, needDay bool, f func(days, nanos int64) int64) (value.Value, error) {
	in, err := temporalVector(fn, x)
	if err != nil {
		return nil, err
	}
	if needDay && !HasDate(in.T) {
		return nil, ddberr.Errorf("The argument of %s must carry a date.", fn)
	}
	if !needDay && !hasClock(in.T) {
		return nil, ddberr.Errorf("The argument of %s must carry a time.", fn)
	}
	return in.Wrap(value.NewInts(splitEach(in, value.NullInt32, f))), nil
}
