package higherorder

import (
	"sort"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/value"
)

// callOnWindows calls fn on rows [lo, hi) of list for each row i, with
// frame giving the window of rows 0..n-1 in turn; a row whose frame is
// not ok gives NULL.
func callOnWindows(env funcs.Env, fn value.Value, list []value.Value, n int, frame func(i int) (lo, hi int, ok bool)) (value.Value, error) {
	out := make([]value.Value, n)
	for i := 0; i < n; i++ {
		lo, hi, ok := frame(i)
		if !ok {
			continue
		}
		var err error
		if out[i], err = callOnRows(env, fn, list, lo, hi); err != nil {
			return nil, err
		}
	}
	return rowsResult(list[0], out)
}

// rowsResult assembles one result per row of x. Over a matrix, func gives
// a row of x's columns (sum of a window of rows is a vector of column
// sums), so the rows are stacked down the result, which keeps x's labels:
// moving and window over an indexed series or matrix give one again
// (funcs/ho_funcs/window.md, moving.md).
func rowsResult(x value.Value, out []value.Value) (value.Value, error) {
	r, err := AssembleWithNulls(out, funcs.RuleDolphin)
	if err != nil {
		return nil, err
	}
	m, ok := x.(*value.Matrix)
	if !ok {
		return r, nil
	}
	rm, ok := r.(*value.Matrix)
	if !ok || rm.Cols != len(out) || rm.Rows != m.Cols {
		return r, nil
	}
	t := rm.Transpose()
	t.RowLabels, t.ColLabels, t.Indexed = m.RowLabels, m.ColLabels, m.Indexed
	return t, nil
}

// indexedLabels returns the row labels of x when it is an indexed series
// or indexed matrix.
func indexedLabels(x value.Value) (*value.Vector, bool) {
	m, ok := x.(*value.Matrix)
	if !ok || m.Indexed == value.NotIndexed || m.RowLabels == nil {
		return nil, false
	}
	return m.RowLabels, true
}

// moving calls func on the window of each row: the last window rows,
// or, for a DURATION window over an indexed series or matrix, the rows
// whose labels lie in (temporalAdd(fi, -window), fi]. Without minPeriods
// the first window-1 rows are NULL and every later window is computed
// whatever NULLs it holds (tutorials/window_cal.md 5.2: moving(sum, vol,
// 3) is msum(vol, 3)); with it, a window needs minPeriods non-NULL values
// (funcs/themes/mFunctions.md).
func xmoving(env funcs.Env, args []value.Value) (value.Value, error) {
	fn, list, n, err := fnAndArgs("moving", args[0], args[1])
	if err != nil {
		return nil, err
	}
	r := funcs.ReadArgs("moving", args)
	var minP int64
	if mp := funcs.Arg(args, 3); mp != nil {
		minP = r.PositiveInt("minPeriods", mp, 0)
	}
	if d, ok := funcs.ScalarArg(args[2]); ok && !d.Null && d.T == value.Duration {
		if err := r.Err(); err != nil {
			return nil, err
		}
		return movingByTime(env, fn, list, n, d, int(minP))
	}
	w := int(r.PositiveInt("window", args[2], 0))
	if err := r.Err(); err != nil {
		return nil, err
	}
	return callOnWindows(env, fn, list, n, func(i int) (int, int, bool) {
		lo := max(i-w+1, 0)
		if minP == 0 {
			return lo, i + 1, i >= w-1
		}
		return lo, i + 1, xcountValid(list[0], lo, i+1) >= int(minP)
	})
}

// movingByTime is moving with a DURATION window, which funcArgs' row
// labels measure; the window is open on the left (window.md contrasts it
// with window's closed one).
func movingByTime(env funcs.Env, fn value.Value, list []value.Value, n int, d *value.Scalar, minP int) (value.Value, error) {
	labels, ok := indexedLabels(list[0])
	if !ok || labels.T.Category() != value.CatTemporal {
		return nil, ddberr.Errorf("X of %s must be an indexed series or an indexed matrix when window is a DURATION.", "moving")
	}
	_, ts, err := TemporalIndex("moving", labels)
	if err != nil {
		return nil, err
	}
	starts, _, err := ShiftedTicks(env, "moving", labels, ts, d, true)
	if err != nil {
		return nil, err
	}
	return callOnWindows(env, fn, list, n, func(i int) (int, int, bool) {
		lo := sort.Search(i, func(j int) bool { return ts[j] > starts[i] })
		return lo, i + 1, minP == 0 || xcountValid(list[0], lo, i+1) >= minP
	})
}

