package joinengine

import (
	"math"
	"sort"
	"sync"
	"time"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/ticker"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wallclock"
)

const asofFn = "createAsofJoinEngine"

// asofGroup is one key's state: its right rows (positions in the right
// store, in time order) and its left rows not yet joined.
type asofGroup struct {
	right  []int
	rtimes []int64
	left   []int
	ltimes []int64
	larr   []time.Time // when each pending left row arrived
	// lastLeft is the time of the last left row joined: later left rows
	// are not earlier, so right rows before the last one at or before it
	// are no longer needed.
	lastLeft int64
}

// asofEngine joins each left row to the right row of its key that is
// the latest at or before its time, once a right row later than it has
// arrived (or delayedTime forces it, or at once with useSystemTime).
type asofEngine struct {
	writer
	mu      sync.Mutex
	lkey    []int
	rkey    []int
	ltime   int
	rtime   int
	sysTime bool
	delayed int64 // in the time column's unit; 0: none
	timeout time.Duration
	garbage int
	sortBy  bool
	elapsed bool

	lstore, rstore *value.Table
	groups         *streamengine.Groups[*asofGroup]
	latestLeft     int64
	haveLeft       bool

	timer ticker.Timer
}

func createAsofJoinEngine(env funcs.Env, args []value.Value) (value.Value, error) {
	arg := func(i int) value.Value { return funcs.Arg(args, i) }
	left, right, err := sides(asofFn, args)
	if err != nil {
		return nil, err
	}
	e := &asofEngine{writer: writer{out: arg(3), lname: tableName(env, left), rname: tableName(env, right)}, groups: streamengine.NewRowGroups[*asofGroup]()}
	if e.metrics, err = streamengine.ParseMetrics(asofFn, arg(4)); err != nil {
		return nil, err
	}
	if e.lkey, e.rkey, err = matching(asofFn, arg(5), left, right); err != nil {
		return nil, err
	}
	if e.sysTime, err = funcs.BoolArg(asofFn, "useSystemTime", arg(7), false); err != nil {
		return nil, err
	}
	if e.ltime, e.rtime, err = timeColumns(asofFn, arg(6), left, right); err != nil {
		return nil, err
	}
	if !e.sysTime && e.ltime < 0 {
		return nil, funcs.BadArg(asofFn, "timeColumn", "given when useSystemTime is false")
	}
	if !funcs.NullOrAbsent(arg(8)) {
		if e.delayed, err = funcs.PositiveIntArg(asofFn, "delayedTime", arg(8), 1); err != nil {
			return nil, err
		}
		if e.ltime < 0 {
			return nil, funcs.BadArg(asofFn, "timeColumn", "given with delayedTime")
		}
		ms := time.Duration(2*e.delayed*value.TickNanos(left.Cols[e.ltime].T)) * time.Nanosecond
		e.timeout = max(ms, 2*time.Second)
	}
	if e.garbage, err = garbageArg(asofFn, arg(9)); err != nil {
		return nil, err
	}
	if e.sortBy, err = funcs.BoolArg(asofFn, "sortByTime", arg(10), false); err != nil {
		return nil, err
	}
	if e.sortBy && e.delayed > 0 {
		return nil, funcs.BadArg(asofFn, "delayedTime", "left out when sortByTime is true")
	}
	if e.elapsed, err = funcs.BoolArg(asofFn, "outputElapsedMicroseconds", arg(11), false); err != nil {
		return nil, err
	}
	// snapshotDir and snapshotIntervalInMsgCount (12, 13) are accepted
	// and ignored.
	e.lstore, e.rstore = left.EmptyLike(0), right.EmptyLike(0)
	return streamengine.CreateJoin(env, "AsofJoinEngine", arg(0), left, right, func(bg funcs.Env) (streamengine.JoinEngine, error) {
		e.bg = bg
		if e.timeout > 0 {
			e.timer.Start(100*time.Millisecond, streamengine.Ticked(bg, e.Outputs(), e.tick))
		}
		return e, nil
	})
}

