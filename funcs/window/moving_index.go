package window

import (
	"errors"

	"github.com/porpoisedb/porpoise/ddberr"
	"github.com/porpoisedb/porpoise/funcs"
	"github.com/porpoisedb/porpoise/funcs/exactkey"
	"github.com/porpoisedb/porpoise/funcs/mathfn"
	"github.com/porpoisedb/porpoise/funcs/stats"
	"github.com/porpoisedb/porpoise/funcs/streak"
	"github.com/porpoisedb/porpoise/funcs/window/orderstat"
	"github.com/porpoisedb/porpoise/value"
	"github.com/porpoisedb/porpoise/value/cast"
)

// Moving functions whose results are positions, counts or tuples rather
// than one statistic of the window's values.

// mNot is mfirstNot/mlastNot: the first (last) element of each window
// that is neither NULL nor k.
func mNot(env funcs.Env, fn string, args []value.Value, first bool) (value.Value, error) {
	minP, err := minPeriodsDefault(fn, funcs.Arg(args, 3), 1)
	if err != nil {
		return nil, err
	}
	var framesOf func(n int) *frames
	if tf, ok, err := durationFrames(env, fn, args[0], args[1]); ok {
		if err != nil {
			return nil, err
		}
		tf.minCount = minP
		framesOf = func(int) *frames { return tf }
	} else {
		w, _, err := movingArgs(fn, args[1], nil)
		if err != nil {
			return nil, err
		}
		framesOf = func(n int) *frames { return countFrames(n, w, minP) }
	}
	k := funcs.Arg(args, 2)
	// unlike the statistics, picking an element works on any type, so a
	// table keeps its STRING and SYMBOL columns (funcs/m/mfirstnot.md)
	return movingAllColumns(fn, args[0], func(v *value.Vector) (*value.Vector, error) {
		skip := func(i int) bool { return v.IsNull(i) }
		if s, ok := funcs.ScalarArg(k); ok && !s.Null {
			c, err := cast.To(s, v.T, v.Scale)
			if err != nil {
				return nil, err
			}
			kv := c.(*value.Scalar).Vector()
			skip = func(i int) bool { return v.IsNull(i) || value.CompareAcross(v, i, kv, 0) == 0 }
		}
		f := framesOf(v.Len())
		idx := make([]int, v.Len())
		for i := range idx {
			idx[i] = -1
			if !f.ready[i] || i-f.lo[i]+1 < f.minCount {
				continue
			}
			if first {
				for j := f.lo[i]; j <= i; j++ {
					if !skip(j) {
						idx[i] = j
						break
					}
				}
			} else {
				for j := i; j >= f.lo[i]; j-- {
					if !skip(j) {
						idx[i] = j
						break
					}
				}
			}
		}
		return value.GatherOrNull(v, idx), nil
	})
}

// firstNotIndex is mifirstNot (milastNot, the last, lives with the
// lookup functions): the position inside each window of its first
// non-NULL element.
func firstNotIndex(v *value.Vector, f *frames) (*value.Vector, error) {
	out := make([]int32, v.Len())
	for i := range out {
		out[i] = value.NullInt32
		if !f.ready[i] {
			continue
		}
		cnt, pick := 0, -1
		for j := f.lo[i]; j <= i; j++ {
			if v.IsNull(j) {
				continue
			}
			cnt++
			if pick < 0 {
				pick = j
			}
		}
		if pick >= 0 && cnt >= f.minCount {
			out[i] = int32(pick - f.lo[i])
		}
	}
	return value.NewInts(out), nil
}

// rangeCount counts the elements just left of i, back to lo, that are
// all below (dir 1: mTopRange) or above (dir -1: mLowRange) element i;
// NULL is the smallest value.
func rangeCount(xs []float64, lo, i, dir int) int32 {
	x := xs[i]
	xn := funcs.IsNullF(x)
	var n int32
	for j := i - 1; j >= lo; j-- {
		c := stats.CompareNullLow(xs[j], funcs.IsNullF(xs[j]), x, xn)
		if c*dir >= 0 {
			break
		}
		n++
	}
	return n
}

