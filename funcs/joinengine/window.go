package joinengine

import (
	"math"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/sqlparse/ast"
	"github.com/porpoisedb/porpoise/ticker"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wallclock"
)

const windowFn = "createWindowJoinEngine"

// windowGroup is one key's right rows (store positions and times, in
// time order), its left rows waiting for their window to close and
// the time of its last left row (the start of the next 0:0 window).
type windowGroup struct {
	right    []int
	rtimes   []int64
	left     []int
	lo, hi   []int64 // each waiting left row's window, both ends included
	ltimes   []int64
	prevLeft int64
}

// windowEngine joins each left row to the right rows of its key whose
// time falls in its window, once the window has closed, and computes
// the metrics over each window.
type windowEngine struct {
	writer
	mu         sync.Mutex
	lkey, rkey []int
	ltime      int
	rtime      int
	a, b       int64 // window a:b; special is 0:0
	special    bool
	closedR    bool
	sysTime    bool
	seq        int64 // arrivals so far: a 0:0 window's bounds with useSystemTime
	timer      ticker.Timer
	outTypes   []value.Type
	garbage    int
	maxDelay   int64
	nullFill   []value.Value
	elapsed    bool
	sortBy     bool

	grouped, groupedKnown bool
	// exprs are the metrics with their qualified columns made the joined
	// table's (qualified), whose hidden right columns it adds
	exprs  []ast.Expr
	hidden []int

	lstore, rstore *value.Table
	groups         *streamengine.Groups[*windowGroup]
	latestRight    int64
}

const groupCol = "__windowJoinGroup"

func createWindowJoinEngine(env funcs.Env, args []value.Value) (value.Value, error) {
	arg := func(i int) value.Value { return funcs.Arg(args, i) }
	left, right, err := sides(windowFn, args)
	if err != nil {
		return nil, err
	}
	e := &windowEngine{writer: writer{out: arg(3), lname: tableName(env, left), rname: tableName(env, right)}, groups: streamengine.NewRowGroups[*windowGroup](), latestRight: math.MinInt64}
	if ot, ok := arg(3).(*value.Table); ok {
		e.outTypes = ot.Types()
	}
	if e.metrics, err = streamengine.ParseMetrics(windowFn, arg(5)); err != nil {
		return nil, err
	}
	if e.lkey, e.rkey, err = matching(windowFn, arg(6), left, right); err != nil {
		return nil, err
	}
	e.exprs, e.hidden = qualified(e.metrics.Exprs, left, right, e.lname, e.rname)
	if e.ltime, e.rtime, err = timeColumns(windowFn, arg(7), left, right); err != nil {
		return nil, err
	}
	if e.sysTime, err = funcs.BoolArg(windowFn, "useSystemTime", arg(8), false); err != nil {
		return nil, err
	}
	if !e.sysTime && e.ltime < 0 {
		return nil, funcs.BadArg(windowFn, "timeColumn", "given when useSystemTime is false")
	}
	// with useSystemTime, times are the milliseconds rows arrive at
	tick := int64(1e6)
	if !e.sysTime {
		tick = max(1, value.TickNanos(left.Cols[e.ltime].T))
	}
	if e.a, e.b, err = windowArg(arg(4), tick); err != nil {
		return nil, err
	}
	e.special = e.a == 0 && e.b == 0
	if e.garbage, err = garbageArg(windowFn, arg(9)); err != nil {
		return nil, err
	}
	e.maxDelay = 3e9 / tick
	if !funcs.NullOrAbsent(arg(10)) {
		if e.maxDelay, err = funcs.PositiveIntArg(windowFn, "maxDelayedTime", arg(10), 1); err != nil {
			return nil, err
		}
	}
	if !funcs.NullOrAbsent(arg(11)) {
		t, ok := arg(11).(*value.Vector)
		if !ok || (len(e.outTypes) > 0 && t.Len() != len(e.outTypes)) {
			return nil, funcs.BadArg(windowFn, "nullFill", "a tuple with one element per column of the output table")
		}
		for i := 0; i < t.Len(); i++ {
			e.nullFill = append(e.nullFill, t.Elem(i))
		}
	}
	if e.elapsed, err = funcs.BoolArg(windowFn, "outputElapsedMicroseconds", arg(12), false); err != nil {
		return nil, err
	}
	if e.sortBy, err = funcs.BoolArg(windowFn, "sortByTime", arg(13), false); err != nil {
		return nil, err
	}
	closed, ok := funcs.ChoiceArg(arg(14), "left", "right")
	if !ok {
		return nil, funcs.BadArg(windowFn, "closed", "'left' or 'right'")
	}
	e.closedR = closed == "right"
	if e.closedR && e.sysTime {
		return nil, funcs.BadArg(windowFn, "useSystemTime", "false when closed is 'right'")
	}
	// snapshotDir, snapshotIntervalInMsgCount, cachedTableCapacity and
	// keyPurgeFreqInSec (15-18) are accepted and ignored.
	e.lstore, e.rstore = left.EmptyLike(0), right.EmptyLike(0)
	return streamengine.CreateJoin(env, "WindowJoinEngine", arg(0), left, right, func(bg funcs.Env) (streamengine.JoinEngine, error) {
		e.bg = bg
		if e.sysTime && !e.special {
			e.timer.Start(20*time.Millisecond, streamengine.Ticked(bg, e.Outputs(), e.tick))
		}
		return e, nil
	})
}

