package engine

import (
	"fmt"

	"github.com/porpoisedb/porpoise/value"
)

// Calendar and clock parts of temporal values: year, monthOfYear,
// dayOfMonth, dayOfWeek (0 = Monday, as DolphinDB counts), hour,
// minuteOfHour, secondOfMinute. They take a temporal scalar or vector and
// return INT, NULL for NULL. (month, minute, second and the like are type
// conversions in DolphinDB and live with the casts.)
func init() {
	parts := map[string]func(days, nanos int64, hasDate, hasTime bool) (int64, bool){
		"year": func(d, _ int64, hasDate, _ bool) (int64, bool) {
			y, _, _ := value.CivilFromDays(d)
			return int64(y), hasDate
		},
		"monthOfYear": func(d, _ int64, hasDate, _ bool) (int64, bool) {
			_, m, _ := value.CivilFromDays(d)
			return int64(m), hasDate
		},
		"dayOfMonth": func(d, _ int64, hasDate, _ bool) (int64, bool) {
			_, _, day := value.CivilFromDays(d)
			return int64(day), hasDate
		},
		"dayOfWeek": func(d, _ int64, hasDate, _ bool) (int64, bool) {
			// 1970.01.01 was a Thursday (3 when Monday is 0)
			return ((d+3)%7 + 7) % 7, hasDate
		},
		"hour": func(_, ns int64, _, hasTime bool) (int64, bool) {
			return ns / 3_600_000_000_000, hasTime
		},
		"minuteOfHour": func(_, ns int64, _, hasTime bool) (int64, bool) {
			return ns / 60_000_000_000 % 60, hasTime
		},
		"secondOfMinute": func(_, ns int64, _, hasTime bool) (int64, bool) {
			return ns / 1_000_000_000 % 60, hasTime
		},
	}
	for name, part := range parts {
		name, part := name, part
		reg(name, p("X"), 1, 1, func(_ *interp, args []value.Value, _ []string) (value.Value, error) {
			o, err := asOperand(args[0])
			if err != nil {
				return nil, err
			}
			t := o.v.T
			if !t.IsTemporal() {
				return nil, fmt.Errorf("The argument of %s must be a temporal value.", name)
			}
			raw, nulls := ints(o.v)
			out := make([]int64, len(raw))
			for i, x := range raw {
				if nulls[i] {
					continue
				}
				days, nanos, hasDate, hasTime := splitTemporal(t, x)
				v, ok := part(days, nanos, hasDate, hasTime)
				if !ok {
					return nil, fmt.Errorf("The argument of %s must carry a %s.", name, map[bool]string{true: "date", false: "time"}[name == "year" || name == "monthOfYear" || name == "dayOfMonth" || name == "dayOfWeek"])
				}
				out[i] = v
			}
			res := fromInt64s(value.Int, out, nulls)
			if o.scalar {
				return res.At(0), nil
			}
			return res, nil
		})
	}
}

// splitTemporal turns a raw temporal value into days since 1970.01.01 and
// nanoseconds into the day, saying which of the two the type carries.
func splitTemporal(t value.Type, x int64) (days, nanos int64, hasDate, hasTime bool) {
	floorDiv := func(a, b int64) (int64, int64) {
		return value.FloorDiv(a, b), value.FloorMod(a, b)
	}
	const day = 86_400_000_000_000
	switch t {
	case value.Date:
		return x, 0, true, false
	case value.Month:
		y, m := floorDiv(x, 12)
		return value.DaysFromCivil(int(y), int(m)+1, 1), 0, true, false
	case value.Minute:
		return 0, x * 60_000_000_000, false, true
	case value.Second:
		return 0, x * 1_000_000_000, false, true
	case value.Time:
		return 0, x * 1_000_000, false, true
	case value.NanoTime:
		return 0, x, false, true
	case value.DateTime:
		d, s := floorDiv(x, 86_400)
		return d, s * 1_000_000_000, true, true
	case value.Timestamp:
		d, ms := floorDiv(x, 86_400_000)
		return d, ms * 1_000_000, true, true
	case value.NanoTimestamp:
		d, ns := floorDiv(x, day)
		return d, ns, true, true
	case value.DateHour:
		d, h := floorDiv(x, 24)
		return d, h * 3_600_000_000_000, true, true
	}
	return 0, 0, false, false
}