// rangeColumn is mLowRange/mTopRange over count windows.
func rangeColumn(fn string, dir int) frameColumn {
	return func(v *value.Vector, f *frames) (*value.Vector, error) {
		xs, err := exactkey.Order(fn, mathfn.AsNumeric(v))
		if err != nil {
			return nil, err
		}
		return rangeResult(xs, f, dir), nil
	}
}

// rangeResult applies rangeCount to every ready frame with enough
// non-NULL values.
func rangeResult(xs []float64, f *frames, dir int) *value.Vector {
	out := make([]int32, len(xs))
	for i := range out {
		out[i] = value.NullInt32
		if !f.ready[i] {
			continue
		}
		cnt := 0
		for _, y := range xs[f.lo[i] : i+1] {
			if !funcs.IsNullF(y) {
				cnt++
			}
		}
		if cnt < f.minCount {
			continue
		}
		out[i] = rangeCount(xs, f.lo[i], i, dir)
	}
	return value.NewInts(out)
}

// tmRange is tmLowRange/tmTopRange over time windows.
func tmRange(env funcs.Env, fn string, args []value.Value, dir int) (value.Value, error) {
	f, err := tmFrames(env, fn, args[0], args[2])
	if err != nil {
		return nil, err
	}
	return MovingColumns(fn, args[1], func(v *value.Vector) (*value.Vector, error) {
		xs, err := exactkey.Order(fn, mathfn.AsNumeric(v))
		if err != nil {
			return nil, err
		}
		if len(xs) != len(f.lo) {
			return nil, ddberr.Errorf("The arguments [T] and [X] of %s must have the same length.", fn)
		}
		return rangeResult(xs, f, dir), nil
	})
}

// mmaxPositiveStreak is the largest sum of consecutive positive elements
// inside each window.
func mmaxPositiveStreak(_ funcs.Env, args []value.Value) (value.Value, error) {
	w, _, err := movingArgs("mmaxPositiveStreak", args[1], nil)
	if err != nil {
		return nil, err
	}
	return MovingColumns("mmaxPositiveStreak", args[0], funcs.WithDoubles("mmaxPositiveStreak", func(v *value.Vector, xs []float64) (*value.Vector, error) {
		f := countFrames(len(xs), w, 0)
		if v.T.IsDecimal() {
			return streak.Windows(v, f.lo, f.ready)
		}
		if funcs.IsIntegralVec(v) {
			// as LONGs: a DOUBLE sum drops a LONG's digits past 2^53
			return funcs.FromLongs(v.T, maxStreaks(funcs.LongsOf(v), f, value.NullInt64)), nil
		}
		return value.NewDoubles(maxStreaks(xs, f, value.NullFloat64)), nil
	}))
}

// maxStreaks is each ready window's largest sum of consecutive positive
// xs (NULL, null, apart).
func maxStreaks[T int64 | float64](xs []T, f *frames, null T) []T {
	out := make([]T, len(xs))
	for i := range out {
		if !f.ready[i] {
			out[i] = null
			continue
		}
		var best, run T
		for _, x := range xs[f.lo[i] : i+1] {
			if x != null && x > 0 {
				run += x
				best = max(best, run)
			} else {
				run = 0
			}
		}
		out[i] = best
	}
	return out
}