// windowArg reads window a:b, integers in the time column's unit or
// durations.
func windowArg(v value.Value, tick int64) (int64, int64, error) {
	p, ok := v.(*value.Pair)
	if !ok || p.V.Len() != 2 {
		return 0, 0, funcs.BadArg(windowFn, "window", "a pair of integers or durations")
	}
	var ends [2]int64
	for i := range ends {
		s := p.V.At(i)
		switch {
		case s.T == value.Duration && value.DurationNanos(value.DurationUnit(s)) > 0:
			ends[i] = s.I * value.DurationNanos(value.DurationUnit(s)) / tick
		case s.T.Category() == value.CatIntegral && !s.Null:
			ends[i] = s.I
		default:
			return 0, 0, funcs.BadArg(windowFn, "window", "a pair of integers or durations")
		}
	}
	if ends[0] > ends[1] {
		return 0, 0, funcs.BadArg(windowFn, "window", "a pair a:b with a <= b")
	}
	return ends[0], ends[1], nil
}

// ConsumeLeft implements streamengine.JoinEngine: each row waits for
// its window to close; those whose window has closed already are
// computed.
func (e *windowEngine) ConsumeLeft(batch *value.Table) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	start := time.Now()
	lt := e.times(batch, e.ltime)
	base := appendStore(e.lstore, batch)
	for r, n := 0, batch.Rows(); r < n; r++ {
		g := e.groups.Row(batch, e.lkey, r, newWindowGroup)
		t := lt[r]
		lo, hi := t+e.a, t+e.b
		if e.special {
			lo, hi = g.prevLeft, t-1
			if e.closedR {
				lo, hi = g.prevLeft+1, t
				if g.prevLeft == math.MinInt64 {
					lo = math.MinInt64
				}
			}
		}
		g.prevLeft = t
		g.left, g.lo, g.hi, g.ltimes = append(g.left, base+r), append(g.lo, lo), append(g.hi, hi), append(g.ltimes, t)
	}
	return e.emit(start, batch.Rows())
}

// ConsumeRight implements streamengine.JoinEngine: the rows are kept
// and the windows they close are computed.
func (e *windowEngine) ConsumeRight(batch *value.Table) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	start := time.Now()
	rt := e.times(batch, e.rtime)
	base := appendStore(e.rstore, batch)
	for r, n := 0, batch.Rows(); r < n; r++ {
		g := e.groups.Row(batch, e.rkey, r, newWindowGroup)
		g.right, g.rtimes = append(g.right, base+r), append(g.rtimes, rt[r])
		e.latestRight = max(e.latestRight, rt[r])
	}
	return e.emit(start, batch.Rows())
}

