package tsengine

import (
	"sort"

	"sync"
	"time"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/ticker"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wallclock"
)

// engine is a time-series engine: its groups' buffered rows and windows.
type engine struct {
	c     *config
	bg    funcs.Env
	dummy *value.Table

	mu      sync.Mutex
	groups  *streamengine.Groups[*group]
	cal     calendar
	slots   []slot
	batch   *value.Table // the batch Consume is taking
	err     error        // a window the batch could not output
	touched []*group     // groups with rows staged from the batch
	// names and types of the metrics' result columns, once computed
	resNames [][]string
	resTypes [][]value.Type
	resScale [][]int32

	lastPurge time.Time
	// keyPurgeDaily: the trading day of the latest rows
	purgeDaily bool
	lastRow    time.Time // when the latest rows came (session windows)
	dayKnown   bool
	lastDay    int64

	timer ticker.Timer

	// addedAt is, for each metrics group addMetrics added, where each
	// group's rows then ended (rows ever taken, compacted ones too): the
	// group's metrics read the rows after (addmetrics.go).
	addedAt map[int]map[*group]int
}

// group is one key's state.
type group struct {
	id      int
	buf     *value.Table // committed rows
	times   []int64      // times of buf's rows, then of the staged rows
	off     int          // rows before off are no window's any more
	dropped int          // rows compact removed before times[0]
	staged  []int        // batch rows accepted, not yet in buf
	started bool
	nextEnd int64 // the first window end not computed yet
	maxTime int64

	// updateTime: rows not yet output by an update of window pendEnd
	pending bool
	pendEnd int64
	pendSub int64
	pendAt  time.Time

	last []*value.Scalar // the last output's metrics, for fill 'ffill'
}

// slot is one output row: group g's window ending at end, computed over
// rows [lo[j], hi[j]) of g for window size j, or filled.
type slot struct {
	g      *group
	end    int64
	lo, hi []int
	filled bool
}

func newEngine(c *config, cal calendar, bg funcs.Env, dummy *value.Table) *engine {
	e := &engine{c: c, cal: cal, bg: bg, dummy: dummy, lastPurge: time.Now()}
	e.groups = streamengine.NewGroups[*group](dummy, c.keyCols, c.keyNames)
	if c.systemCol || c.updateTime > 0 || c.sessionEndForce > 0 || c.sessionGap > 0 && c.sessionForce >= 0 {
		every := 100 * time.Millisecond
		if c.systemCol || c.sessionGap > 0 {
			every = 5 * time.Millisecond
		}
		e.timer.Start(every, streamengine.Ticked(bg, e.Outputs(), e.tick))
	}
	return e
}

// Close stops the engine's timer.
func (e *engine) Close() { e.timer.Stop() }

// Outputs implements streamengine.Engine: the output table or the
// handler.
func (e *engine) Outputs() []value.Value {
	if e.c.handler != nil {
		return []value.Value{e.c.handler}
	}
	return []value.Value{e.c.output}
}

// Stat implements streamengine.Engine: TimeSeriesEngine's columns.
func (e *engine) Stat() ([]string, []value.Value) {
	e.mu.Lock()
	defer e.mu.Unlock()
	rows := 0
	for _, g := range e.groups.All {
		rows += len(g.times) - g.off
	}
	if e.c.sessionGap > 0 {
		return append([]string{"sessionGap", "useSystemTime", "numGroups", "numRows", "numMetrics", "Metrics", "memoryUsed"}, streamengine.SnapshotStatNames()...),
			append([]value.Value{value.NewLong(e.c.sessionGap), value.NewBool(e.c.systemCol), value.NewLong(int64(e.groups.Len())), value.NewLong(int64(rows)),
				value.NewLong(int64(e.c.nMetric)), value.NewString(e.c.text), value.NewLong(int64(rows*8*max(1, len(e.dummy.Cols))) + 1024)}, e.c.snapshot.Stat()...)
	}
	return append([]string{"windowTime", "step", "useSystemTime", "garbageSize", "numGroups", "numRows", "numMetrics", "metrics",
			"memoryUsed"}, streamengine.SnapshotStatNames()...),
		append([]value.Value{value.NewLong(e.c.windows[0]), value.NewLong(e.c.step), value.NewBool(e.c.systemCol), value.NewLong(e.c.garbageSize),
			value.NewLong(int64(e.groups.Len())), value.NewLong(int64(rows)), value.NewLong(int64(e.c.nMetric)), value.NewString(e.c.text),
			value.NewLong(int64(rows*8*max(1, len(e.dummy.Cols))) + 1024)}, e.c.snapshot.Stat()...)
}

