package joinengine

import (
	"math"
	"sync"
	"time"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/insert"
	"github.com/porpoisedb/porpoise/value"
)

const equiFn = "createEquiJoinEngine"

// keyedCache is one side's rows by key, the latest row of a key
// overwriting the one before, each marked once it has been joined.
type keyedCache struct {
	store  *value.Table
	index  map[string]int
	keys   []string
	joined []bool
}

func newKeyedCache(schema *value.Table) *keyedCache {
	return &keyedCache{store: schema.EmptyLike(0), index: map[string]int{}}
}

// put writes row r of batch under key, unjoined.
func (c *keyedCache) put(key string, batch *value.Table, r int) {
	if at, ok := c.index[key]; ok {
		for i, col := range c.store.Cols {
			insert.SetRow(col, at, batch.Cols[i], r)
		}
		c.joined[at] = false
		return
	}
	c.index[key] = c.store.Rows()
	c.keys = append(c.keys, key)
	c.joined = append(c.joined, false)
	for i, col := range c.store.Cols {
		col.AppendFrom(batch.Cols[i], r)
	}
}

// keep keeps the rows keep says, in order.
func (c *keyedCache) keep(keep func(row int) bool) {
	var idx []int
	for r := range c.keys {
		if keep(r) {
			idx = append(idx, r)
		}
	}
	if len(idx) == len(c.keys) {
		return
	}
	c.store = c.store.Gather(idx)
	keys, joined := make([]string, len(idx)), make([]bool, len(idx))
	clear(c.index)
	for i, r := range idx {
		keys[i], joined[i] = c.keys[r], c.joined[r]
		c.index[keys[i]] = i
	}
	c.keys, c.joined = keys, joined
}

// equiEngine joins rows of equal matching columns and time: an arriving
// row is joined to the other side's cached row of its key, else cached.
type equiEngine struct {
	writer
	mu         sync.Mutex
	lkey, rkey []int // matching columns, then the time column
	ltime      int
	garbage    int
	maxDelay   int64
	lc, rc     *keyedCache
	latest     int64
	keyBuf     []byte
}

func createEquiJoinEngine(env funcs.Env, args []value.Value) (value.Value, error) {
	arg := func(i int) value.Value { return funcs.Arg(args, i) }
	left, right, err := sides(equiFn, args)
	if err != nil {
		return nil, err
	}
	e := &equiEngine{writer: writer{out: arg(3), lname: tableName(env, left), rname: tableName(env, right)}, latest: math.MinInt64}
	if e.metrics, err = streamengine.ParseMetrics(equiFn, arg(4)); err != nil {
		return nil, err
	}
	if e.lkey, e.rkey, err = matching(equiFn, arg(5), left, right); err != nil {
		return nil, err
	}
	lt, rt, err := timeColumns(equiFn, arg(6), left, right)
	if err != nil {
		return nil, err
	}
	if lt < 0 {
		return nil, funcs.BadArg(equiFn, "timeColumn", "a column name or a vector of the left and the right table's")
	}
	e.ltime = lt
	e.lkey, e.rkey = append(e.lkey, lt), append(e.rkey, rt)
	if e.garbage, err = garbageArg(equiFn, arg(7)); err != nil {
		return nil, err
	}
	e.maxDelay = 3e9 / max(1, value.TickNanos(left.Cols[lt].T))
	if !funcs.NullOrAbsent(arg(8)) {
		if e.maxDelay, err = funcs.PositiveIntArg(equiFn, "maxDelayedTime", arg(8), 1); err != nil {
			return nil, err
		}
	}
	e.lc, e.rc = newKeyedCache(left), newKeyedCache(right)
	return streamengine.CreateJoin(env, "EqualJoinEngine", arg(0), left, right, func(bg funcs.Env) (streamengine.JoinEngine, error) {
		e.bg = bg
		return e, nil
	})
}

// ConsumeLeft implements streamengine.JoinEngine.
func (e *equiEngine) ConsumeLeft(batch *value.Table) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.consume(batch, true)
}

// ConsumeRight implements streamengine.JoinEngine.
func (e *equiEngine) ConsumeRight(batch *value.Table) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.consume(batch, false)
}

// consume joins the batch's rows found in the other side's cache, in
// one query, and caches the others.
func (e *equiEngine) consume(batch *value.Table, isLeft bool) error {
	keyCols, own, other := e.rkey, e.rc, e.lc
	if isLeft {
		keyCols, own, other = e.lkey, e.lc, e.rc
	}
	ts := times(batch, keyCols[len(keyCols)-1])
	var mine, theirs []int
	for r, n := 0, batch.Rows(); r < n; r++ {
		e.latest = max(e.latest, ts[r])
		e.keyBuf = streamengine.RowKey(e.keyBuf[:0], batch, keyCols, r)
		if at, ok := other.index[string(e.keyBuf)]; ok {
			mine, theirs = append(mine, r), append(theirs, at)
			other.joined[at] = true
			continue
		}
		own.put(string(e.keyBuf), batch, r)
	}
	var err error
	if len(mine) > 0 {
		if isLeft {
			err = e.write(batch, mine, other.store, theirs)
		} else {
			err = e.write(other.store, theirs, batch, mine)
		}
	}
	e.collect()
	return err
}

func (e *equiEngine) write(l *value.Table, li []int, r *value.Table, ri []int) error {
	t, res, err := e.compute(l, li, r, ri)
	if err != nil {
		return err
	}
	lead := append([]*value.Vector{t.Cols[e.ltime]}, columnsOf(t, e.lkey[:len(e.lkey)-1])...)
	return streamengine.Emit(e.bg, e.out, output(lead, res, false, time.Time{}, 0))
}

// collect drops, once a cache holds more than garbageSize rows, its
// joined rows and those more than maxDelayedTime older than the newest
// time seen.
func (e *equiEngine) collect() {
	for _, c := range []*keyedCache{e.lc, e.rc} {
		if len(c.keys) <= e.garbage {
			continue
		}
		tcol := e.ltime
		if c == e.rc {
			tcol = e.rkey[len(e.rkey)-1]
		}
		ts := times(c.store, tcol)
		c.keep(func(r int) bool { return !c.joined[r] && ts[r] >= e.latest-e.maxDelay })
	}
}

// Stat implements streamengine.JoinEngine: getStreamEngineStat's
// EqualJoinEngine columns.
func (e *equiEngine) Stat() ([]string, []value.Value) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return []string{"garbageSize", "leftTableNumRows", "rightTableNumRows", "numMetrics", "metrics", "memoryUsed"},
		[]value.Value{value.NewLong(int64(e.garbage)), value.NewLong(int64(e.lc.store.Rows())), value.NewLong(int64(e.rc.store.Rows())),
			value.NewInt(int32(len(e.metrics.Exprs))), value.NewString(e.metrics.Text),
			memoryUsed(e.lc.store, e.rc.store)}
}

// Close implements streamengine.JoinEngine.
func (e *equiEngine) Close() {}
