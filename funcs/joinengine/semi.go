package joinengine

import (
	"sort"
	"sync"
	"time"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/value"
)

const semiFn = "createLeftSemiJoinEngine"

// semiEngine joins each left row to the right row of its key, the
// first one or (updateRightTable) the latest: at once if the right has
// the key, else once a right row of the key arrives; a left row without
// one is never written.
type semiEngine struct {
	writer
	mu         sync.Mutex
	lkey, rkey []int
	garbage    int
	latest     bool

	right   *keyedCache
	pending *value.Table // left rows waiting for a right row of their key
	waiting map[string][]int
	done    int // rows of pending joined since it was last compacted
	keyBuf  []byte
}

func createLeftSemiJoinEngine(env funcs.Env, args []value.Value) (value.Value, error) {
	arg := func(i int) value.Value { return funcs.Arg(args, i) }
	left, right, err := sides(semiFn, args)
	if err != nil {
		return nil, err
	}
	e := &semiEngine{writer: writer{out: arg(3), lname: tableName(env, left), rname: tableName(env, right)}, waiting: map[string][]int{}}
	if e.metrics, err = streamengine.ParseMetrics(semiFn, arg(4)); err != nil {
		return nil, err
	}
	if e.lkey, e.rkey, err = matching(semiFn, arg(5), left, right); err != nil {
		return nil, err
	}
	if e.garbage, err = garbageArg(semiFn, arg(6)); err != nil {
		return nil, err
	}
	if e.latest, err = funcs.BoolArg(semiFn, "updateRightTable", arg(7), false); err != nil {
		return nil, err
	}
	// snapshotDir and snapshotIntervalInMsgCount (8, 9) are accepted and
	// ignored.
	e.right, e.pending = newKeyedCache(right), left.EmptyLike(0)
	return streamengine.CreateJoin(env, "LeftSemiJoinEngine", arg(0), left, right, func(bg funcs.Env) (streamengine.JoinEngine, error) {
		e.bg = bg
		return e, nil
	})
}

// ConsumeLeft implements streamengine.JoinEngine: rows whose key the
// right has are joined in one query; the others wait.
func (e *semiEngine) ConsumeLeft(batch *value.Table) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	var li, ri []int
	for r, n := 0, batch.Rows(); r < n; r++ {
		e.keyBuf = streamengine.RowKey(e.keyBuf[:0], batch, e.lkey, r)
		if at, ok := e.right.index[string(e.keyBuf)]; ok {
			li, ri = append(li, r), append(ri, at)
			continue
		}
		e.waiting[string(e.keyBuf)] = append(e.waiting[string(e.keyBuf)], e.pending.Rows())
		for c, col := range e.pending.Cols {
			col.AppendFrom(batch.Cols[c], r)
		}
	}
	return e.write(batch, li, ri)
}

// ConsumeRight implements streamengine.JoinEngine: the right keeps each
// key's first (or latest) row, and the left rows waiting for the keys
// the batch brings are joined, in the order they arrived, in one query.
func (e *semiEngine) ConsumeRight(batch *value.Table) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	var li []int
	for r, n := 0, batch.Rows(); r < n; r++ {
		e.keyBuf = streamengine.RowKey(e.keyBuf[:0], batch, e.rkey, r)
		if _, ok := e.right.index[string(e.keyBuf)]; !ok || e.latest {
			e.right.put(string(e.keyBuf), batch, r)
		}
		if w, ok := e.waiting[string(e.keyBuf)]; ok {
			li = append(li, w...)
			delete(e.waiting, string(e.keyBuf))
		}
	}
	if len(li) == 0 {
		return nil
	}
	sort.Ints(li)
	ri := make([]int, len(li))
	for i, r := range li {
		e.keyBuf = streamengine.RowKey(e.keyBuf[:0], e.pending, e.lkey, r)
		ri[i] = e.right.index[string(e.keyBuf)]
	}
	err := e.write(e.pending, li, ri)
	e.done += len(li)
	if e.done > e.garbage {
		e.compact()
	}
	return err
}

// compact drops the joined rows of pending.
func (e *semiEngine) compact() {
	var keep []int
	for k, rows := range e.waiting {
		for i, r := range rows {
			rows[i] = len(keep)
			keep = append(keep, r)
		}
		e.waiting[k] = rows
	}
	e.pending = e.pending.Gather(keep)
	e.done = 0
}

func (e *semiEngine) write(l *value.Table, li, ri []int) error {
	if len(li) == 0 {
		return nil
	}
	t, res, err := e.compute(l, li, e.right.store, ri)
	if err != nil {
		return err
	}
	return streamengine.Emit(e.bg, e.out, output(columnsOf(t, e.lkey), res, false, time.Time{}, 0))
}

// Stat implements streamengine.JoinEngine: getStreamEngineStat's
// LeftSemiJoinEngine columns.
func (e *semiEngine) Stat() ([]string, []value.Value) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return []string{"garbageSize", "leftTableNumRows", "rightTableNumRows", "numMetrics", "metrics", "memoryUsed"},
		[]value.Value{value.NewLong(int64(e.garbage)), value.NewLong(int64(e.pending.Rows())), value.NewLong(int64(e.right.store.Rows())),
			value.NewInt(int32(len(e.metrics.Exprs))), value.NewString(e.metrics.Text),
			memoryUsed(e.pending, e.right.store)}
}

// Close implements streamengine.JoinEngine.
func (e *semiEngine) Close() {}
