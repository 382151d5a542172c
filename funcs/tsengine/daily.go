package tsengine

import (
	"sort"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/value"
)

// dailyParams are createDailyTimeSeriesEngine's parameters.
var dailyParams = []string{"name", "windowSize", "step", "metrics", "dummyTable", "outputTable", "timeColumn", "useSystemTime",
	"keyColumn", "garbageSize", "updateTime", "useWindowStartTime", "roundTime", "snapshotDir", "snapshotIntervalInMsgCount",
	"fill", "sessionBegin", "sessionEnd", "mergeSessionEnd", "forceTriggerTime", "raftGroup", "forceTriggerSessionEndTime",
	"keyPurgeFreqInSec", "closed", "outputElapsedMicroseconds", "subWindow", "parallelism", "acceptedDelay", "outputHandler",
	"msgAsTable", "keyPurgeDaily", "mergeLastWindow", "mergeSession"}

// tsOf is, for each of createTimeSeriesEngine's parameters, the position
// of the same parameter among createDailyTimeSeriesEngine's.
var tsOf = []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 19, 20, 22, 23, 24, 25, 26, 27, 28, 29}

// createDailyTimeSeriesEngine creates a daily time-series engine: a
// time-series engine whose windows lie inside each day's sessions.
func createDailyTimeSeriesEngine(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "createDailyTimeSeriesEngine"
	ts := make([]value.Value, len(tsParams))
	for i, j := range tsOf {
		ts[i] = funcs.Arg(args, j)
	}
	c, dummy, err := parseConfig(env, fn, ts)
	if err != nil {
		return nil, err
	}
	if c.systemCol {
		return nil, ddberr.Errorf("The arguments [%s] and [%s] of %s cannot be set together.", "useSystemTime", "sessionBegin", fn)
	}
	d := &daily{c: c, perDay: perDay(c.timeType)}
	if d.mergeEnd, err = funcs.BoolArg(fn, "mergeSessionEnd", funcs.GivenArg(args, 18), false); err != nil {
		return nil, err
	}
	if d.mergeLast, err = funcs.BoolArg(fn, "mergeLastWindow", funcs.GivenArg(args, 31), false); err != nil {
		return nil, err
	}
	purge, err := funcs.BoolArg(fn, "keyPurgeDaily", funcs.GivenArg(args, 30), true)
	if err != nil {
		return nil, err
	}
	if f := funcs.GivenArg(args, 21); f != nil {
		if c.sessionEndForce, err = funcs.PositiveIntArg(fn, "forceTriggerSessionEndTime", f, 0); err != nil {
			return nil, err
		}
	}
	begins, err := d.times(fn, "sessionBegin", funcs.GivenArg(args, 16), 0)
	if err != nil {
		return nil, err
	}
	ends, err := d.times(fn, "sessionEnd", funcs.GivenArg(args, 17), d.perDay)
	if err != nil {
		return nil, err
	}
	if len(begins) != len(ends) {
		return nil, ddberr.Errorf("The sessionBegin and sessionEnd of %s must have the same number of elements.", fn)
	}
	if err := d.build(begins, ends); err != nil {
		return nil, err
	}
	return streamengine.CreateWithSnapshot(env, "DailyTimeSeriesEngine", args[0], dummy, c.snapshot, func(bg funcs.Env) (streamengine.Engine, error) {
		e := newEngine(c, d, bg, dummy)
		e.purgeDaily = purge
		return e, nil
	})
}

// perDay is how many units of a time type a day holds.
func perDay(t value.Type) int64 {
	if t == value.Month {
		return 1
	}
	return int64(24 * time.Hour / unitOf(t))
}

// daily is createDailyTimeSeriesEngine's calendar: each trading day's
// sessions hold windows every step from their (aligned) begin; rows
// before a session count in its first window, rows after the day's
// last session are dropped.
type daily struct {
	c         *config
	perDay    int64
	mergeEnd  bool
	mergeLast bool

	// within a trading day (0 = its first midnight; ends may pass perDay)
	sessEnd    []int64 // each session's end
	firstStart []int64 // each session's first window start
	lastEnd    []int64 // each session's last window end
	ends       []int64 // every window's end, ascending
	starts     []int64 // the start of the window ending at ends[i]
	sessOf     []int   // the session of ends[i]
	sessFirst  []int   // each session's first index in ends
	cross      bool    // the trading day passes midnight
}

// times reads sessionBegin or sessionEnd in the time column's units;
// absent, one session of the whole day.
func (d *daily) times(fn, param string, v value.Value, def int64) ([]int64, error) {
	if v == nil {
		return []int64{def}, nil
	}
	vec, scalar, ok := value.VectorOf(v)
	bad := funcs.BadArg(fn, param, "a SECOND, TIME or NANOTIME scalar or vector")
	if !ok || vec == nil {
		return nil, bad
	}
	_ = scalar
	switch vec.T {
	case value.Second, value.Time, value.NanoTime, value.Minute:
	default:
		return nil, bad
	}
	src := perDay(vec.T)
	out := make([]int64, vec.Len())
	raw := make([]int64, vec.Len())
	streamengine.ReadTimes(vec, raw)
	for i, x := range raw {
		if x == nullTime {
			return nil, bad
		}
		out[i] = mulDiv(x, d.perDay, src)
	}
	return out, nil
}

