package temporal

import (
	"time"
	_ "time/tzdata" // convertTZ must know the zones on hosts without a tz database

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/kernel"
)

// init registers the whole family, one section per topic file (where the
// implementations live), in file order so an alias follows its target.
func init() {
	// asfreq.go.
	funcs.Register(funcs.Spec{Name: "asFreq", Params: []string{"X", "rule", "closed", "label", "origin"}, Min: 2, Max: 5,
		Props: funcs.Pure, Category: "temporal", Fn: asFreq})
	funcs.Alias("asfreq", "asFreq")

	// resample.go.
	funcs.Register(funcs.Spec{Name: "resample", Params: []string{"X", "rule", "func", "closed", "label", "origin"}, Min: 3, Max: 6,
		Props: funcs.Pure, Category: "data-processing", Fn: resample})

	// clock.go.
	funcs.Register(
		funcs.Spec{Name: "today", Min: 0, Max: 0, Category: "temporal", Fn: xtoday},
		funcs.Spec{Name: "now", Params: []string{"nanoSecond"}, Min: 0, Max: 1, Category: "temporal", Fn: xnow},
	)

	// duration.go.
	funcs.Register(funcs.Spec{Name: "duration", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.Pure, Category: "types-conversion", Fn: durationFn})

	// format.go.
	funcs.Register(
		funcs.Spec{Name: "temporalFormat", Params: []string{"X", "format"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "types-conversion",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return temporalFormat(args[0], args[1]) }},
		funcs.Spec{Name: "decimalFormat", Params: []string{"X", "format"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "types-conversion",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) { return decimalFormat(args[0], args[1]) }},
		funcs.Spec{Name: "format", Params: []string{"X", "format"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "types-conversion", Fn: formatFn},
	)
	funcs.Alias("datetimeFormat", "temporalFormat")

	// market_calendar.go.
	funcs.Register(
		funcs.Spec{Name: "addMarketHoliday", Params: []string{"marketName", "holiday", "dateType"}, Min: 2, Max: 3, Props: funcs.Session, Category: "temporal",
			Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
				return setMarket(env, "addMarketHoliday", args, false)
			}},
		funcs.Spec{Name: "updateMarketHoliday", Params: []string{"marketName", "holiday", "dateType"}, Min: 2, Max: 3, Props: funcs.Session, Category: "temporal",
			Fn: func(env funcs.Env, args []value.Value) (value.Value, error) {
				return setMarket(env, "updateMarketHoliday", args, true)
			}},
		funcs.Spec{Name: "deleteMarketHoliday", Params: []string{"marketName"}, Min: 1, Max: 1, Props: funcs.Session, Category: "temporal", Fn: deleteMarketHolidayFn},
		funcs.Spec{Name: "getTradingCalendarType", Params: []string{"marketName"}, Min: 1, Max: 1, Props: funcs.Session, Category: "temporal", Fn: tradingCalendarTypeFn},
		funcs.Spec{Name: "listAllMarkets", Min: 0, Max: 0, Props: funcs.Session, Category: "temporal", Fn: listAllMarketsFn},
		funcs.Spec{Name: "getMarketCalendar", Params: []string{"marketName", "startDate", "endDate"}, Min: 1, Max: 3, Props: funcs.Session, Category: "temporal", Fn: getMarketCalendar},
	)

	// temporal.go.
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
				in, err := temporalVector(p.name, args[0])
				if err != nil {
					return nil, err
				}
				if !HasDate(in.T) {
					return nil, ddberr.Errorf("The argument of %s must carry a date.", p.name)
				}
				out := splitEach(in, value.NullInt8, func(d, _ int64) int64 { return kernel.BoolAs[int64](p.f(d)) })
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

	// temporal_arith.go.
	funcs.Register(
		funcs.Spec{Name: "concatDateTime", Params: []string{"date", "time"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "temporal", Fn: concatDateTime},
		funcs.Spec{Name: "temporalAdd", Params: []string{"obj", "duration", "unit"}, Min: 2, Max: 3, Props: funcs.ElementWise | funcs.Pure, Category: "temporal", Fn: temporalAdd},
		funcs.Spec{Name: "temporalDiff", Params: []string{"X", "Y", "unit"}, Min: 2, Max: 3, Props: funcs.ElementWise | funcs.Pure, Category: "temporal", Fn: temporalDiff},
		funcs.Spec{Name: "temporalDeltas", Params: []string{"X", "unit"}, Min: 1, Max: 2, Props: funcs.OrderSensitive | funcs.Pure, Category: "temporal", Fn: temporalDeltas},
		funcs.Spec{Name: "convertTZ", Params: []string{"obj", "srcTZ", "destTZ"}, Min: 3, Max: 3, Props: funcs.ElementWise | funcs.Pure, Category: "temporal", Fn: convertTZFn},
		funcs.Spec{Name: "gmtime", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "temporal",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				return shiftZone("gmtime", args[0], time.Local, time.UTC)
			}},
		funcs.Spec{Name: "localtime", Params: []string{"X"}, Min: 1, Max: 1, Props: funcs.ElementWise | funcs.Pure, Category: "temporal",
			Fn: func(_ funcs.Env, args []value.Value) (value.Value, error) {
				return shiftZone("localtime", args[0], time.UTC, time.Local)
			}},
	)
	funcs.Alias("concatDT", "concatDateTime")
	// datetimeAdd is temporalAdd's old name, which tutorials still use
	// (streaming_engine_anomaly_alerts.md, backup_restore_before_208.md)
	funcs.Alias("datetimeAdd", "temporalAdd")
	funcs.Alias("datetimeDiff", "temporalDiff")
	funcs.Alias("datetimeDeltas", "temporalDeltas")

	// temporal_fiscal.go.
	funcs.Register(
		funcs.Spec{Name: "fy5253", Params: []string{"X", "weekday", "startingMonth", "nearest", "offset", "n"}, Min: 1, Max: 6, Props: funcs.ElementWise | funcs.Pure, Category: "temporal", Fn: fy5253Fn},
		funcs.Spec{Name: "fy5253Quarter", Params: []string{"X", "weekday", "startingMonth", "qtrWithExtraWeek", "nearest", "offset", "n"}, Min: 1, Max: 7, Props: funcs.ElementWise | funcs.Pure, Category: "temporal", Fn: fy5253QuarterFn},
	)

	// temporal_freq.go.
	funcs.Register(
		funcs.Spec{Name: "transFreq", Params: []string{"X", "rule", "closed", "label", "origin"}, Min: 2, Max: 5, Props: funcs.ElementWise | funcs.Pure, Category: "temporal", Fn: transFreq},
		funcs.Spec{Name: "temporalSeq", Params: []string{"start", "end", "rule", "closed", "label", "origin"}, Min: 3, Max: 6, Props: funcs.Pure, Category: "temporal", Fn: temporalSeq},
	)

	// temporal_parse.go.
	funcs.Register(funcs.Spec{Name: "temporalParse", Params: []string{"X", "format"}, Min: 2, Max: 2, Props: funcs.ElementWise | funcs.Pure, Category: "types-conversion", Fn: temporalParseFn})
	funcs.Alias("datetimeParse", "temporalParse")

	// temporal_period.go.
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
	funcs.Alias("week", "weekEnd")
	periodByName["weekOfMonth"] = weekOfMonthPeriod(0, 0)
	funcs.Register(funcs.Spec{Name: "weekOfMonth", Params: []string{"X", "week", "weekday", "offset", "n"}, Min: 1, Max: 5, Props: funcs.ElementWise | funcs.Pure, Category: "temporal", Fn: weekOfMonthFn})
}