// window calls func on rows [i+d1, i+d2] of funcArgs for range d1:d2, or,
// over an indexed series or matrix, on the rows whose labels lie in
// [temporalAdd(fi, d1), temporalAdd(fi, d2)] (fi+d1..fi+d2 for integral
// labels); both ends are included (funcs/ho_funcs/window.md).
func windowFn(env funcs.Env, args []value.Value) (value.Value, error) {
	fn, list, n, err := fnAndArgs("window", args[0], args[1])
	if err != nil {
		return nil, err
	}
	r, ok := args[2].(*value.Pair)
	integral := ok && r.V.T.Category() == value.CatIntegral
	if labels, indexed := indexedLabels(list[0]); ok && indexed && (integral || labels.T.Category() == value.CatTemporal) {
		return windowByLabels(env, fn, list, n, labels, r)
	}
	if !integral {
		return nil, ddberr.Errorf("The argument [range] of window must be an integral pair.")
	}
	d1, d2 := r.V.At(0).I, r.V.At(1).I
	return callOnWindows(env, fn, list, n, func(i int) (int, int, bool) {
		lo, hi := max(int64(i)+d1, 0), min(int64(i)+d2+1, int64(n))
		return int(lo), int(hi), lo < hi
	})
}

// windowByLabels is window over an indexed series or matrix, whose
// labels are ascending.
func windowByLabels(env funcs.Env, fn value.Value, list []value.Value, n int, labels *value.Vector, r *value.Pair) (value.Value, error) {
	_, ts, err := TemporalIndex("window", labels)
	if err != nil {
		return nil, err
	}
	los, _, err := ShiftedTicks(env, "window", labels, ts, r.V.At(0), false)
	if err != nil {
		return nil, err
	}
	his, _, err := ShiftedTicks(env, "window", labels, ts, r.V.At(1), false)
	if err != nil {
		return nil, err
	}
	return callOnWindows(env, fn, list, n, func(i int) (int, int, bool) {
		lo := sort.Search(n, func(j int) bool { return ts[j] >= los[i] })
		hi := sort.Search(n, func(j int) bool { return ts[j] > his[i] })
		return lo, hi, lo < hi
	})
}

// tmoving calls func on the rows whose T lies in (temporalAdd(Ti,
// -window), Ti] (funcs/themes/tmFunctions.md).
func xtmoving(env funcs.Env, args []value.Value) (value.Value, error) {
	fn, err := FnArg("tmoving", args[0])
	if err != nil {
		return nil, err
	}
	tv, ts, err := TemporalIndex("tmoving", args[1])
	if err != nil {
		return nil, err
	}
	list, n, err := funcArgsOf("tmoving", args[2])
	if err != nil {
		return nil, err
	}
	if n != len(ts) {
		return nil, ddberr.Errorf("The arguments T and funcArgs of tmoving must have the same length.")
	}
	if ts, err = tradingTicks("tmoving", tv, ts, funcs.Arg(args, 4)); err != nil {
		return nil, err
	}
	starts, _, err := ShiftedTicks(env, "tmoving", tv, ts, args[3], true)
	if err != nil {
		return nil, err
	}
	return callOnWindows(env, fn, list, n, func(i int) (int, int, bool) {
		return sort.Search(i, func(j int) bool { return ts[j] > starts[i] }), i + 1, true
	})
}