// mRegression is mslr (intercept, slope) or mmse (slope, mean squared
// error) of the least-squares fit of Y on X in each window.
func mRegression(fn string, args []value.Value) (value.Value, error) {
	yv, ok1 := funcs.VectorArg(args[0])
	xv, ok2 := funcs.VectorArg(args[1])
	if !ok1 || !ok2 || yv.Len() != xv.Len() {
		return nil, ddberr.Errorf("Y and X of %s must be numeric vectors of the same length.", fn)
	}
	w, minP, err := movingArgs(fn, args[2], funcs.Arg(args, 3))
	if err != nil {
		return nil, err
	}
	ys, xs, err := funcs.DoublesOf2(fn, yv, xv)
	if err != nil {
		return nil, err
	}
	f := countFrames(len(xs), w, minP)
	// every row is written in the loop, NULL or a finite result: no
	// passes to fill the columns with NULL first and clear the
	// non-finite ones after
	first, second := make([]float64, len(xs)), make([]float64, len(xs))
	slr := fn == "mslr"
	// x = X, y = Y in the pair sums. The loop spells fitRow out: too
	// large to inline, it would be a call a row, which spills the sums.
	if slidePairs(xs, ys, f)(func(i int, p *stats.PairSums, full bool) {
		first[i], second[i] = value.NullFloat64, value.NullFloat64
		if !full || p.N < 2 {
			return
		}
		vx := p.Sxx - p.Sx*p.Sx/p.N
		if vx == 0 {
			return
		}
		slope := (p.Sxy - p.Sx*p.Sy/p.N) / vx
		icpt := (p.Sy-slope*p.Sx)/p.N + p.Ky - slope*p.Kx
		if slr {
			first[i], second[i] = finiteOrNull(icpt), finiteOrNull(slope)
			return
		}
		rss := residualSquares(xs[f.lo[i]:i+1], ys[f.lo[i]:i+1], icpt, slope)
		first[i], second[i] = finiteOrNull(slope), finiteOrNull(rss/p.N)
	}) {
		slidePairInfinities(xs, ys, f, func(i int, p *stats.PairSums, q *stats.InfPairs, full bool) {
			// a frame holding an infinity has an infinite mean: its
			// fit, from the deviations from it, is NaN
			first[i], second[i] = fitRow(p, full && q.N == 0, slr, xs, ys, f.lo[i], i)
		})
	}
	return value.NewTuple([]value.Value{value.NewDoubles(first), value.NewDoubles(second)}), nil
}

// fitRow is one row of mslr (intercept, slope) or mmse (slope, mean
// squared error) from the pair sums p of the frame lo..i, NULL where the
// frame is not full or the fit not finite, for slidePairInfinities.
func fitRow(p *stats.PairSums, full, slr bool, xs, ys []float64, lo, i int) (float64, float64) {
	if !full || p.N < 2 {
		return value.NullFloat64, value.NullFloat64
	}
	vx := p.Sxx - p.Sx*p.Sx/p.N
	if vx == 0 {
		return value.NullFloat64, value.NullFloat64
	}
	slope := (p.Sxy - p.Sx*p.Sy/p.N) / vx
	icpt := (p.Sy-slope*p.Sx)/p.N + p.Ky - slope*p.Kx
	if slr {
		return finiteOrNull(icpt), finiteOrNull(slope)
	}
	return finiteOrNull(slope), finiteOrNull(residualSquares(xs[lo:i+1], ys[lo:i+1], icpt, slope) / p.N)
}

// residualSquares is the residual sum of squares of the fit over the
// pairs with neither NULL.
func residualSquares(xs, ys []float64, icpt, slope float64) float64 {
	rss := 0.0
	for j := range xs {
		if funcs.IsNullF(xs[j]) || funcs.IsNullF(ys[j]) {
			continue
		}
		e := ys[j] - icpt - slope*xs[j]
		rss += e * e
	}
	return rss
}

// finiteOrNull is r, or NULL for NaN and the infinities (whose r-r is
// NaN).
func finiteOrNull(r float64) float64 {
	if r-r != 0 {
		return value.NullFloat64
	}
	return r
}

// movingWindowIndex lists the indexes of each window's elements: the
// window contents of the vector 0..n-1.
func movingWindowIndex(env funcs.Env, args []value.Value) (value.Value, error) {
	v, w, pad, err := windowArgs("movingWindowIndex", args)
	if err != nil {
		return nil, err
	}
	idx := make([]int32, v.Len())
	for i := range idx {
		idx[i] = int32(i)
	}
	return windowData(env, "movingWindowIndex", value.NewInts(idx), countFrames(len(idx), w, 0), pad)
}

