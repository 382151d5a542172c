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