// emit computes every waiting window that has closed: a right row of
// its key later than its end has arrived, or (a:b windows) a right row
// of any key more than maxDelayedTime later than its end.
func (e *windowEngine) emit(start time.Time, batchRows int) error {
	now := int64(0)
	if e.sysTime {
		now = e.nowMs()
	}
	var li, ri, gid []int
	var wl []int // the left row of each window, in window order
	var wt []int64
	for _, g := range e.groups.All {
		last := int64(math.MinInt64)
		if len(g.rtimes) > 0 {
			last = g.rtimes[len(g.rtimes)-1]
		}
		n := 0
		for n < len(g.left) && e.closed(g, n, last, now) {
			n++
		}
		for i := 0; i < n; i++ {
			from := sort.Search(len(g.rtimes), func(x int) bool { return g.rtimes[x] >= g.lo[i] })
			to := sort.Search(len(g.rtimes), func(x int) bool { return g.rtimes[x] > g.hi[i] })
			w := len(wl)
			wl, wt = append(wl, g.left[i]), append(wt, g.ltimes[i])
			if from == to {
				li, ri, gid = append(li, g.left[i]), append(ri, -1), append(gid, w)
			}
			for x := from; x < to; x++ {
				li, ri, gid = append(li, g.left[i]), append(ri, g.right[x]), append(gid, w)
			}
		}
		if n == 0 {
			continue
		}
		g.left, g.lo, g.hi, g.ltimes = g.left[n:], g.lo[n:], g.hi[n:], g.ltimes[n:]
		// right rows before every later window's start are done with
		keep := g.prevLeft
		if !e.special {
			keep = g.ltimes0(e.a)
		}
		if len(g.left) > 0 {
			keep = min(keep, g.lo[0])
		}
		p := sort.Search(len(g.rtimes), func(x int) bool { return g.rtimes[x] >= keep })
		g.right, g.rtimes = g.right[p:], g.rtimes[p:]
	}
	if len(wl) == 0 {
		return nil
	}
	if e.sortBy {
		perm := stableOrder(len(wl), func(w int) int64 { return wt[w] })
		rank := make([]int, len(perm))
		for r, w := range perm {
			rank[w] = r
		}
		idx := stableOrder(len(li), func(i int) int64 { return int64(rank[gid[i]]) })
		li2, ri2, gid2 := make([]int, len(li)), make([]int, len(li)), make([]int, len(li))
		for i, x := range idx {
			li2[i], ri2[i], gid2[i] = li[x], ri[x], rank[gid[x]]
		}
		wl2 := make([]int, len(wl))
		for w, r := range rank {
			wl2[r] = wl[w]
		}
		wt2 := make([]int64, len(wt))
		for w, r := range rank {
			wt2[r] = wt[w]
		}
		li, ri, gid, wl, wt = li2, ri2, gid2, wl2, wt2
	}
	err := e.write(li, ri, gid, wl, wt, start, batchRows)
	e.lstore, e.rstore = collect(e.groups.All, e.lstore, e.rstore, e.garbage, func(g *windowGroup) ([]int, []int) { return g.left, g.right })
	return err
}

// times is the time of each row of batch: its time column's, or with
// useSystemTime the millisecond it arrived (for a 0:0 window, its place
// among all arrivals, so that a window holds the right rows that
// arrived since the previous left row).
func (e *windowEngine) times(batch *value.Table, c int) []int64 {
	if !e.sysTime {
		return times(batch, c)
	}
	out := make([]int64, batch.Rows())
	now := e.nowMs()
	for i := range out {
		if e.special {
			e.seq++
			out[i] = e.seq
		} else {
			out[i] = now
		}
	}
	return out
}

func (e *windowEngine) nowMs() int64 { return wallclock.Millis(streamengine.Now(e.bg)) }

// tick computes, with useSystemTime, the windows whose end the clock
// has passed.
func (e *windowEngine) tick(now time.Time) {
	e.mu.Lock()
	defer e.mu.Unlock()
	_ = e.emit(now, 0)
}

// closed reports whether g's i-th waiting window has closed, given the
// time of g's last right row.
func (e *windowEngine) closed(g *windowGroup, i int, last, now int64) bool {
	switch {
	case e.sysTime && e.special:
		return true
	case e.sysTime:
		return g.hi[i] < now
	case g.hi[i] < last:
		return true
	}
	return !e.special && e.latestRight != math.MinInt64 && g.hi[i] < e.latestRight-e.maxDelay
}

// ltimes0 is where the next a:b window of g can start at the earliest:
// its last left row's time plus a.
func (g *windowGroup) ltimes0(a int64) int64 {
	if g.prevLeft == math.MinInt64 {
		return math.MinInt64
	}
	return g.prevLeft + a
}