// times is column c of t as int64s (NULL as math.MinInt64).
func times(t *value.Table, c int) []int64 {
	v := t.Cols[c]
	n := v.Len()
	out := make([]int64, n)
	switch v.T.Storage() {
	case value.StInt32:
		for i, x := range v.I32[:n] {
			out[i] = int64(x)
			if x == value.NullInt32 {
				out[i] = math.MinInt64
			}
		}
	case value.StInt64:
		copy(out, v.I64[:n])
	}
	return out
}

// ConsumeRight implements streamengine.JoinEngine: the right rows are
// kept, and each key's left rows earlier than its latest right row are
// joined.
func (e *asofEngine) ConsumeRight(batch *value.Table) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	start := time.Now()
	var rt []int64
	if e.rtime >= 0 {
		rt = times(batch, e.rtime)
	}
	base := appendStore(e.rstore, batch)
	touched := map[*asofGroup]bool{}
	for r, n := 0, batch.Rows(); r < n; r++ {
		g := e.groups.Row(batch, e.rkey, r, newAsofGroup)
		t := int64(0)
		if rt != nil {
			t = rt[r]
		}
		g.right = append(g.right, base+r)
		g.rtimes = append(g.rtimes, t)
		touched[g] = true
	}
	if e.sysTime {
		return nil
	}
	return e.emit(start, batch.Rows(), func(g *asofGroup) int {
		if !touched[g] || len(g.rtimes) == 0 {
			return 0
		}
		last := g.rtimes[len(g.rtimes)-1]
		return sort.Search(len(g.ltimes), func(i int) bool { return g.ltimes[i] >= last })
	})
}

// ConsumeLeft implements streamengine.JoinEngine: with useSystemTime
// each row is joined at once; otherwise a row waits until a later right
// row of its key arrives, or delayedTime forces it.
func (e *asofEngine) ConsumeLeft(batch *value.Table) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	start := time.Now()
	var lt []int64
	if e.ltime >= 0 {
		lt = times(batch, e.ltime)
	}
	base := appendStore(e.lstore, batch)
	for r, n := 0, batch.Rows(); r < n; r++ {
		g := e.groups.Row(batch, e.lkey, r, newAsofGroup)
		t := int64(0)
		if lt != nil {
			t = lt[r]
			if !e.haveLeft || t > e.latestLeft {
				e.latestLeft, e.haveLeft = t, true
			}
		}
		g.left = append(g.left, base+r)
		g.ltimes = append(g.ltimes, t)
		g.larr = append(g.larr, start)
	}
	return e.emit(start, batch.Rows(), func(g *asofGroup) int {
		if e.sysTime {
			return len(g.left)
		}
		n := 0
		if len(g.rtimes) > 0 {
			last := g.rtimes[len(g.rtimes)-1]
			n = sort.Search(len(g.ltimes), func(i int) bool { return g.ltimes[i] >= last })
		}
		if e.delayed > 0 {
			// rows more than delayedTime older than the newest left row
			cut := e.latestLeft - e.delayed
			n = max(n, sort.Search(len(g.ltimes), func(i int) bool { return g.ltimes[i] >= cut }))
		}
		return n
	})
}

// tick forces the join of left rows that have waited 2 * delayedTime
// (at least 2 seconds).
func (e *asofEngine) tick(now time.Time) {
	e.mu.Lock()
	defer e.mu.Unlock()
	_ = e.emit(now, 0, func(g *asofGroup) int {
		return sort.Search(len(g.larr), func(i int) bool { return now.Sub(g.larr[i]) < e.timeout })
	})
}

