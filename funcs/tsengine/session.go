package tsengine

import (
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/value"
)

// sessionParams are createSessionWindowEngine's parameters.
var sessionParams = []string{"name", "sessionGap", "metrics", "dummyTable", "outputTable", "timeColumn", "useSystemTime",
	"keyColumn", "updateTime", "useSessionStartTime", "snapshotDir", "snapshotIntervalInMsgCount", "raftGroup", "forceTriggerTime"}

// createSessionWindowEngine creates a session window engine: per key, a
// window runs from a row to the last row followed by sessionGap without
// rows.
func createSessionWindowEngine(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "createSessionWindowEngine"
	ts := make([]value.Value, len(tsParams))
	ts[0] = funcs.Arg(args, 0)
	gap := funcs.Arg(args, 1)
	if n, err := funcs.PositiveIntArg(fn, "sessionGap", gap, 0); err != nil || n <= 0 {
		return nil, ddberr.Errorf("The argument [%s] of %s must be a positive integer.", "sessionGap", fn)
	}
	ts[1], ts[2] = gap, gap
	// createTimeSeriesEngine's positions of the parameters they share
	for i, j := range map[int]int{3: 2, 4: 3, 5: 4, 6: 5, 7: 6, 8: 7, 13: 10, 14: 11} {
		ts[i] = funcs.Arg(args, j)
	}
	c, dummy, err := parseConfig(env, fn, ts)
	if err != nil {
		return nil, err
	}
	c.sessionGap = c.step
	startTime, err := funcs.BoolArg(fn, "useSessionStartTime", funcs.GivenArg(args, 9), true)
	if err != nil {
		return nil, err
	}
	if u := funcs.GivenArg(args, 8); u != nil {
		if c.updateTime, err = funcs.NonNegIntArg(fn, "updateTime", u, 0); err != nil {
			return nil, err
		}
		if c.systemCol || !startTime {
			return nil, ddberr.Errorf("The arguments [%s] and [%s] of %s cannot be set together.", "updateTime", "useSystemTime or useSessionStartTime=false", fn)
		}
	}
	c.sessionEndTime = !startTime
	if f := funcs.GivenArg(args, 13); f != nil {
		if c.sessionForce, err = funcs.NonNegIntArg(fn, "forceTriggerTime", f, 0); err != nil {
			return nil, err
		}
	} else {
		c.sessionForce = -1
	}
	return streamengine.CreateWithSnapshot(env, "SessionWindowEngine", args[0], dummy, c.snapshot, func(bg funcs.Env) (streamengine.Engine, error) {
		return newEngine(c, &grid{c: c}, bg, dummy), nil
	})
}

// sessionRow takes a row of a session window engine: a row sessionGap
// or more after its key's last row closes the key's window.
func (e *engine) sessionRow(g *group, t int64, r int) {
	if g.started && t < g.maxTime {
		return
	}
	if g.started && t >= g.maxTime+e.c.sessionGap {
		e.closeSession(g)
	}
	if e.c.updateTime > 0 {
		// a row in a later updateTime-long part of the open window than
		// the rows not yet output outputs them
		start := t
		if g.off < len(g.times) {
			start = g.times[g.off]
		}
		sub := streamengine.FloorDiv(t-start, e.c.updateTime)
		if g.pending && sub > g.pendSub {
			e.sessionUpdate(g)
		}
		if !g.pending {
			g.pendAt = time.Now()
		}
		g.pending, g.pendSub = true, sub
	}
	g.started = true
	g.times = append(g.times, t)
	g.staged = append(g.staged, r)
	if len(g.staged) == 1 {
		e.touched = append(e.touched, g)
	}
	g.maxTime = t
}

// sessionUpdate queues g's open window for output and keeps it open.
func (e *engine) sessionUpdate(g *group) {
	g.pending = false
	if g.off < len(g.times) {
		e.slots = append(e.slots, slot{g: g, end: g.times[g.off], lo: e.each(g.off), hi: e.each(len(g.times))})
	}
}

// closeSession queues g's open window for output.
func (e *engine) closeSession(g *group) {
	g.pending = false
	if g.off == len(g.times) {
		return
	}
	at := g.times[g.off]
	if e.c.sessionEndTime {
		at = g.maxTime + e.c.sessionGap
	}
	e.slots = append(e.slots, slot{g: g, end: at, lo: e.each(g.off), hi: e.each(len(g.times))})
	g.off = len(g.times)
}

// sessionTick closes the windows the clock ends: with useSystemTime
// those sessionGap past their last row, with forceTriggerTime every open
// window once no row came for that long.
func (e *engine) sessionTick(now time.Time, nowMillis int64) {
	if e.c.systemCol {
		for _, g := range e.groups.All {
			if g.started && nowMillis >= g.maxTime+e.c.sessionGap {
				e.closeSession(g)
			}
		}
		return
	}
	if e.c.updateTime > 0 {
		wait := max(2*time.Second, 2*time.Duration(e.c.updateTime)*unitOf(e.c.timeType))
		for _, g := range e.groups.All {
			if g.pending && now.Sub(g.pendAt) >= wait {
				e.sessionUpdate(g)
			}
		}
	}
	if e.c.sessionForce >= 0 && !e.lastRow.IsZero() && now.Sub(e.lastRow) >= time.Duration(e.c.sessionForce)*unitOf(e.c.timeType) {
		for _, g := range e.groups.All {
			e.closeSession(g)
		}
		e.lastRow = time.Time{}
	}
}
