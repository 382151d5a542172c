package tsengine

import (
	"github.com/porpoisedb/porpoise/funcs/streamengine"
)

// calendar is where an engine's windows lie: a time-series engine's
// evenly spaced windows, or a daily engine's windows inside sessions.
type calendar interface {
	// place maps a row's time to the time it counts at in the windows
	// (keep) and the time it closes windows at (trig); a row the
	// windows drop still closes windows.
	place(t int64) (tp, trig int64, keep bool)
	// endAfter is the end of the first window a time falls in.
	endAfter(t int64) int64
	// next is the end of the window after the one ending at end.
	next(end int64) int64
	// start is the start of the window of size w ending at end.
	start(end, w int64) int64
}

// grid is createTimeSeriesEngine's calendar: windows every step from
// the end the first row's time aligns to.
type grid struct {
	c       *config
	started bool
	e0      int64 // the first window's end; every end is e0 + k*step
}

func (g *grid) place(t int64) (int64, int64, bool) {
	if !g.started {
		g.started = true
		g.e0 = streamengine.FirstEnd(g.c.timeType, g.c.step, g.c.roundTime, t)
	}
	if g.c.sub {
		// only the sub-window of each window counts
		s := g.windowStart(t)
		if g.c.closedRight {
			return t, t, t > s+g.c.subLo && t <= s+g.c.subHi
		}
		return t, t, t >= s+g.c.subLo && t < s+g.c.subHi
	}
	return t, t, true
}

// windowStart is the start of the (whole) window holding t.
func (g *grid) windowStart(t int64) int64 {
	step := g.c.step
	base := g.e0 - step
	if g.c.closedRight {
		return base + streamengine.FloorDiv(t-base-1, step)*step
	}
	return base + streamengine.FloorDiv(t-base, step)*step
}

func (g *grid) endAfter(t int64) int64 {
	step := g.c.step
	if g.c.sub {
		end := g.windowStart(t) + g.c.subHi
		if g.c.closedRight && t > end || !g.c.closedRight && t >= end {
			end += step
		}
		return end
	}
	if g.c.closedRight {
		return g.e0 + (streamengine.FloorDiv(t-g.e0-1, step)+1)*step
	}
	return g.e0 + (streamengine.FloorDiv(t-g.e0, step)+1)*step
}

func (g *grid) next(end int64) int64 { return end + g.c.step }

func (g *grid) start(end, w int64) int64 {
	if g.c.sub {
		return end - g.c.subHi + g.c.subLo
	}
	return end - w
}
