package temporal

import (
	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
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

func init() {
	type spec struct {
		name string
		// param is the period's own parameter (startingMonth, weekday
		// ...) between X and offset, "" when there is none.
		param string
		def   int64
		lo    int64
		hi    int64
		make  func(p int64) period
	}
	bizFirst := func(mi int64) int64 { return firstBusinessDay(monthFirst(mi)) }
	bizLast := func(mi int64) int64 { return lastBusinessDay(monthLast(mi)) }
	// A day before its period's first business day belongs to the
	// period before (businessYearBegin(2022.01.01) is 2021.01.01), and
	// one after the last business day to the period after.
	biz := func(p period) period {
		idx := p.idx
		if p.ceil {
			p.idx = func(d int64) int64 {
				i := idx(d)
				if d > p.date(i) {
					i++
				}
				return i
			}
		} else {
			p.idx = func(d int64) int64 {
				i := idx(d)
				if d < p.date(i) {
					i--
				}
				return i
			}
		}
		return p
	}
	specs := []spec{
		{"monthBegin", "", 0, 0, 0, func(int64) period { return monthCycle(1, 0, false, monthFirst) }},
		{"monthEnd", "", 0, 0, 0, func(int64) period { return monthCycle(1, 0, true, monthLast) }},
		{"businessMonthBegin", "", 0, 0, 0, func(int64) period { return biz(monthCycle(1, 0, false, bizFirst)) }},
		{"businessMonthEnd", "", 0, 0, 0, func(int64) period { return biz(monthCycle(1, 0, true, bizLast)) }},
		{"quarterBegin", "startingMonth", 1, 1, 12, func(m int64) period { return monthCycle(3, m-1, false, monthFirst) }},
		{"quarterEnd", "endingMonth", 12, 1, 12, func(m int64) period { return monthCycle(3, m-1, true, monthLast) }},
		{"businessQuarterBegin", "startingMonth", 1, 1, 12, func(m int64) period { return biz(monthCycle(3, m-1, false, bizFirst)) }},
		{"businessQuarterEnd", "endingMonth", 12, 1, 12, func(m int64) period { return biz(monthCycle(3, m-1, true, bizLast)) }},
		{"yearBegin", "startingMonth", 1, 1, 12, func(m int64) period { return monthCycle(12, m-1, false, monthFirst) }},
		{"yearEnd", "endingMonth", 12, 1, 12, func(m int64) period { return monthCycle(12, m-1, true, monthLast) }},
		{"businessYearBegin", "startingMonth", 1, 1, 12, func(m int64) period { return biz(monthCycle(12, m-1, false, bizFirst)) }},
		{"businessYearEnd", "endingMonth", 12, 1, 12, func(m int64) period { return biz(monthCycle(12, m-1, true, bizLast)) }},
		{"weekBegin", "weekday", 0, 0, 6, func(w int64) period {
			// base is a day whose weekday is w.
			base := w - 3
			return period{
				idx:  func(d int64) int64 { return value.FloorDiv(d-base, 7) },
				date: func(i int64) int64 { return base + 7*i },
			}
		}},
		{"weekEnd", "weekday", 6, 0, 6, func(w int64) period {
			base := w - 3
			return period{
				idx:  func(d int64) int64 { return ceilDiv(d-base, 7) },
				date: func(i int64) int64 { return base + 7*i },
				ceil: true,
			}
		}},
		{"semiMonthBegin", "dayOfMonth", 15, 2, 27, func(dom int64) period { return semiMonth(dom, 0) }},
		{"semiMonthEnd", "dayOfMonth", 15, 2, 27, func(dom int64) period { return semiMonth(dom, -1) }},
		{"lastWeekOfMonth", "weekday", 0, 0, 6, func(w int64) period {
			return monthAnchored(func(mi int64) int64 {
				d := monthLast(mi)
				return d - value.FloorMod(weekdayOf(d)-w, 7)
			})
		}},
		{"businessDay", "", 0, 0, 0, func(int64) period {
			return period{idx: businessIndex, date: businessDate}
		}},
	}
	for _, s := range specs {
		s := s
		periodByName[s.name] = s.make(s.def)
		params := []string{"X", "offset", "n"}
		if s.param != "" {
			params = []string{"X", s.param, "offset", "n"}
		}
		funcs.Register(funcs.Spec{Name: s.name, Params: params, Min: 1, Max: len(params), Props: funcs.ElementWise | funcs.Pure, Category: "temporal",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				p := int64(0)
				rest := args[1:]
				if s.param != "" {
					var err error
					if p, err = optInt(s.name, s.param, funcs.Arg(args, 1), s.def); err != nil {
						return nil, err
					}
					if p < s.lo || p > s.hi {
						return nil, ddberr.Errorf("The argument [%s] of %s must be between %d and %d.", s.param, s.name, s.lo, s.hi)
					}
					if len(rest) > 0 {
						rest = rest[1:]
					}
				}
				return applyPeriod(s.name, args[0], s.make(p), funcs.Arg(rest, 0), funcs.Arg(rest, 1))
			}})
	}
	funcs.Alias("monthStart", "monthBegin")
	periodByName["weekOfMonth"] = weekOfMonthPeriod(0, 0)
	funcs.Register(funcs.Spec{Name: "weekOfMonth", Params: []string{"X", "week", "weekday", "offset", "n"}, Min: 1, Max: 5, Props: funcs.ElementWise | funcs.Pure, Category: "temporal",
		Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
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
		}})
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

func B2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
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
	idx := make([]int64, len(in.Raw))
	for i, r := range in.Raw {
		if r == value.NullInt64 {
			idx[i] = value.NullInt64
			continue
		}
		d, _ := splitTemporal(in.T, r)
		idx[i] = p.idx(d)
	}
	if n > 1 {
		base, ok := int64(0), false
		if !IsEmptyArg(offset) {
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
			return monthIndex(d)*2 + B2i(int64(dd) >= dom)
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