// Consume implements streamengine.Engine.
func (e *engine) Consume(batch *value.Table) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.batch = batch
	defer func() { e.batch = nil }()
	times := e.times(batch)
	e.newDay(times)
	gs := e.groupsOf(batch)
	if e.c.sessionGap > 0 {
		// a session window engine computes rows in the order they come
		e.lastRow = time.Now()
		for r, t := range times {
			if t != nullTime {
				e.sessionRow(gs[r], t, r)
			}
		}
		if e.c.updateTime == 0 {
			// updateTime=0: every batch outputs its keys' open windows
			for _, g := range e.touched {
				e.sessionUpdate(g)
			}
		}
	} else if e.c.forceTrigger >= 0 {
		// the order rows arrive in decides which windows other groups'
		// rows force
		for r, t := range times {
			if t == nullTime {
				continue
			}
			g := gs[r]
			e.row(g, t, r)
			e.force(g, t)
		}
	} else {
		for _, rows := range byGroup(gs) {
			g := gs[rows[0]]
			n := len(g.staged)
			for _, r := range rows {
				if times[r] != nullTime {
					e.row(g, times[r], r)
				}
			}
			if e.c.updateTime == 0 && len(g.staged) > n {
				e.window(g, g.nextEnd)
			}
		}
	}
	err := e.flush(batch)
	e.purge()
	if e.err != nil {
		err, e.err = e.err, nil
	}
	return err
}

const nullTime = streamengine.NullTime

// times is the batch's time of each row (nullTime for a NULL): the
// arrival time with useSystemTime, else the time column(s).
func (e *engine) times(batch *value.Table) []int64 {
	n := batch.Rows()
	out := make([]int64, n)
	if e.c.systemCol {
		now := wallclock.Millis(time.Now())
		for i := range out {
			out[i] = now
		}
		return out
	}
	col := batch.Cols[e.c.timeCols[0]]
	streamengine.ReadTimes(col, out)
	if len(e.c.timeCols) == 2 {
		tod := make([]int64, n)
		streamengine.ReadTimes(batch.Cols[e.c.timeCols[1]], tod)
		per := int64(86400)
		switch e.c.timeType {
		case value.Timestamp:
			per = 86400000
		case value.NanoTimestamp:
			per = 86400000000000
		}
		for i, d := range out {
			if d == nullTime || tod[i] == nullTime {
				out[i] = nullTime
			} else {
				out[i] = d*per + tod[i]
			}
		}
	}
	return out
}

// newDay follows keyPurgeDaily: rows of a later trading day than any
// before drop every group first.
func (e *engine) newDay(times []int64) {
	d, ok := e.cal.(*daily)
	if !ok || !e.purgeDaily {
		return
	}
	latest, any := int64(0), false
	for _, t := range times {
		if t != nullTime {
			if day := d.day(t); !any || day > latest {
				latest, any = day, true
			}
		}
	}
	if !any {
		return
	}
	if e.dayKnown && latest > e.lastDay {
		e.groups.Reset()
	}
	if !e.dayKnown || latest > e.lastDay {
		e.dayKnown, e.lastDay = true, latest
	}
}

// groupsOf is each batch row's group, made on first sight.
func (e *engine) groupsOf(batch *value.Table) []*group {
	return e.groups.Of(batch, func(id int) *group { return &group{id: id, buf: e.dummy.EmptyLike(0)} })
}

// byGroup is the batch's rows by group, groups in order of their first
// row: DolphinDB computes a batch group by group.
func byGroup(gs []*group) [][]int {
	idx := map[*group]int{}
	var out [][]int
	for r, g := range gs {
		i, ok := idx[g]
		if !ok {
			i = len(out)
			idx[g] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], r)
	}
	return out
}

