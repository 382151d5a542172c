package temporal

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// period describes a calendar period function (monthBegin, weekEnd,
// businessDay ...): idx numbers the period a day belongs to and date
// gives the day the function returns for a period. With offset and n > 1
// periods are grouped n at a time counting from offset's period; a
// Begin-like function returns the first period of its group (floor), an
// End-like one the last (ceil), as the manual's group-by examples show.
type period struct {
	idx  func(days int64) int64
	date func(idx int64) int64
	ceil bool
}

// monthCycle is a period of length months whose boundaries fall on
// months ≡ phase (mod length), counted from year 0's January.
func monthCycle(length, phase int64, end bool, date func(mi int64) int64) period {
	if end {
		return period{
			idx: func(d int64) int64 {
				mi := monthIndex(d)
				return (mi + value.FloorMod(phase-mi, length) - phase) / length
			},
			date: func(i int64) int64 { return date(i*length + phase) },
			ceil: true,
		}
	}
	return period{
		idx: func(d int64) int64 {
			mi := monthIndex(d)
			return (mi - value.FloorMod(mi-phase, length) - phase) / length
		},
		date: func(i int64) int64 { return date(i*length + phase) },
	}
}

// weekOfMonthPeriod: the week-th (from 0) weekday w of the month, or of
// the month before for days before it.
func weekOfMonthPeriod(week, w int64) period {
	return monthAnchored(func(mi int64) int64 {
		d := monthFirst(mi)
		return d + value.FloorMod(w-weekdayOf(d), 7) + 7*week
	})
}

// monthAnchored is the period that starts on anchor(mi) in each month mi;
// days before a month's anchor belong to the month before.
func monthAnchored(anchor func(mi int64) int64) period {
	return period{
		idx: func(d int64) int64 {
			mi := monthIndex(d)
			if d < anchor(mi) {
				return mi - 1
			}
			return mi
		},
		date: anchor,
	}
}

// applyPeriod maps every date of x to the DATE its period p gives,
// grouping periods n at a time from offset's period when n > 1.
func applyPeriod(fn string, x value.Value, p period, offset, nArg value.Value) (value.Value, error) {
	in, err := TemporalInput(fn, x)
	if err != nil {
		return nil, err
	}
	if !HasDate(in.T) {
		return nil, ddberr.Errorf("The argument of %s must carry a date.", fn)
	}
	n, err := optInt(fn, "n", nArg, 1)
	if err != nil {
		return nil, err
	}
	if n < 1 {
		return nil, ddberr.Errorf("The argument [n] of %s must be a positive integer.", fn)
	}
	idx := splitEach(in, value.NullInt64, func(d, _ int64) int64 { return p.idx(d) })
	if n > 1 {
		base, ok := int64(0), false
		if !funcs.EmptyArg(offset) {
			o, err := TemporalInput(fn, offset)
			if err != nil || !o.scalar || o.Raw[0] == value.NullInt64 || !HasDate(o.T) {
				return nil, ddberr.Errorf("The argument [offset] of %s must be a temporal scalar of the same type as X.", fn)
			}
			d, _ := splitTemporal(o.T, o.Raw[0])
			base, ok = p.idx(d), true
		} else {
			for _, i := range idx {
				if i != value.NullInt64 && (!ok || i < base) {
					base, ok = i, true
				}
			}
		}
		for k, i := range idx {
			if i == value.NullInt64 {
				continue
			}
			if p.ceil {
				idx[k] = base + ceilDiv(i-base, n)*n
			} else {
				idx[k] = base + value.FloorDiv(i-base, n)*n
			}
		}
	}
	out := make([]int32, len(idx))
	for k, i := range idx {
		if i == value.NullInt64 {
			out[k] = value.NullInt32
			continue
		}
		out[k] = int32(p.date(i))
	}
	return in.Wrap(&value.Vector{T: value.Date, I32: out}), nil
}

// semiMonth splits each month at day dom; a period starts on the 1st (or,
// with firstShift -1, ends on the last day of the previous month) and on
// day dom.
func semiMonth(dom, firstShift int64) period {
	return period{
		idx: func(d int64) int64 {
			_, _, dd := value.CivilFromDays(d)
			return monthIndex(d)*2 + kernel.BoolAs[int64](int64(dd) >= dom)
		},
		date: func(i int64) int64 {
			mi := value.FloorDiv(i, 2)
			if value.FloorMod(i, 2) == 1 {
				return monthFirst(mi) + dom - 1
			}
			return monthFirst(mi) + firstShift
		},
	}
}

func weekOfMonthFn(_ funcs.Env, args []value.Value) (value.Value, error) {
	week, err := optInt("weekOfMonth", "week", funcs.Arg(args, 1), 0)
	if err != nil {
		return nil, err
	}
	w, err := optInt("weekOfMonth", "weekday", funcs.Arg(args, 2), 0)
	if err != nil {
		return nil, err
	}
	if week < 0 || week > 3 || w < 0 || w > 6 {
		return nil, ddberr.Errorf("The argument [week] of weekOfMonth must be between 0 and 3 and [weekday] between 0 and 6.")
	}
	return applyPeriod("weekOfMonth", args[0], weekOfMonthPeriod(week, w), funcs.Arg(args, 3), funcs.Arg(args, 4))
}
