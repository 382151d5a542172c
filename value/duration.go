package value

// durationUnits are the DURATION units by code. A DURATION keeps its count
// in I (a vector in I64) and its unit's code in Scale, so vectors of
// durations need no per-element unit; a trading calendar's unit (XNYS ...)
// has code -1 and its name in the scalar's S.
var durationUnits = []string{"ns", "us", "ms", "s", "m", "H", "d", "w", "M", "y", "B"}

// DurationUnitCode returns the code of a DURATION unit.
func DurationUnitCode(unit string) (int32, bool) {
	for i, u := range durationUnits {
		if u == unit {
			return int32(i), true
		}
	}
	return -1, false
}

// DurationUnitName returns the unit of a DURATION unit code ("" if none).
func DurationUnitName(code int32) string {
	if code >= 0 && int(code) < len(durationUnits) {
		return durationUnits[code]
	}
	return ""
}

// DurationUnit returns a DURATION scalar's unit: a calendar's name, or the
// name of its unit code.
func DurationUnit(s *Scalar) string {
	if s.S != "" {
		return s.S
	}
	return DurationUnitName(s.Scale)
}

// TickNanos is the length of one unit of temporal type t in nanoseconds;
// 0 when t's unit has no fixed length (MONTH) or t is not temporal.
func TickNanos(t Type) int64 {
	switch t {
	case NanoTime, NanoTimestamp:
		return 1
	case Time, Timestamp:
		return 1e6
	case Second, DateTime:
		return 1e9
	case Minute, DateMinute:
		return 60e9
	case DateHour:
		return 3600e9
	case Date:
		return 86400e9
	}
	return 0
}

// DurationNanos is the length of a DURATION unit in nanoseconds; 0 for
// the units without a fixed length (months, years, business days and
// trading calendars).
func DurationNanos(unit string) int64 {
	switch unit {
	case "ns":
		return 1
	case "us":
		return 1e3
	case "ms":
		return 1e6
	case "s":
		return 1e9
	case "m":
		return 60e9
	case "H":
		return 3600e9
	case "d":
		return 86400e9
	case "w":
		return 7 * 86400e9
	}
	return 0
}