// endAfter is the end of the first window a row at t falls in.
func (e *engine) endAfter(t int64) int64 { return e.cal.endAfter(t) }

// closes reports whether a row at t closes the window ending at end.
func (e *engine) closes(end, t int64) bool {
	if e.c.closedRight {
		return t > end
	}
	return t >= end
}

// row takes one row of group g at time t (batch row r).
func (e *engine) row(g *group, t int64, r int) {
	tp, trig, keep := e.cal.place(t)
	if !keep {
		if g.started {
			e.closeUpTo(g, trig-e.c.delay)
		}
		return
	}
	t = tp
	if !g.started {
		g.started = true
		g.nextEnd = e.endAfter(t)
		g.maxTime = t
	}
	// rows out of order, or of windows already computed, are dropped
	if (e.c.delay == 0 && t < g.maxTime) || !e.inWindow(t, e.cal.start(g.nextEnd, e.c.step)) {
		return
	}
	e.closeUpTo(g, trig-e.c.delay)
	if e.c.updateTime > 0 {
		e.update(g, t)
	}
	if n := len(g.times); n > 0 && t < g.times[n-1] {
		// acceptedDelay lets a row in before later ones
		e.insert(g, t, r)
	} else {
		g.times = append(g.times, t)
		g.staged = append(g.staged, r)
	}
	if len(g.staged) == 1 {
		e.touched = append(e.touched, g)
	}
	g.maxTime = max(g.maxTime, t)
	if a, ok := e.cal.(rowCloser); ok {
		// the row closes the window it is in
		e.closeUpTo(g, a.after(t)-e.c.delay)
	}
}

// insert puts batch row r at time t among g's rows in time order, after
// the rows of the same time. Windows queued for output hold rows before
// it: their windows ended no later than t.
func (e *engine) insert(g *group, t int64, r int) {
	p := g.off + sort.Search(len(g.times)-g.off, func(i int) bool { return g.times[g.off+i] > t })
	g.times = append(g.times, 0)
	copy(g.times[p+1:], g.times[p:])
	g.times[p] = t
	committed := g.buf.Rows()
	if p >= committed {
		q := p - committed
		g.staged = append(g.staged, 0)
		copy(g.staged[q+1:], g.staged[q:])
		g.staged[q] = r
		return
	}
	for i, col := range g.buf.Cols {
		c := col.Slice(0, p).Clone()
		c.AppendFrom(e.batch.Cols[i], r)
		c.AppendVector(col.Slice(p, committed))
		g.buf.Cols[i] = c
	}
}

// closeUpTo computes g's windows a row at t closes.
func (e *engine) closeUpTo(g *group, t int64) {
	for n := 0; e.closes(g.nextEnd, t); n++ {
		if n == maxFill {
			// a gap no output could hold: skip it, and say so
			e.err = ddberr.Errorf("The engine would fill more than %d windows of one group at once.", maxFill)
			g.nextEnd = e.endAfter(t)
			g.off = len(g.times)
			break
		}
		end := g.nextEnd
		if e.c.fill == nil {
			if g.off == len(g.times) {
				// nothing buffered: no window to output until t
				g.nextEnd = e.endAfter(t)
				break
			}
			if first := e.endAfter(g.times[g.off]); first > end {
				end = first
				if !e.closes(end, t) {
					g.nextEnd = end
					break
				}
			}
		}
		e.closeOne(g, end)
	}
}

// maxFill bounds the empty windows one row may fill.
const maxFill = 1000000

// closeOne outputs g's window ending at end (computed, filled or, empty
// and unfilled, nothing) and moves g past it.
func (e *engine) closeOne(g *group, end int64) {
	e.window(g, end)
	g.nextEnd = e.cal.next(end)
	if g.pending && g.pendEnd <= end {
		g.pending = false
	}
	// rows before the next window's start are no window's any more
	start := e.cal.start(g.nextEnd, e.c.wmax)
	lo := g.off + sort.Search(len(g.times)-g.off, func(i int) bool { return e.inWindow(g.times[g.off+i], start) })
	g.off = lo
}

