package joinengine

import (
	"sync"
	"time"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/wallclock"
)

const snapshotFn = "createSnapshotJoinEngine"

// snapshotEngine joins the rows appended to either side with the rows
// the other side keeps of their key: each key's latest, or with
// keepLeftDuplicates / keepRightDuplicates all of them
// (funcs/c/createsnapshotjoinengine.md). An inner join outputs matches
// only; an outer one also each new row without a match, the other
// side's columns NULL.
type snapshotEngine struct {
	writer
	mu      sync.Mutex
	l, r    *snapSide
	inner   bool
	elapsed bool
	keyBuf  []byte
}

// snapSide is the rows one side keeps.
type snapSide struct {
	keptRows
	arrive []int64 // each kept row's arrival, epoch milliseconds
	key    []int
	time   int // the time column, -1 for the arrival time
}

func newSnapSide(t *value.Table, key []int, tc int, dup bool) *snapSide {
	return &snapSide{keptRows: newKeptRows(t, dup), key: key, time: tc}
}

// createSnapshotJoinEngine(name, leftTable, rightTable, outputTable,
// metrics, matchingColumn, [timeColumn], [outputElapsedMicroseconds],
// [keepLeftDuplicates], [keepRightDuplicates], [isInnerJoin],
// [snapshotDir], [snapshotIntervalInMsgCount]).
func createSnapshotJoinEngine(env funcs.Env, args []value.Value) (value.Value, error) {
	arg := func(i int) value.Value { return funcs.Arg(args, i) }
	left, right, err := sides(snapshotFn, args)
	if err != nil {
		return nil, err
	}
	e := &snapshotEngine{writer: writer{out: arg(3), lname: tableName(env, left), rname: tableName(env, right)}}
	if e.metrics, err = streamengine.ParseMetrics(snapshotFn, arg(4)); err != nil {
		return nil, err
	}
	lkey, rkey, err := matching(snapshotFn, arg(5), left, right)
	if err != nil {
		return nil, err
	}
	lt, rt := -1, -1
	if tc := arg(6); !funcs.NullOrAbsent(tc) {
		names, ok := funcs.NamesArg(tc)
		if !ok || len(names) < 1 || len(names) > 2 {
			return nil, funcs.BadArg(snapshotFn, "timeColumn", "a column name or a vector of the left and the right table's")
		}
		if lt, err = columnOpt(snapshotFn, "timeColumn", value.NewString(names[0]), left); err != nil {
			return nil, err
		}
		if rt, err = columnOpt(snapshotFn, "timeColumn", value.NewString(names[len(names)-1]), right); err != nil {
			return nil, err
		}
		if left.Cols[lt].T != right.Cols[rt].T {
			return nil, funcs.BadArg(snapshotFn, "timeColumn", "columns of one type")
		}
	}
	if e.elapsed, err = funcs.BoolArg(snapshotFn, "outputElapsedMicroseconds", funcs.GivenArg(args, 7), false); err != nil {
		return nil, err
	}
	ra := funcs.ReadArgs(snapshotFn, args)
	ldup := ra.Bool("keepLeftDuplicates", funcs.GivenArg(args, 8), false)
	rdup := ra.Bool("keepRightDuplicates", funcs.GivenArg(args, 9), false)
	if err := ra.Err(); err != nil {
		return nil, err
	}
	if e.inner, err = funcs.BoolArg(snapshotFn, "isInnerJoin", funcs.GivenArg(args, 10), true); err != nil {
		return nil, err
	}
	// snapshotDir and snapshotIntervalInMsgCount (11, 12) are accepted
	// and ignored, as the other join engines do.
	e.l, e.r = newSnapSide(left, lkey, lt, ldup), newSnapSide(right, rkey, rt, rdup)
	return streamengine.CreateJoin(env, "SnapshotJoinEngine", arg(0), left, right, func(bg funcs.Env) (streamengine.JoinEngine, error) {
		e.bg = bg
		return e, nil
	})
}

// ConsumeLeft implements streamengine.JoinEngine.
func (e *snapshotEngine) ConsumeLeft(batch *value.Table) error { return e.consume(batch, true) }