// write computes the metrics per window in one query: grouped by
// window when they aggregate, else by context, whose rows a 0:0 window
// folds into one per window (array vectors for the output's array
// columns).
func (e *windowEngine) write(li, ri, gid, wl []int, wt []int64, start time.Time, batchRows int) error {
	t, bind := joined(e.lstore, li, e.rstore, ri, e.metrics.Bind, e.lname, e.rname)
	g32 := make([]int32, len(gid))
	for i, x := range gid {
		g32[i] = int32(x)
	}
	t.Names, t.Cols = append(t.Names, groupCol), append(t.Cols, value.NewInts(g32))
	for _, c := range e.hidden {
		t.Names, t.Cols = append(t.Names, rightCol(e.rstore.Names[c])), append(t.Cols, value.GatherOrNull(e.rstore.Cols[c], ri))
	}
	exprs := uniqueNames(e.exprs)
	keys := []ast.Expr{&ast.Ident{Name: groupCol}}
	var res *value.Table
	var err error
	perWindow := true
	if !e.groupedKnown || e.grouped {
		sel := streamengine.Select(exprs)
		sel.GroupBy = keys
		res, err = streamengine.Run(e.bg, sel, t, bind)
		switch {
		case err == nil:
			e.grouped, e.groupedKnown = true, true
			res = value.NewTable(res.Names[1:], res.Cols[1:])
		case !e.groupedKnown && strings.Contains(err.Error(), "S02022"):
			e.grouped, e.groupedKnown = false, true
		default:
			return err
		}
	}
	if !e.grouped {
		sel := streamengine.Select(exprs)
		sel.ContextBy = keys
		if res, err = streamengine.Run(e.bg, sel, t, bind); err != nil {
			return err
		}
		perWindow = false
		if e.special {
			res, perWindow = e.fold(res, gid, ri, len(wl)), true
		}
	}
	var lead []*value.Vector
	rows := li
	if perWindow {
		rows = wl
	}
	if e.sysTime {
		// the time a left row arrived at (for 0:0, when it was joined)
		ms := make([]int64, len(rows))
		for i := range ms {
			w := i
			if !perWindow {
				w = gid[i]
			}
			if e.special {
				ms[i] = e.nowMs()
			} else {
				ms[i] = wt[w]
			}
		}
		lead = append(lead, &value.Vector{T: value.Timestamp, I64: ms})
	} else {
		lead = append(lead, e.lstore.Cols[e.ltime].Gather(rows))
	}
	for _, c := range e.lkey {
		lead = append(lead, e.lstore.Cols[c].Gather(rows))
	}
	out := output(lead, res, e.elapsed, start, batchRows)
	if err := e.fill(out); err != nil {
		return err
	}
	return streamengine.Emit(e.bg, e.out, out)
}

// fold makes one row per window of a context-by result: the output's
// array-vector columns get the window's values (none for an empty
// window), the others the window's first value.
func (e *windowEngine) fold(res *value.Table, gid, ri []int, windows int) *value.Table {
	first := make([]int, windows)
	for i := range first {
		first[i] = -1
	}
	for i := len(gid) - 1; i >= 0; i-- {
		first[gid[i]] = i
	}
	lead := 1 + len(e.lkey)
	cols := make([]*value.Vector, len(res.Cols))
	for c, col := range res.Cols {
		oc := lead + c
		if oc < len(e.outTypes) && e.outTypes[oc].IsArray() && !col.T.IsArray() && col.T != value.Any {
			var idx []int
			offs := make([]int64, windows)
			at := 0
			for w := 0; w < windows; w++ {
				for at < len(gid) && gid[at] == w {
					if ri[at] >= 0 {
						idx = append(idx, at)
					}
					at++
				}
				offs[w] = int64(len(idx))
			}
			flat := col.Gather(idx)
			arr := *flat
			arr.T = col.T + value.ArrayOffset
			arr.Offsets = offs
			cols[c] = &arr
			continue
		}
		cols[c] = col.Gather(first)
	}
	return value.NewTable(res.Names, cols)
}

// fill replaces the NULLs of each output column by nullFill's element.
func (e *windowEngine) fill(out *value.Table) error {
	if len(e.nullFill) == 0 {
		return nil
	}
	nf, _ := funcs.Lookup("nullFill")
	for i, c := range out.Cols {
		if i >= len(e.nullFill) || c.T.IsArray() || !c.HasNull() {
			continue
		}
		if s, ok := e.nullFill[i].(*value.Scalar); !ok || s.Null {
			continue
		}
		v, err := e.bg.Call(nf, c, e.nullFill[i])
		if err != nil {
			return err
		}
		if fv, ok := v.(*value.Vector); ok {
			out.Cols[i] = fv
		}
	}
	return nil
}

// Stat implements streamengine.JoinEngine: getStreamEngineStat's
// WindowJoinEngine columns.
func (e *windowEngine) Stat() ([]string, []value.Value) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return []string{"garbageSize", "leftTableNumRows", "rightTableNumRows", "numMetrics", "metrics", "memoryUsed"},
		[]value.Value{value.NewLong(int64(e.garbage)), value.NewLong(int64(e.lstore.Rows())), value.NewLong(int64(e.rstore.Rows())),
			value.NewInt(int32(len(e.metrics.Exprs))), value.NewString(e.metrics.Text),
			memoryUsed(e.lstore, e.rstore)}
}

// Close implements streamengine.JoinEngine.
func (e *windowEngine) Close() { e.timer.Stop() }

// newWindowGroup is the state of a key's first row.
func newWindowGroup(int) *windowGroup { return &windowGroup{prevLeft: math.MinInt64} }