// movingTopNIndex lists, per window, the indexes of its top elements in
// sorted order (NULLs excluded).
func movingTopNIndex(env funcs.Env, args []value.Value) (value.Value, error) {
	v, ok := funcs.VectorArg(args[0])
	if !ok {
		return nil, ddberr.Errorf("X of movingTopNIndex must be a vector.")
	}
	w, _, err := movingArgs("movingTopNIndex", args[1], nil)
	if err != nil {
		return nil, err
	}
	top, err := funcs.IntArg("movingTopNIndex", "top", args[2], 0)
	if err != nil || top < 1 || int(top) > w {
		return nil, errors.New("top of movingTopNIndex must be an integer in [1, window].")
	}
	r := funcs.ReadArgs("movingTopNIndex", args)
	asc := r.Bool("ascending", r.Arg(3), true)
	fixed := r.Bool("fixed", r.Arg(4), false)
	if err := r.Err(); err != nil {
		return nil, err
	}
	ties, ok := funcs.ChoiceArg(funcs.Arg(args, 5), "oldest", "latest")
	if !ok {
		return nil, errors.New("tiesMethod of movingTopNIndex must be 'oldest' or 'latest'.")
	}
	xs, err := exactkey.Order("movingTopNIndex", mathfn.AsNumeric(v))
	if err != nil {
		return nil, err
	}
	o := topNOpts{top: int(top), asc: asc, ties: orderstat.TiesOldest}
	if ties == "latest" {
		o.ties = orderstat.TiesLatest
	}
	out := &value.Vector{T: value.Int + value.ArrayOffset, I32: make([]int32, 0, len(xs)*int(top)), Offsets: make([]int64, len(xs))}
	err = eachTopN(funcs.ContextOf(env), xs, countFrames(len(xs), w, 0), o, func(i int, rows []int, _ bool) {
		for k := len(rows); fixed && k < int(top); k++ {
			out.I32 = append(out.I32, value.NullInt32)
		}
		for _, j := range rows {
			out.I32 = append(out.I32, int32(j))
		}
		out.Offsets[i] = int64(len(out.I32))
	})
	return out, err
}

// tmpercentile is the percentile of each time window.
func tmpercentile(env funcs.Env, args []value.Value) (value.Value, error) {
	q, method, err := percentArgs("tmpercentile", args[2], funcs.Arg(args, 4))
	if err != nil {
		return nil, err
	}
	f, err := tmFrames(env, "tmpercentile", args[0], args[3])
	if err != nil {
		return nil, err
	}
	return orderColumns(env, "tmpercentile", args[1], func(n int) (*frames, error) {
		if n != len(f.lo) {
			return nil, ddberr.Errorf("The arguments [T] and [X] of tmpercentile must have the same length.")
		}
		return f, nil
	}, orderstat.Quantile(q, method))
}

// tmrank is each element's rank within its time window.
func tmrank(env funcs.Env, args []value.Value) (value.Value, error) {
	asc, err := funcs.BoolArg("tmrank", "ascending", args[2], true)
	if err != nil {
		return nil, err
	}
	f, err := tmFrames(env, "tmrank", args[0], args[3])
	if err != nil {
		return nil, err
	}
	o, err := stats.ParseRankOptions("tmrank", []value.Value{args[2], funcs.Arg(args, 4), funcs.Arg(args, 5), funcs.Arg(args, 6)}, 0)
	if err != nil {
		return nil, err
	}
	o.Ascending = asc
	return MovingColumns("tmrank", args[1], func(v *value.Vector) (*value.Vector, error) {
		xs, err := exactkey.Order("tmrank", mathfn.AsNumeric(v))
		if err != nil {
			return nil, err
		}
		if len(xs) != len(f.lo) {
			return nil, ddberr.Errorf("The arguments [T] and [X] of tmrank must have the same length.")
		}
		out := make([]float64, len(xs))
		for i, x := range xs {
			xn := funcs.IsNullF(x)
			if xn && o.IgnoreNA {
				out[i] = value.NullFloat64
				continue
			}
			less, equal, n, _ := stats.RankCounts(x, xs[f.lo[i]:i+1], o)
			out[i] = stats.RankOf(x, less, equal, n, o)
		}
		return stats.RankResult(out, o), nil
	})
}