// emit joins, for every key in the order keys arrived, its first
// ready(g) pending left rows, each to the key's latest right row at or
// before its time, and writes them in one query's output.
func (e *asofEngine) emit(start time.Time, batchRows int, ready func(g *asofGroup) int) error {
	var li, ri []int
	var lt []int64
	for _, g := range e.groups.All {
		n := ready(g)
		if n <= 0 {
			continue
		}
		for i := 0; i < n; i++ {
			j := -1
			if e.sysTime {
				if len(g.right) > 0 {
					j = g.right[len(g.right)-1]
				}
			} else {
				p := sort.Search(len(g.rtimes), func(x int) bool { return g.rtimes[x] > g.ltimes[i] })
				if p > 0 {
					j = g.right[p-1]
				}
			}
			li, ri, lt = append(li, g.left[i]), append(ri, j), append(lt, g.ltimes[i])
		}
		g.lastLeft = g.ltimes[n-1]
		g.left, g.ltimes, g.larr = g.left[n:], g.ltimes[n:], g.larr[n:]
		e.trimRight(g)
	}
	if len(li) == 0 {
		return nil
	}
	if e.sortBy {
		idx := stableOrder(len(li), func(i int) int64 { return lt[i] })
		li2, ri2 := make([]int, len(li)), make([]int, len(ri))
		for i, x := range idx {
			li2[i], ri2[i] = li[x], ri[x]
		}
		li, ri = li2, ri2
	}
	err := e.write(li, ri, start, batchRows)
	e.lstore, e.rstore = collect(e.groups.All, e.lstore, e.rstore, e.garbage, func(g *asofGroup) ([]int, []int) { return g.left, g.right })
	return err
}

// trimRight drops the right rows of g no later left row can match: all
// before the last one at or before the last joined left row's time.
func (e *asofEngine) trimRight(g *asofGroup) {
	if e.sysTime {
		if len(g.right) > 1 {
			g.right, g.rtimes = g.right[len(g.right)-1:], g.rtimes[len(g.rtimes)-1:]
		}
		return
	}
	p := sort.Search(len(g.rtimes), func(x int) bool { return g.rtimes[x] > g.lastLeft })
	if p > 1 {
		g.right, g.rtimes = g.right[p-1:], g.rtimes[p-1:]
	}
}

// write computes the metrics over the joined rows and writes the time,
// the matching columns, the metrics and the elapsed columns.
func (e *asofEngine) write(li, ri []int, start time.Time, batchRows int) error {
	t, res, err := e.compute(e.lstore, li, e.rstore, ri)
	if err != nil {
		return err
	}
	var tcol *value.Vector
	if e.sysTime {
		now := streamengine.Now(e.bg)
		ms := make([]int64, len(li))
		for i := range ms {
			ms[i] = wallclock.Millis(now)
		}
		tcol = &value.Vector{T: value.Timestamp, I64: ms}
	} else {
		tcol = t.Cols[e.ltime]
	}
	lead := append([]*value.Vector{tcol}, columnsOf(t, e.lkey)...)
	return streamengine.Emit(e.bg, e.out, output(lead, res, e.elapsed, start, batchRows))
}

// Stat implements streamengine.JoinEngine: getStreamEngineStat's
// AsofJoinEngine columns.
func (e *asofEngine) Stat() ([]string, []value.Value) {
	e.mu.Lock()
	defer e.mu.Unlock()
	delayed := value.NullScalar(value.Long)
	if e.delayed > 0 {
		delayed = value.NewLong(e.delayed)
	}
	return []string{"useSystemTime", "delayedTime", "garbageSize", "leftTableNumRows", "rightTableNumRows", "numMetrics", "metrics", "memoryUsed"},
		[]value.Value{value.NewBool(e.sysTime), delayed, value.NewLong(int64(e.garbage)), value.NewLong(int64(e.lstore.Rows())), value.NewLong(int64(e.rstore.Rows())),
			value.NewInt(int32(len(e.metrics.Exprs))), value.NewString(e.metrics.Text),
			memoryUsed(e.lstore, e.rstore)}
}

// Close implements streamengine.JoinEngine.
func (e *asofEngine) Close() { e.timer.Stop() }

// newAsofGroup is the state of a key's first row.
func newAsofGroup(int) *asofGroup { return &asofGroup{lastLeft: math.MinInt64} }
