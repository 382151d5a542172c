package tsengine

import (
	"math"
	"sort"

	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/streamengine"
	"github.com/porpoisedb/porpoise/value"
)

// bucketParams are createTimeBucketEngine's parameters.
var bucketParams = []string{"name", "timeCutPoints", "metrics", "dummyTable", "outputTable", "timeColumn", "keyColumn",
	"useWindowStartTime", "closed", "fill", "keyPurgeFreqInSec", "outputElapsedMicroseconds", "parallelism",
	"outputHandler", "msgAsTable"}

// tsOfBucket is, for each of createTimeSeriesEngine's parameters, the
// position of the same parameter among createTimeBucketEngine's, -1 for
// none.
var tsOfBucket = []int{0, -1, -1, 2, 3, 4, 5, -1, 6, -1, -1, 7, -1, -1, -1, 9, -1, -1, -1, 8, 11, -1, 12, -1, 13, 14}

// createTimeBucketEngine creates a time-series engine whose windows lie
// between adjacent timeCutPoints, each day (funcs/c/createtimebucketengine.md).
func createTimeBucketEngine(env funcs.Env, args []value.Value) (value.Value, error) {
	const fn = "createTimeBucketEngine"
	ts := make([]value.Value, len(tsParams))
	for i, j := range tsOfBucket {
		if j >= 0 {
			ts[i] = funcs.Arg(args, j)
		}
	}
	// the windows are the buckets: windowSize and step play no part
	ts[1], ts[2] = value.NewInt(1), value.NewInt(1)
	c, dummy, err := parseConfig(env, fn, ts)
	if err != nil {
		return nil, err
	}
	if p := funcs.GivenArg(args, 10); p != nil {
		if c.purgeFreq, err = funcs.PositiveIntArg(fn, "keyPurgeFreqInSec", p, 0); err != nil {
			return nil, err
		}
		if len(c.keyCols) == 0 || c.fill != nil {
			return nil, funcs.BadArg(fn, "keyPurgeFreqInSec", "given with keyColumn and without fill")
		}
	}
	b, err := newBuckets(fn, funcs.Arg(args, 1), c)
	if err != nil {
		return nil, err
	}
	return streamengine.Create(env, "TimeBucketEngine", args[0], dummy, func(bg funcs.Env) (streamengine.Engine, error) {
		return newEngine(c, b, bg, dummy), nil
	})
}

// buckets is createTimeBucketEngine's calendar: each day's windows lie
// between adjacent cut points. At the cut points' precision (unit, in
// the time column's units) a window [a, b) holds the rows from a to
// b - unit and closes at the first row at b - unit or later; a window
// (a, b] holds the rows after a up to b and closes at the first row at
// b or later. Rows outside the windows count in none.
type buckets struct {
	cuts   []int64 // within a day, ascending, in the time column's units
	unit   int64
	perDay int64 // 0 when the time column holds no date
	right  bool
}

// never is the end of a window no row closes: the windows of a time
// column without dates end at its last cut point.
const never = math.MaxInt64 / 4

func newBuckets(fn string, v value.Value, c *config) (*buckets, error) {
	bad := funcs.BadArg(fn, "timeCutPoints", "a MINUTE or SECOND vector of at least 2 increasing times without NULL values")
	vec, ok := v.(*value.Vector)
	if !ok || vec.T != value.Minute && vec.T != value.Second || vec.Len() < 2 {
		return nil, bad
	}
	colUnit := unitOf(c.timeType)
	cutUnit := unitOf(vec.T)
	switch c.timeType {
	case value.Date, value.Month, value.DateHour:
		colUnit = cutUnit + 1 // no cut point lies within a day of these
	}
	if cutUnit < colUnit || cutUnit%colUnit != 0 {
		return nil, funcs.BadArg(fn, "timeCutPoints", "of a precision no finer than the time column's")
	}
	b := &buckets{unit: int64(cutUnit / colUnit), right: c.closedRight}
	switch c.timeType {
	case value.DateTime, value.Timestamp, value.NanoTimestamp, value.DateMinute:
		b.perDay = perDay(c.timeType)
	}
	for i := 0; i < vec.Len(); i++ {
		s := vec.At(i)
		if s.Null {
			return nil, bad
		}
		x := s.I * b.unit
		if i > 0 && x <= b.cuts[i-1] {
			return nil, bad
		}
		b.cuts = append(b.cuts, x)
	}
	return b, nil
}

// split is t's day (0 without dates) and time within it.
func (b *buckets) split(t int64) (int64, int64) {
	if b.perDay == 0 {
		return 0, t
	}
	d := streamengine.FloorDiv(t, b.perDay)
	return d, t - d*b.perDay
}

// at is the time of cut point i of day d.
func (b *buckets) at(d int64, i int) int64 { return d*b.perDay + b.cuts[i] }

// bucket is the window of a time within a day: the index of its end
// cut point, 0 before the first window, len(cuts) after the last.
func (b *buckets) bucket(tod int64) int {
	if b.right {
		// the first cut at or after tod
		return sort.Search(len(b.cuts), func(i int) bool { return b.cuts[i] >= tod })
	}
	return sort.Search(len(b.cuts), func(i int) bool { return b.cuts[i] > tod })
}

// in reports whether a row at tod counts in the window ending at cut i.
func (b *buckets) in(tod int64, i int) bool {
	if i == 0 || i == len(b.cuts) {
		return false
	}
	if b.right {
		return true
	}
	return tod <= b.cuts[i]-b.unit
}

func (b *buckets) place(t int64) (int64, int64, bool) {
	_, tod := b.split(t)
	if b.in(tod, b.bucket(tod)) {
		// a row closes its own window once it is in it (after)
		return t, t, true
	}
	return t, b.after(t), false
}

// rowCloser is a calendar whose rows may close the window they are in:
// the engine closes windows at after(t) once it has taken a row at t.
type rowCloser interface{ after(t int64) int64 }

// after is the time a row at t closes windows at once it is taken: a
// window [a, b) closes at b - unit, a window (a, b] at b.
func (b *buckets) after(t int64) int64 {
	if b.right {
		return t + 1
	}
	return t + b.unit
}

func (b *buckets) endAfter(t int64) int64 {
	d, tod := b.split(t)
	i := b.bucket(tod)
	switch {
	case i == 0:
		return b.at(d, 1)
	case i < len(b.cuts):
		return b.at(d, i)
	case b.perDay == 0:
		return never
	}
	return b.at(d+1, 1)
}

func (b *buckets) next(end int64) int64 {
	if end >= never {
		return never
	}
	d, tod := b.split(end)
	i := sort.Search(len(b.cuts), func(i int) bool { return b.cuts[i] >= tod })
	switch {
	case i+1 < len(b.cuts):
		return b.at(d, i+1)
	case b.perDay == 0:
		return never
	}
	return b.at(d+1, 1)
}

func (b *buckets) start(end, _ int64) int64 {
	if end >= never {
		return never
	}
	d, tod := b.split(end)
	i := sort.Search(len(b.cuts), func(i int) bool { return b.cuts[i] >= tod })
	return b.at(d, max(i-1, 0))
}
