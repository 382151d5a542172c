package temporal

import (
	"sort"
	"sync"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// Trading calendars (addMarketHoliday, updateMarketHoliday,
// deleteMarketHoliday, getMarketCalendar, listAllMarkets) and their use
// as a unit by temporalAdd, temporalDiff and temporalDeltas. Calendars
// belong to the engine (DolphinDB's are server-wide); DolphinDB's bundled
// exchange files are not shipped, so a market exists once a script adds
// it.

// marketCalendar is one market's trading days: either every weekday but
// the listed holidays, or exactly the listed trading days.
type marketCalendar struct {
	days        []int64 // sorted, distinct
	tradingList bool    // days are the trading days (else holidays)
	holiday     map[int64]bool
}

// calendars are one engine's trading calendars by market name.
type calendars struct {
	sync.RWMutex
	m map[string]*marketCalendar
}

// stateHost is what the calendar functions need of the engine: a place
// for state that lives as long as the engine.
type stateHost interface {
	EngineState(key string, create func() any) any
}

// marketsOf returns the calling engine's trading calendars.
func marketsOf(env funcs.Env) (*calendars, error) {
	h, err := funcs.HostOf[stateHost](env)
	if err != nil {
		return nil, err
	}
	return h.EngineState("temporal.markets", func() any {
		return &calendars{m: map[string]*marketCalendar{}}
	}).(*calendars), nil
}

func lookupMarket(env funcs.Env, name string) (*marketCalendar, error) {
	markets, err := marketsOf(env)
	if err != nil {
		return nil, err
	}
	markets.RLock()
	defer markets.RUnlock()
	c, ok := markets.m[name]
	if !ok {
		return nil, ddberr.Errorf("The trading calendar %s doesn't exist.", name)
	}
	return c, nil
}

func setMarket(env funcs.Env, fn string, args []value.Value, update bool) (value.Value, error) {
	name, err := funcs.StrScalarArg(fn, "marketName", args[0])
	if err != nil {
		return nil, err
	}
	if !isCalendarCode(name) {
		return nil, ddberr.Errorf("The marketName of %s must be four capital letters.", fn)
	}
	in, err := TemporalInput(fn, args[1])
	if err != nil || in.T != value.Date {
		return nil, ddberr.Errorf("The argument [holiday] of %s must be a DATE vector.", fn)
	}
	kind := "holidayDate"
	if x := funcs.Arg(args, 2); !funcs.EmptyArg(x) {
		if kind, err = funcs.StrScalarArg(fn, "dateType", x); err != nil {
			return nil, err
		}
		if kind != "holidayDate" && kind != "tradingDate" {
			return nil, ddberr.Errorf("The argument [dateType] of %s must be 'holidayDate' or 'tradingDate'.", fn)
		}
	}
	c := &marketCalendar{tradingList: kind == "tradingDate", holiday: map[int64]bool{}}
	for _, d := range in.Raw {
		if d != value.NullInt64 && !c.holiday[d] {
			c.holiday[d] = true
			c.days = append(c.days, d)
		}
	}
	sort.Slice(c.days, func(i, j int) bool { return c.days[i] < c.days[j] })
	if c.tradingList {
		c.holiday = nil
	}
	markets, err := marketsOf(env)
	if err != nil {
		return nil, err
	}
	markets.Lock()
	defer markets.Unlock()
	_, exists := markets.m[name]
	switch {
	case update && !exists:
		return nil, ddberr.Errorf("The market '%s' doesn't exist.", name)
	case !update && exists:
		return nil, ddberr.Errorf("The added market '%s' already exists.", name)
	}
	markets.m[name] = c
	return nil, nil
}

// trading reports whether d is a trading day.
func (c *marketCalendar) trading(d int64) bool {
	if c.tradingList {
		i := sort.Search(len(c.days), func(i int) bool { return c.days[i] >= d })
		return i < len(c.days) && c.days[i] == d
	}
	return weekdayOf(d) < 5 && !c.holiday[d]
}

// index numbers trading days consecutively; a closed day shares the
// number of the trading day before it.
func (c *marketCalendar) index(d int64) int64 {
	if c.tradingList {
		return int64(sort.Search(len(c.days), func(i int) bool { return c.days[i] > d })) - 1
	}
	before := sort.Search(len(c.days), func(i int) bool { return c.days[i] > d })
	n := int64(0)
	for _, h := range c.days[:before] {
		if weekdayOf(h) < 5 {
			n++
		}
	}
	return businessIndex(d) - n
}

// add moves n trading days from d (to the first trading day after d for
// n = 1 when d is closed); false when it leaves a trading-day list.
func (c *marketCalendar) add(d, n int64) (int64, bool) {
	if c.tradingList {
		i := c.index(d) + n
		if n < 0 && !c.trading(d) {
			// index(d) is already the trading day before d
			i++
		}
		if i < 0 || i >= int64(len(c.days)) {
			return 0, false
		}
		return c.days[i], true
	}
	step := int64(1)
	if n < 0 {
		step, n = -1, -n
	}
	for ; n > 0; n-- {
		d += step
		for !c.trading(d) {
			d += step
		}
	}
	return d, true
}

func getMarketCalendar(env funcs.Env, args []value.Value) (value.Value, error) {
	name, err := funcs.StrScalarArg("getMarketCalendar", "marketName", args[0])
	if err != nil {
		return nil, err
	}
	c, err := lookupMarket(env, name)
	if err != nil {
		return nil, err
	}
	if len(c.days) == 0 {
		return &value.Vector{T: value.Date, I32: []int32{}}, nil
	}
	y0, _, _ := value.CivilFromDays(c.days[0])
	y1, _, _ := value.CivilFromDays(c.days[len(c.days)-1])
	lo, hi := value.DaysFromCivil(y0, 1, 1), value.DaysFromCivil(y1, 12, 31)
	for k, p := range []*int64{&lo, &hi} {
		x := funcs.Arg(args, k+1)
		if funcs.EmptyArg(x) {
			continue
		}
		in, err := TemporalInput("getMarketCalendar", x)
		if err != nil || in.T != value.Date || !in.scalar {
			return nil, ddberr.Errorf("The start and end dates of getMarketCalendar must be DATE scalars.")
		}
		*p = in.Raw[0]
	}
	var out []int32
	for d := lo; d <= hi; d++ {
		if c.trading(d) {
			out = append(out, int32(d))
		}
	}
	if out == nil {
		out = []int32{}
	}
	return &value.Vector{T: value.Date, I32: out}, nil
}

func deleteMarketHolidayFn(env funcs.Env, args []value.Value) (value.Value, error) {
	// only an administrator may drop a calendar (funcs/d/deleteMarketHoliday.md)
	if err := funcs.RequireAdmin(env, "deleteMarketHoliday"); err != nil {
		return nil, err
	}
	name, err := funcs.StrScalarArg("deleteMarketHoliday", "marketName", args[0])
	if err != nil {
		return nil, err
	}
	markets, err := marketsOf(env)
	if err != nil {
		return nil, err
	}
	markets.Lock()
	defer markets.Unlock()
	if _, ok := markets.m[name]; !ok {
		return nil, ddberr.Errorf("The market '%s' doesn't exist.", name)
	}
	delete(markets.m, name)
	return nil, nil
}

func listAllMarketsFn(env funcs.Env, _ []value.Value) (value.Value, error) {
	markets, err := marketsOf(env)
	if err != nil {
		return nil, err
	}
	markets.RLock()
	defer markets.RUnlock()
	names := make([]string, 0, len(markets.m))
	for n := range markets.m {
		names = append(names, n)
	}
	sort.Strings(names)
	return value.NewStrings(value.String, names), nil
}

// tradingCalendarTypeFn is getTradingCalendarType: whether the market's
// calendar lists its holidays or its trading days.
func tradingCalendarTypeFn(env funcs.Env, args []value.Value) (value.Value, error) {
	name, err := funcs.StrScalarArg("getTradingCalendarType", "marketName", args[0])
	if err != nil {
		return nil, err
	}
	c, err := lookupMarket(env, name)
	if err != nil {
		return nil, err
	}
	if c.tradingList {
		return value.NewString("tradingDate"), nil
	}
	return value.NewString("holidayDate"), nil
}