// mulDiv is x*a/b without overflow for the units at hand.
func mulDiv(x, a, b int64) int64 {
	if a >= b {
		return x * (a / b)
	}
	return x / (b / a)
}

// build lays out a trading day's sessions and windows.
func (d *daily) build(begins, ends []int64) error {
	day := int64(0)
	step := d.c.step
	align := streamengine.Alignment(d.c.timeType, step, d.c.roundTime)
	if d.mergeLast {
		align = 1
	}
	prevEnd := int64(-1 << 62)
	for i := range begins {
		b := begins[i] + day
		if b < prevEnd {
			day += d.perDay
			b += d.perDay
		}
		e := ends[i] + day
		if e <= b {
			day += d.perDay
			e += d.perDay
		}
		prevEnd = e
		ab := streamengine.FloorDiv(b, align) * align
		ae := streamengine.FloorDiv(e, align) * align
		if d.mergeLast {
			ae = e
		}
		first := len(d.ends)
		d.sessFirst = append(d.sessFirst, first)
		for x := ab + step; x <= ae; x += step {
			d.ends, d.starts, d.sessOf = append(d.ends, x), append(d.starts, x-step), append(d.sessOf, i)
		}
		last := ab
		if len(d.ends) > first {
			last = d.ends[len(d.ends)-1]
		}
		if last < ae {
			if d.mergeLast && len(d.ends) > first {
				d.ends[len(d.ends)-1] = ae
			} else {
				d.ends, d.starts, d.sessOf = append(d.ends, ae), append(d.starts, last), append(d.sessOf, i)
			}
		}
		if len(d.ends) == first {
			return ddberr.Errorf("Each session of %s must hold at least one window.", "createDailyTimeSeriesEngine")
		}
		d.sessEnd = append(d.sessEnd, e)
		d.firstStart = append(d.firstStart, ab)
		d.lastEnd = append(d.lastEnd, d.ends[len(d.ends)-1])
	}
	for i := 1; i < len(d.ends); i++ {
		if d.ends[i] <= d.ends[i-1] {
			return ddberr.Errorf("The sessions of %s must follow each other within a day.", "createDailyTimeSeriesEngine")
		}
	}
	if d.ends[len(d.ends)-1]-d.ends[0] >= d.perDay {
		return ddberr.Errorf("The sessions of %s must follow each other within a day.", "createDailyTimeSeriesEngine")
	}
	d.cross = d.sessEnd[len(d.sessEnd)-1] > d.perDay
	return nil
}

// locate is a row's trading day and its time within that day.
func (d *daily) locate(t int64) (base, rel int64) {
	if d.cross {
		base = streamengine.FloorDiv(t-d.firstStart[0], d.perDay)
	} else {
		base = streamengine.FloorDiv(t, d.perDay)
	}
	return base, t - base*d.perDay
}

func (d *daily) place(t int64) (int64, int64, bool) {
	base, rel := d.locate(t)
	for i := range d.sessEnd {
		switch {
		case rel < d.firstStart[i] || d.c.closedRight && rel == d.firstStart[i]:
			// before the session (after the one before): its first window
			tp := base*d.perDay + d.firstStart[i]
			if d.c.closedRight {
				tp++
			}
			return tp, t, true
		case rel < d.lastEnd[i] || d.c.closedRight && rel == d.lastEnd[i]:
			return t, t, true
		case rel == d.sessEnd[i] && rel == d.lastEnd[i] && d.mergeEnd && !d.c.closedRight:
			// mergeSessionEnd: the session's end counts in its last window
			return t - 1, t - 1, true
		}
	}
	return t, t, false
}

// index is the trading day of a window end and its place in ends.
func (d *daily) index(end int64) (base int64, i int) {
	base = streamengine.FloorDiv(end-d.ends[0], d.perDay)
	rel := end - base*d.perDay
	i = sort.Search(len(d.ends), func(k int) bool { return d.ends[k] >= rel })
	return base, min(i, len(d.ends)-1)
}

func (d *daily) endAfter(t int64) int64 {
	base := streamengine.FloorDiv(t-d.ends[0], d.perDay)
	rel := t - base*d.perDay
	i := sort.Search(len(d.ends), func(k int) bool {
		if d.c.closedRight {
			return d.ends[k] >= rel
		}
		return d.ends[k] > rel
	})
	if i == len(d.ends) {
		return (base+1)*d.perDay + d.ends[0]
	}
	return base*d.perDay + d.ends[i]
}

func (d *daily) next(end int64) int64 {
	base, i := d.index(end)
	if i+1 < len(d.ends) {
		return base*d.perDay + d.ends[i+1]
	}
	return (base+1)*d.perDay + d.ends[0]
}

func (d *daily) start(end, w int64) int64 {
	base, i := d.index(end)
	j := max(i-int(w/d.c.step)+1, d.sessFirst[d.sessOf[i]])
	return base*d.perDay + d.starts[j]
}

// sessionEnd reports whether end is the last window end of a session.
func (d *daily) sessionEnd(end int64) bool {
	_, i := d.index(end)
	return i+1 == len(d.ends) || d.sessOf[i+1] != d.sessOf[i]
}

// day is the trading day of a row.
func (d *daily) day(t int64) int64 {
	base, _ := d.locate(t)
	return base
}