// inWindow reports whether t is not before a window starting at start.
func (e *engine) inWindow(t, start int64) bool {
	if e.c.closedRight {
		return t > start
	}
	return t >= start
}

// window queues g's window ending at end for output: the rows of each
// window size before the row at hand, or a fill when there are none.
func (e *engine) window(g *group, end int64) {
	s := slot{g: g, end: end, lo: make([]int, len(e.c.windows)), hi: make([]int, len(e.c.windows))}
	rows := 0
	live := g.times[g.off:]
	hi := g.off + sort.Search(len(live), func(i int) bool { return e.inWindow(live[i], end) })
	for j, w := range e.c.windows {
		start := e.cal.start(end, w)
		s.lo[j] = g.off + sort.Search(len(live), func(i int) bool { return e.inWindow(live[i], start) })
		s.hi[j] = hi
		rows += max(0, hi-s.lo[j])
	}
	if rows == 0 {
		if e.c.fill == nil {
			return
		}
		s.filled = true
	}
	e.slots = append(e.slots, s)
}

// update follows updateTime > 0: a row in a later updateTime-long part
// of g's current window than the rows not yet output outputs them.
func (e *engine) update(g *group, t int64) {
	cur := g.nextEnd
	sub := streamengine.FloorDiv(t-e.cal.start(cur, e.c.wmax), e.c.updateTime)
	if g.pending && g.pendEnd == cur && sub > g.pendSub {
		e.window(g, cur)
		g.pending = false
	}
	if !g.pending {
		g.pendAt = time.Now()
	}
	g.pending, g.pendEnd, g.pendSub = true, cur, sub
}

// force follows forceTriggerTime: a row at t computes the current window
// of every other group that ended forceTriggerTime or more before it.
func (e *engine) force(from *group, t int64) {
	for _, g := range e.groups.All {
		if g == from || !g.started || t-g.nextEnd < e.c.forceTrigger {
			continue
		}
		e.closeOne(g, g.nextEnd)
	}
}

// purge drops the groups with no rows every keyPurgeFreqInSec seconds.
func (e *engine) purge() {
	if e.c.purgeFreq < 0 || time.Since(e.lastPurge) < time.Duration(e.c.purgeFreq)*time.Second {
		return
	}
	e.lastPurge = time.Now()
	e.groups.Keep(func(g *group) bool { return g.off < len(g.times) })
}

// tick runs the timers: with useSystemTime it closes the windows the
// clock passed; with updateTime it outputs rows left waiting for
// 2*updateTime (at least 2 seconds).
func (e *engine) tick(time.Time) {
	wait := 2 * time.Second
	if e.c.updateTime > 0 {
		wait = max(wait, 2*time.Duration(e.c.updateTime)*unitOf(e.c.timeType))
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if d, ok := e.cal.(*daily); ok && e.c.sessionEndForce > 0 {
		// forceTriggerSessionEndTime: the clock passed a session's
		// end by that much
		now := mulDiv(wallclock.Millis(time.Now()), perDay(e.c.timeType), 86400000)
		for _, g := range e.groups.All {
			if g.started && d.sessionEnd(g.nextEnd) && now >= g.nextEnd+e.c.sessionEndForce {
				e.closeOne(g, g.nextEnd)
			}
		}
	}
	if e.c.sessionGap > 0 {
		now := time.Now()
		e.sessionTick(now, wallclock.Millis(now))
	} else if e.c.systemCol {
		now := wallclock.Millis(time.Now())
		for _, g := range e.groups.All {
			if g.started {
				e.closeUpTo(g, now)
			}
		}
	} else {
		for _, g := range e.groups.All {
			if g.pending && time.Since(g.pendAt) >= wait {
				e.window(g, g.pendEnd)
				g.pending = false
			}
		}
	}
	if len(e.slots) > 0 {
		_ = e.flush(nil)
	}
}

// unitOf is the duration of one unit of a time type, a second for a
// type without a unit of fixed length.
func unitOf(t value.Type) time.Duration {
	if n := value.TickNanos(t); n > 0 {
		return time.Duration(n)
	}
	return time.Second
}