// ConsumeRight implements streamengine.JoinEngine.
func (e *snapshotEngine) ConsumeRight(batch *value.Table) error { return e.consume(batch, false) }

// consume joins a batch of one side's rows with the rows the other side
// keeps, row by row in the batch's order and each row's matches in the
// order they came, then keeps the batch's rows.
func (e *snapshotEngine) consume(batch *value.Table, isLeft bool) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	start := time.Now()
	now := wallclock.Millis(start)
	own, other := e.l, e.r
	if !isLeft {
		own, other = e.r, e.l
	}
	var mine, theirs []int
	for r, n := 0, batch.Rows(); r < n; r++ {
		e.keyBuf = streamengine.RowKey(e.keyBuf[:0], batch, own.key, r)
		k := string(e.keyBuf)
		switch {
		case other.dup && len(other.all[k]) > 0:
			for _, j := range other.all[k] {
				mine, theirs = append(mine, r), append(theirs, j)
			}
		case !other.dup:
			if j, ok := other.latest[k]; ok {
				mine, theirs = append(mine, r), append(theirs, j)
				continue
			}
			fallthrough
		default:
			if !e.inner {
				mine, theirs = append(mine, r), append(theirs, -1)
			}
		}
	}
	var err error
	if len(mine) > 0 {
		err = e.emit(batch, isLeft, mine, theirs, now, start)
	}
	own.add(batch, now, e.keyBuf)
	return err
}

// emit computes and writes the output rows of the batch's rows mine
// joined with the other side's kept rows theirs (-1: none).
func (e *snapshotEngine) emit(batch *value.Table, isLeft bool, mine, theirs []int, now int64, start time.Time) error {
	lt, li, rt, ri := batch, mine, e.r.store, theirs
	if !isLeft {
		lt, li, rt, ri = e.l.store, theirs, batch, mine
	}
	_, res, err := e.compute(lt, li, rt, ri)
	if err != nil {
		return err
	}
	own := e.l
	if !isLeft {
		own = e.r
	}
	var lead []*value.Vector
	for _, k := range own.key {
		lead = append(lead, batch.Cols[k].Gather(mine))
	}
	lead = append(lead, e.l.times(lt, li, isLeft, now), e.r.times(rt, ri, !isLeft, now))
	return streamengine.Emit(e.bg, e.out, output(lead, res, e.elapsed, start, batch.Rows()))
}

// times is the side's time of its rows idx of t (NULL where negative):
// its time column, or when the rows arrived (now for the batch's).
func (s *snapSide) times(t *value.Table, idx []int, batch bool, now int64) *value.Vector {
	if s.time >= 0 {
		return value.GatherOrNull(t.Cols[s.time], idx)
	}
	ms := make([]int64, len(idx))
	for i, j := range idx {
		switch {
		case j < 0:
			ms[i] = value.NullInt64
		case batch:
			ms[i] = now
		default:
			ms[i] = s.arrive[j]
		}
	}
	v := value.NewLongs(ms)
	v.T = value.Timestamp
	return v
}

// add keeps the batch's rows: all of them with duplicates kept, else
// each key's latest.
func (s *snapSide) add(batch *value.Table, now int64, buf []byte) {
	for r, n := 0, batch.Rows(); r < n; r++ {
		buf = streamengine.RowKey(buf[:0], batch, s.key, r)
		if at, replaced := s.put(string(buf), batch, r, nil); replaced {
			s.arrive[at] = now
		} else {
			s.arrive = append(s.arrive, now)
		}
	}
}

// Stat implements streamengine.JoinEngine: getStreamEngineStat's
// SnapshotJoinEngine columns.
func (e *snapshotEngine) Stat() ([]string, []value.Value) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return []string{"leftTableNumRows", "rightTableNumRows", "numMetrics", "metrics", "memoryUsed"},
		[]value.Value{value.NewLong(int64(e.l.store.Rows())), value.NewLong(int64(e.r.store.Rows())), value.NewInt(int32(len(e.metrics.Exprs))),
			value.NewString(e.metrics.Text), memoryUsed(e.l.store, e.r.store)}
}

// Close implements streamengine.JoinEngine: the engine runs nothing of
// its own.
func (e *snapshotEngine) Close() {}