// countValid is the number of non-NULL elements of the first argument's
// rows [lo, hi), for minPeriods: a vector's, or a one-column matrix's (an
// indexed series); other arguments count every row.
func xcountValid(x value.Value, lo, hi int) int {
	v, ok := x.(*value.Vector)
	if m, isM := x.(*value.Matrix); isM && m.Cols == 1 {
		v, ok = funcs.MatrixColumn(m, 0), true
	}
	if !ok || v.T == value.Any {
		return hi - lo
	}
	n := 0
	for i := lo; i < hi; i++ {
		if !v.IsNull(i) {
			n++
		}
	}
	return n
}

// ShiftedTicks returns T's values ts (of tv's type) moved by the offset
// x, in T's ticks, and the offset as written: by a fixed number of ticks
// for an integer (in T's unit) or a DURATION of fixed length, and by
// temporalAdd(T, x) for a DURATION in calendar units (M, y, B, a trading
// calendar), whose length depends on the date (tmFunctions.md's window
// (temporalAdd(Ti, -window), Ti], window.md's and twindow.md's
// temporalAdd(Ti, d1)). back moves by -x.
func ShiftedTicks(env funcs.Env, name string, tv *value.Vector, ts []int64, x value.Value, back bool) (shifted []int64, amount int64, err error) {
	if s, ok := funcs.ScalarArg(x); ok && !s.Null && s.T == value.Duration && tv.T.Category() == value.CatTemporal &&
		value.DurationNanos(value.DurationUnit(s)) == 0 {
		add, ok := env.Function("temporalAdd")
		if !ok {
			return nil, 0, funcs.UnknownFunction("temporalAdd")
		}
		d := s
		if back {
			d = value.NewDuration(-s.I, value.DurationUnit(s))
		}
		moved, err := env.Call(add, tv, d)
		if err != nil {
			return nil, 0, err
		}
		_, shifted, err := TemporalIndex(name, moved)
		return shifted, s.I, err
	}
	d, err := WindowTicks(name, tv.T, x)
	if err != nil {
		return nil, 0, err
	}
	step := d
	if back {
		step = -d
	}
	shifted = make([]int64, len(ts))
	for i, t := range ts {
		shifted[i] = t + step
	}
	return shifted, d, nil
}

// tradingTicks returns T's ticks with excludedPeriod, a pair of times of
// day, taken out of every day: a time after the period moves back by its
// length, and each day by its length once more, so a window reaching
// back from 13:00:30 past a 11:30-13:00 break takes in the morning's
// last half minute (funcs/ho_funcs/tmoving.md, twindow.md). A time
// inside the period counts as its start. Without excludedPeriod ts is
// returned as it is.
func tradingTicks(name string, tv *value.Vector, ts []int64, excluded value.Value) ([]int64, error) {
	if funcs.NullOrAbsent(excluded) {
		return ts, nil
	}
	p, ok := excluded.(*value.Pair)
	if !ok || !timeOfDay(p.V.T) {
		return nil, ddberr.Errorf("The argument [excludedPeriod] of %s must be a pair of TIME, NANOTIME, MINUTE or SECOND.", name)
	}
	switch tv.T {
	case value.Timestamp, value.NanoTimestamp, value.Time, value.NanoTime:
	default:
		return nil, ddberr.Errorf("With excludedPeriod, T of %s must be TIMESTAMP, NANOTIMESTAMP, TIME or NANOTIME.", name)
	}
	per := value.TickNanos(tv.T)
	unit := value.TickNanos(p.V.T)
	start, end := p.V.At(0).I*unit/per, p.V.At(1).I*unit/per
	if end <= start {
		return nil, ddberr.Errorf("The right value of [excludedPeriod] of %s must be greater than the left.", name)
	}
	day, gap := 86400e9/per, end-start
	out := make([]int64, len(ts))
	for i, t := range ts {
		d, tod := value.FloorDiv(t, day), value.FloorMod(t, day)
		shift := d * gap
		switch {
		case tod >= end:
			shift += gap
		case tod > start:
			shift += tod - start
		}
		out[i] = t - shift
	}
	return out, nil
}

// timeOfDay reports whether t holds a time of day.
func timeOfDay(t value.Type) bool {
	switch t {
	case value.Time, value.NanoTime, value.Minute, value.Second:
		return true
	}
	return false
}
